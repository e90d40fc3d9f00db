import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { runKubectl } from './run';

const CORPUS = resolve(__dirname, '../../../../shared/corpus/k8s-website-examples');
const files = (n: string) => readFileSync(resolve(CORPUS, n), 'utf8');

/** The docs' nginx Deployment (3 replicas) and the simple nginx Pod, settled on two workers. */
function setup() {
  const c = createCluster({ seed: 3, nodes: 2 });
  expect(runKubectl(c, 'apply -f pods/simple-pod.yaml', files).exitCode).toBe(0);
  c.tickN(3);
  expect(runKubectl(c, 'apply -f controllers/nginx-deployment.yaml', files).exitCode).toBe(0);
  c.runUntilSettled();
  const run = (line: string) => runKubectl(c, line, files);
  return { c, run };
}

const names = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(/\s+/)[0]);

describe('kubectl get --field-selector', () => {
  it('selects pods by node, phase and name with =, == and !=, comma-joined', () => {
    const { run } = setup();
    const wide = run('get pods -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName --no-headers').stdout.trim().split('\n');
    const byNode = new Map<string, string[]>();
    for (const l of wide) {
      const [n, node] = l.split(/\s+/) as [string, string];
      byNode.set(node, [...(byNode.get(node) ?? []), n]);
    }
    for (const [node, ns] of byNode) {
      expect(names(run(`get pods --field-selector spec.nodeName=${node}`).stdout)).toEqual(ns);
      expect(names(run(`get pods --field-selector spec.nodeName==${node},status.phase=Running`).stdout)).toEqual(ns);
    }
    expect(names(run('get pods --field-selector metadata.name=nginx').stdout)).toEqual(['nginx']);
    expect(names(run('get pods --field-selector metadata.name!=nginx,spec.restartPolicy=Always').stdout)).toHaveLength(3);
    expect(names(run('get pods -A --field-selector metadata.namespace!=kube-system,spec.serviceAccountName=default,spec.schedulerName=default-scheduler').stdout)).toHaveLength(4);
    const none = run('get pods --field-selector status.phase!=Running');
    expect(none).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 });
  });

  it('selects by podIP, events by involvedObject and reason, nodes and namespaces by their fields', () => {
    const { run } = setup();
    const ip = run('get pod nginx -o jsonpath={.status.podIP}').stdout;
    expect(ip).toMatch(/^10\.244\./);
    expect(names(run(`get pods --field-selector status.podIP=${ip}`).stdout)).toEqual(['nginx']);
    const ev = run('get events --field-selector involvedObject.kind=Pod,involvedObject.name=nginx,reason=Scheduled -o custom-columns=TYPE:.type,REASON:.reason,OBJECT:.involvedObject.name');
    expect(ev.stdout).toBe(['TYPE     REASON      OBJECT', 'Normal   Scheduled   nginx', ''].join('\n'));
    expect(run('get events --field-selector type=Warning').stderr).toBe('No resources found in default namespace.\n');
    expect(run('get nodes --field-selector spec.unschedulable=false -o name').stdout.split('\n').filter(Boolean).length).toBeGreaterThan(1);
    expect(run('cordon worker-1').exitCode).toBe(0);
    expect(run('get nodes --field-selector spec.unschedulable=true -o name').stdout).toBe('node/worker-1\n');
    expect(run('get ns --field-selector status.phase=Active,metadata.name=default -o name').stdout).toBe('namespace/default\n');
  });

  it('refuses fields the kind does not select with kube-apiserver’s BadRequest', () => {
    const { run } = setup();
    expect(run('get pods --field-selector foo=bar')).toEqual({
      stdout: '',
      stderr: 'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "foo=bar": field label not supported: foo\n',
      exitCode: 1,
    });
    expect(run('get deployments -l app=nginx --field-selector spec.replicas=3').stderr).toBe(
      'Error from server (BadRequest): Unable to find "apps/v1, Resource=deployments" that match label selector "app=nginx", field selector "spec.replicas=3": "spec.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"\n',
    );
    expect(run('get pod nginx --field-selector status.phase=Running').stderr).toBe('error: name cannot be provided when a selector is specified\n');
    expect(run('get pods --field-selector nonsense').stderr).toBe("error: invalid selector: 'nonsense'; can't understand 'nonsense'\n");
  });
});

describe('kubectl get -o custom-columns', () => {
  it('prints one column per spec, <none> for a missing value, several values comma-joined', () => {
    const { run } = setup();
    const r = run('get pod nginx -o custom-columns=NAME:.metadata.name,PORTS:.spec.containers[*].ports[*].containerPort,IMAGES:{.spec.containers[*].image},NOMINATED:.status.nominatedNodeName');
    expect(r).toEqual({ stdout: ['NAME    PORTS   IMAGES         NOMINATED', 'nginx   80      nginx:1.14.2   <none>', ''].join('\n'), stderr: '', exitCode: 0 });
    const d = run('get deploy -o custom-columns=NAME:.metadata.name,REPLICAS:.spec.replicas,SELECTOR:.spec.selector.matchLabels');
    expect(d.stdout).toBe(['NAME               REPLICAS   SELECTOR', 'nginx-deployment   3          map[app.kubernetes.io/name:nginx]', ''].join('\n'));
  });

  it('refuses a spec without a header, as kubectl does', () => {
    const { run } = setup();
    expect(run('get pods -o custom-columns=.metadata.name').stderr).toBe('error: unexpected custom-columns spec: .metadata.name, expected <header>:<json-path-expr>\n');
  });
});

describe('kubectl get --sort-by', () => {
  it('sorts by creationTimestamp and by {.status.startTime}, oldest first', () => {
    const { run } = setup();
    const byCreation = names(run('get pods --sort-by=.metadata.creationTimestamp').stdout);
    expect(byCreation[0]).toBe('nginx');
    expect(byCreation).toHaveLength(4);
    expect(names(run('get pods --sort-by={.status.startTime}').stdout)[0]).toBe('nginx');
    expect(names(run('get pods --sort-by=metadata.creationTimestamp').stdout)).toEqual(byCreation);
    const byIP = run('get pods --sort-by=.status.podIP -o custom-columns=IP:.status.podIP --no-headers').stdout.trim().split('\n');
    expect(byIP).toEqual([...byIP].sort());
  });
});

describe('kubectl describe TYPE -l / NAME_PREFIX / -A', () => {
  it('describes only the pods the label selector picks', () => {
    const { run } = setup();
    const r = run('describe pods -l app.kubernetes.io/name=nginx');
    expect(r.exitCode).toBe(0);
    const described = [...r.stdout.matchAll(/^Name:\s+(\S+)$/gm)].map((m) => m[1]);
    expect(described).toHaveLength(3);
    expect(described.every((n) => n?.startsWith('nginx-deployment-'))).toBe(true);
    expect(run('describe pods -l app=nope')).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 });
    expect(run('describe pods nginx -l app=x').stderr).toBe('error: name cannot be provided when a selector is specified\n');
  });

  it('falls back to a name prefix when no object has the exact name, and keeps NotFound otherwise', () => {
    const { run } = setup();
    const r = run('describe pods nginx-deployment');
    expect([...r.stdout.matchAll(/^Name:\s+(\S+)$/gm)]).toHaveLength(3);
    expect([...run('describe pod nginx').stdout.matchAll(/^Name:\s+(\S+)$/gm)].map((m) => m[1])).toEqual(['nginx']);
    expect(run('describe pod nope')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n', exitCode: 1 });
    expect(run('describe nodes worker').stdout).toMatch(/^Name:\s+worker-1$/m);
    const all = run('describe pods -A -l k8s-app=kube-dns');
    expect(all.stdout).toMatch(/^Namespace:\s+kube-system$/m);
  });
});
