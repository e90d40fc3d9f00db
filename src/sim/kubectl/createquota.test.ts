import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import type { Cluster } from '../cluster';
import { runKubectl } from './run';

const k = (c: Cluster, line: string, files: Record<string, string> = {}) => runKubectl(c, line, (n) => files[n]);

const LIMITS = `apiVersion: v1
kind: LimitRange
metadata:
  name: limit-mem-cpu-per-container
spec:
  limits:
  - type: Container
    max: {cpu: 800m, memory: 1Gi}
    min: {cpu: 100m, memory: 99Mi}
    default: {cpu: 700m, memory: 900Mi}
    defaultRequest: {cpu: 110m, memory: 111Mi}
  - type: Pod
    maxLimitRequestRatio: {memory: 2}
`;

describe('kubectl for ResourceQuota and LimitRange', () => {
  it('create quota, get quota (REQUEST/LIMIT columns after the controller syncs), describe quota', () => {
    const c = createCluster({ seed: 3, nodes: 1 });
    expect(k(c, 'create quota q --hard=pods=2,requests.cpu=1,limits.memory=1Gi --dry-run=client -o yaml').stdout).toContain('spec:\n  hard:\n    limits.memory: 1Gi\n    pods: "2"\n    requests.cpu: "1"\n');
    expect(k(c, 'create quota q --hard=pods').stderr).toBe('error: invalid argument pods\n');
    expect(k(c, 'create quota q --hard=pods=2,requests.cpu=1,limits.memory=1Gi').stdout).toBe('resourcequota/q created\n');
    expect(k(c, 'get quota').stdout).toBe('NAME   AGE   REQUEST   LIMIT\nq      0s              \n');
    k(c, 'run web --image=nginx');
    c.tickN(2);
    // The pod declares no cpu request or memory limit: the quota's constraint refuses it.
    expect(k(c, 'run web --image=nginx').stderr).toBe('Error from server (Forbidden): pods "web" is forbidden: failed quota: q: must specify limits.memory for: web; requests.cpu for: web\n');
    k(c, 'apply -f p.yaml', {
      'p.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: c\n    image: nginx\n    resources: {requests: {cpu: 200m}, limits: {memory: 256Mi}}\n',
    });
    c.tickN(2);
    expect(k(c, 'get quota q').stdout).toMatch(/^NAME   AGE   REQUEST                           LIMIT\nq      \ds    pods: 1\/2, requests.cpu: 200m\/1   limits.memory: 256Mi\/1Gi\n$/);
    expect(k(c, 'describe quota q').stdout).toBe('Name:          q\nNamespace:     default\nResource       Used   Hard\n--------       ----   ----\nlimits.memory  256Mi  1Gi\npods           1      2\nrequests.cpu   200m   1\n');
    expect(k(c, 'create quota be --hard=pods=1,cpu=1 --scopes=BestEffort').stderr).toContain('spec.scopes: Invalid value');
    expect(k(c, 'create quota be --hard=pods=1 --scopes=BestEffort').stdout).toBe('resourcequota/be created\n');
    c.tickN(2);
    expect(k(c, 'describe quota be').stdout).toContain('Scopes:     BestEffort\n * Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.\n');
  });

  it('get and describe limitrange; a pod gets the defaults and the annotation', () => {
    const c = createCluster({ seed: 3, nodes: 1 });
    expect(k(c, 'apply -f lr.yaml', { 'lr.yaml': LIMITS }).stdout).toBe('limitrange/limit-mem-cpu-per-container created\n');
    expect(k(c, 'get limits').stdout).toMatch(/^NAME                          CREATED AT\nlimit-mem-cpu-per-container   \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\n$/);
    expect(k(c, 'describe limitrange').stdout).toBe(
      [
        'Name:       limit-mem-cpu-per-container',
        'Namespace:  default',
        'Type        Resource  Min   Max   Default Request  Default Limit  Max Limit/Request Ratio',
        '----        --------  ---   ---   ---------------  -------------  -----------------------',
        'Container   cpu       100m  800m  110m             700m           -',
        'Container   memory    99Mi  1Gi   111Mi            900Mi          -',
        'Pod         memory    -     -     -                -              2',
        '',
      ].join('\n'),
    );
    // The container defaults (900Mi limit, 111Mi request) break the Pod's memory ratio of 2.
    expect(k(c, 'run web --image=nginx').stderr).toBe('Error from server (Forbidden): pods "web" is forbidden: memory max limit to request ratio per Pod is 2, but provided ratio is 8.108108\n');
    k(c, 'delete limitrange limit-mem-cpu-per-container');
    k(c, 'apply -f lr.yaml', { 'lr.yaml': LIMITS.replace(/  - type: Pod\n.*\n$/, '') });
    expect(k(c, 'run web --image=nginx').stdout).toBe('pod/web created\n');
    const pod = c.store.get('pods', 'default', 'web');
    expect(pod?.metadata.annotations?.['kubernetes.io/limit-ranger']).toBe('LimitRanger plugin set: cpu, memory request for container web; cpu, memory limit for container web');
    expect((pod?.spec as { containers: { resources: unknown }[] }).containers[0]?.resources).toEqual({ limits: { cpu: '700m', memory: '900Mi' }, requests: { cpu: '110m', memory: '111Mi' } });
  });
});
