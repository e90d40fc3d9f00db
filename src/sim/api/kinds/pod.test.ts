import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createCluster } from '../../cluster';
import type { KubeObject } from '../../objects';
import { defaultPullPolicy } from './pod';

function pod(spec: unknown, name = 'web'): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec };
}

function message(obj: KubeObject, update = false): string {
  const api = createCluster().api;
  const res = update ? api.update(obj) : api.create(obj);
  if (res.ok) throw new Error('expected a rejection');
  return res.status.message;
}

describe('Pod defaulting', () => {
  it('fills what kube-apiserver and its admission plugins fill', () => {
    const c = createCluster();
    const res = c.api.create(
      parse(`
apiVersion: v1
kind: Pod
metadata:
  name: nginx
spec:
  containers:
  - name: nginx
    image: nginx:1.14.2
    ports:
    - containerPort: 80
    resources:
      limits: {cpu: 500m, memory: 128Mi}
`) as KubeObject,
    );
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const spec = res.object.spec as Record<string, unknown> & { containers: Record<string, unknown>[] };
    expect(spec).toMatchObject({
      restartPolicy: 'Always',
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
      terminationGracePeriodSeconds: 30,
      securityContext: {},
      enableServiceLinks: true,
      preemptionPolicy: 'PreemptLowerPriority',
      priority: 0,
      serviceAccountName: 'default',
      serviceAccount: 'default',
      tolerations: [
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
    });
    expect(spec.containers[0]).toMatchObject({
      imagePullPolicy: 'IfNotPresent',
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
      ports: [{ containerPort: 80, protocol: 'TCP' }],
      resources: { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '500m', memory: '128Mi' } },
    });
    expect(res.object.status).toEqual({ phase: 'Pending', qosClass: 'Guaranteed' });
    expect(res.object.metadata.namespace).toBe('default');
  });

  it('computes the QoS class', () => {
    const api = createCluster().api;
    const qos = (resources: unknown, name: string) => {
      const r = api.create(pod({ containers: [{ name: 'c', image: 'busybox', resources }] }, name));
      return r.ok ? (r.object.status as { qosClass: string }).qosClass : r.status.message;
    };
    expect(qos(undefined, 'a')).toBe('BestEffort');
    expect(qos({ requests: { cpu: '100m' } }, 'b')).toBe('Burstable');
    expect(qos({ limits: { cpu: 1, memory: '1Gi' } }, 'c')).toBe('Guaranteed');
  });

  it('pulls :latest and untagged images always, tagged ones if not present', () => {
    expect(defaultPullPolicy('nginx')).toBe('Always');
    expect(defaultPullPolicy('nginx:latest')).toBe('Always');
    expect(defaultPullPolicy('localhost:5000/app')).toBe('Always');
    expect(defaultPullPolicy('nginx:1.27')).toBe('IfNotPresent');
    expect(defaultPullPolicy('nginx@sha256:abc')).toBe('IfNotPresent');
  });
});

describe('Pod validation messages', () => {
  it('requires containers', () => {
    expect(message(pod({}))).toBe('Pod "web" is invalid: spec.containers: Required value');
  });

  it('rejects duplicate container names and a missing image', () => {
    expect(message(pod({ containers: [{ name: 'a', image: 'x' }, { name: 'a' }] }))).toBe(
      'Pod "web" is invalid: [spec.containers[1].name: Duplicate value: "a", spec.containers[1].image: Required value]',
    );
  });

  it('lists supported values', () => {
    expect(message(pod({ restartPolicy: 'Sometimes', containers: [{ name: 'a', image: 'x' }] }))).toBe(
      'Pod "web" is invalid: spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"',
    );
    expect(message(pod({ dnsPolicy: 'Google', containers: [{ name: 'a', image: 'x', imagePullPolicy: 'Sometimes' }] }))).toBe(
      'Pod "web" is invalid: [spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never", spec.dnsPolicy: Unsupported value: "Google": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"]',
    );
  });

  it('checks port ranges and required containerPort', () => {
    expect(message(pod({ containers: [{ name: 'a', image: 'x', ports: [{ containerPort: 70000 }, { name: 'http' }] }] }))).toBe(
      'Pod "web" is invalid: [spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive, spec.containers[0].ports[1].containerPort: Required value]',
    );
  });

  it('keeps requests at or under limits', () => {
    expect(message(pod({ containers: [{ name: 'a', image: 'x', resources: { requests: { cpu: '600m' }, limits: { cpu: '500m' } } }] }))).toBe(
      'Pod "web" is invalid: spec.containers[0].resources.requests: Invalid value: "600m": must be less than or equal to cpu limit of 500m',
    );
  });

  it('needs mounted volumes to exist and volume names to be unique', () => {
    expect(
      message(
        pod({
          volumes: [{ name: 'data', emptyDir: {} }, { name: 'data', emptyDir: {} }],
          containers: [{ name: 'a', image: 'x', volumeMounts: [{ name: 'x', mountPath: '/x' }] }],
        }),
      ),
    ).toBe('Pod "web" is invalid: [spec.volumes[1].name: Duplicate value: "data", spec.containers[0].volumeMounts[0].name: Not found: "x"]');
  });

  it('checks names, labels and nodeName', () => {
    expect(message(pod({ containers: [{ name: 'My_App', image: 'x' }] }))).toBe(
      `Pod "web" is invalid: spec.containers[0].name: Invalid value: "My_App": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    );
    const bad: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', labels: { 'app!': 'a b' } }, spec: { containers: [{ name: 'a', image: 'x' }] } };
    expect(message(bad)).toBe(
      `Pod "web" is invalid: [metadata.labels: Invalid value: "app!": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]'), metadata.labels: Invalid value: "a b": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')]`,
    );
    expect(message(pod({ nodeName: 'Worker_1', containers: [{ name: 'a', image: 'x' }] }))).toContain('spec.nodeName: Invalid value: "Worker_1": a lowercase RFC 1123 subdomain');
  });

  it('forbids changing a pod beyond image, deadline, tolerations and grace period', () => {
    const c = createCluster();
    const created = c.api.create(pod({ containers: [{ name: 'a', image: 'nginx:1.26', ports: [{ containerPort: 80 }] }] }));
    expect(created.ok).toBe(true);
    const imageOnly = c.api.update(pod({ containers: [{ name: 'a', image: 'nginx:1.27', ports: [{ containerPort: 80 }] }] }));
    expect(imageOnly.ok).toBe(true);
    const res = c.api.update(pod({ containers: [{ name: 'a', image: 'nginx:1.27', ports: [{ containerPort: 8080 }] }] }));
    expect(res.ok).toBe(false);
    if (!res.ok)
      expect(res.status.message).toBe(
        'Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
      );
  });
});

describe('Namespace defaulting', () => {
  it('adds the finalizer, the name label and Active phase; names are DNS labels', () => {
    const c = createCluster();
    const res = c.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } });
    expect(res.ok && res.object).toMatchObject({
      metadata: { labels: { 'kubernetes.io/metadata.name': 'dev' } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
    const bad = c.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'my.ns' } });
    expect(!bad.ok && bad.status.message).toBe(
      `Namespace "my.ns" is invalid: metadata.name: Invalid value: "my.ns": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
    );
  });
});
