import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { handle } from './rest';

const nginx = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'nginx', labels: { app: 'web' } },
  spec: { containers: [{ name: 'nginx', image: 'nginx:1.14.2', ports: [{ containerPort: 80 }] }] },
};

describe('REST facade', () => {
  it('serves discovery', () => {
    const api = createCluster().api;
    expect(handle(api, { verb: 'GET', path: '/api' }).body).toMatchObject({ kind: 'APIVersions', versions: ['v1'] });
    const groups = handle(api, { verb: 'GET', path: '/apis' }).body as { groups: { name: string }[] };
    expect(groups.groups.map((g) => g.name)).toContain('apps');
    const core = handle(api, { verb: 'GET', path: '/api/v1' }).body as { kind: string; resources: { name: string; namespaced: boolean }[] };
    expect(core.kind).toBe('APIResourceList');
    expect(core.resources).toContainEqual(expect.objectContaining({ name: 'pods', namespaced: true }));
    expect(core.resources.map((r) => r.name)).toContain('pods/status');
    expect(handle(api, { verb: 'GET', path: '/apis/apps/v1' }).body).toMatchObject({ groupVersion: 'apps/v1' });
    expect(handle(api, { verb: 'GET', path: '/apis/extensions/v1beta1' }).status).toBe(404);
  });

  it('creates, gets, lists by label and deletes pods', () => {
    const api = createCluster().api;
    const created = handle(api, { verb: 'POST', path: '/api/v1/namespaces/default/pods', body: nginx });
    expect(created.status).toBe(201);
    expect(handle(api, { verb: 'GET', path: '/api/v1/namespaces/default/pods/nginx' }).body).toMatchObject({ metadata: { name: 'nginx', namespace: 'default' } });
    const listed = handle(api, { verb: 'GET', path: '/api/v1/namespaces/default/pods', query: { labelSelector: 'app=web' } }).body as {
      kind: string;
      metadata: { resourceVersion: string };
      items: unknown[];
    };
    expect(listed.kind).toBe('PodList');
    expect(listed.items).toHaveLength(1);
    expect(Number(listed.metadata.resourceVersion)).toBeGreaterThan(0);
    expect((handle(api, { verb: 'GET', path: '/api/v1/pods', query: { labelSelector: 'app=db' } }).body as { items: unknown[] }).items).toHaveLength(0);
    expect(handle(api, { verb: 'GET', path: '/api/v1/nodes/worker-1' }).body).toMatchObject({ kind: 'Node' });
    expect(handle(api, { verb: 'DELETE', path: '/api/v1/namespaces/default/pods/nginx' }).status).toBe(200);
    const gone = handle(api, { verb: 'GET', path: '/api/v1/namespaces/default/pods/nginx' });
    expect(gone.status).toBe(404);
    expect((gone.body as { message: string }).message).toBe('pods "nginx" not found');
  });

  it('rejects a body whose namespace differs from the URL', () => {
    const api = createCluster().api;
    const res = handle(api, { verb: 'POST', path: '/api/v1/namespaces/kube-system/pods', body: { ...nginx, metadata: { name: 'x', namespace: 'default' } } });
    expect(res.status).toBe(400);
    expect((res.body as { message: string }).message).toBe('the namespace of the provided object does not match the namespace sent on the request');
  });

  it('patches with merge patch, JSON patch and strategic merge patch', () => {
    const api = createCluster().api;
    handle(api, { verb: 'POST', path: '/api/v1/namespaces/default/pods', body: nginx });
    const path = '/api/v1/namespaces/default/pods/nginx';
    const merged = handle(api, { verb: 'PATCH', path, contentType: 'application/merge-patch+json', body: { metadata: { labels: { tier: 'front' } } } });
    expect(merged.body).toMatchObject({ metadata: { labels: { app: 'web', tier: 'front' } } });
    const jp = handle(api, { verb: 'PATCH', path, contentType: 'application/json-patch+json', body: [{ op: 'replace', path: '/spec/containers/0/image', value: 'nginx:1.27' }] });
    expect(jp.status).toBe(200);
    expect(jp.body).toMatchObject({ spec: { containers: [{ image: 'nginx:1.27' }] } });
    const smp = handle(api, { verb: 'PATCH', path, contentType: 'application/strategic-merge-patch+json', body: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.28' }] } } });
    expect(smp.body).toMatchObject({ spec: { containers: [{ name: 'nginx', image: 'nginx:1.28', ports: [{ containerPort: 80 }] }] } });
    const forbidden = handle(api, { verb: 'PATCH', path, contentType: 'application/merge-patch+json', body: { spec: { restartPolicy: 'Never' } } });
    expect(forbidden.status).toBe(422);
    expect((forbidden.body as { message: string }).message).toContain('spec: Forbidden: pod updates may not change fields other than');
  });

  it('writes status through the status subresource', () => {
    const api = createCluster().api;
    handle(api, { verb: 'POST', path: '/api/v1/namespaces/default/pods', body: nginx });
    const res = handle(api, { verb: 'PATCH', path: '/api/v1/namespaces/default/pods/nginx/status', contentType: 'application/merge-patch+json', body: { status: { phase: 'Running' } } });
    expect(res.body).toMatchObject({ status: { phase: 'Running', qosClass: 'BestEffort' } });
  });

  it('binds a pod through pods/binding', () => {
    const api = createCluster().api;
    handle(api, { verb: 'POST', path: '/api/v1/namespaces/default/pods', body: nginx });
    const res = handle(api, { verb: 'POST', path: '/api/v1/namespaces/default/pods/nginx/binding', body: { apiVersion: 'v1', kind: 'Binding', metadata: { name: 'nginx' }, target: { kind: 'Node', name: 'worker-1' } } });
    expect(res.status).toBe(201);
    expect(handle(api, { verb: 'GET', path: '/api/v1/namespaces/default/pods/nginx' }).body).toMatchObject({ spec: { nodeName: 'worker-1' } });
  });

  it('lists unsimulated kinds as empty and refuses to create them', () => {
    const api = createCluster().api;
    expect(handle(api, { verb: 'GET', path: '/apis/apps/v1/namespaces/default/deployments' }).body).toMatchObject({ kind: 'DeploymentList', items: [] });
    const res = handle(api, {
      verb: 'POST',
      path: '/apis/apps/v1/namespaces/default/deployments',
      body: { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { selector: { matchLabels: { a: 'b' } }, template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'a', image: 'b' }] } } } },
    });
    if (res.status !== 201) expect(res.status).toBe(501);
  });

  it('answers unknown paths with 404', () => {
    const api = createCluster().api;
    expect(handle(api, { verb: 'GET', path: '/apis/extensions/v1beta1/namespaces/default/deployments' }).status).toBe(404);
  });
});

describe('REST facade: malformed requests', () => {
  it('answers 400 to a grace period that is not an integer, instead of throwing', () => {
    const api = createCluster().api;
    handle(api, { verb: 'POST', path: '/api/v1/namespaces/default/pods', body: nginx });
    const path = '/api/v1/namespaces/default/pods/nginx';
    const q = handle(api, { verb: 'DELETE', path, query: { gracePeriodSeconds: 'soon' } });
    expect(q.status).toBe(400);
    expect((q.body as { message: string }).message).toBe('strconv.ParseInt: parsing "soon": invalid syntax');
    const b = handle(api, { verb: 'DELETE', path, body: { gracePeriodSeconds: '5' } });
    expect(b.status).toBe(400);
    expect((b.body as { message: string }).message).toBe('json: cannot unmarshal string into Go struct field DeleteOptions.gracePeriodSeconds of type int64');
    expect(handle(api, { verb: 'GET', path }).status).toBe(200);
    expect(handle(api, { verb: 'DELETE', path, query: { gracePeriodSeconds: '0' } }).status).toBe(200);
  });

  it('JSON patch `test` compares objects by their members, not their key order', () => {
    const api = createCluster().api;
    handle(api, { verb: 'POST', path: '/api/v1/namespaces/default/pods', body: nginx });
    const path = '/api/v1/namespaces/default/pods/nginx';
    const ok = handle(api, {
      verb: 'PATCH',
      path,
      contentType: 'application/json-patch+json',
      body: [
        { op: 'test', path: '/spec/containers/0/ports/0', value: { protocol: 'TCP', containerPort: 80 } },
        { op: 'add', path: '/metadata/labels/tested', value: 'yes' },
      ],
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ metadata: { labels: { tested: 'yes' } } });
    const failed = handle(api, {
      verb: 'PATCH',
      path,
      contentType: 'application/json-patch+json',
      body: [{ op: 'test', path: '/spec/containers/0/ports/0', value: { containerPort: 81, protocol: 'TCP' } }],
    });
    expect(failed.status).toBe(422);
  });
});
