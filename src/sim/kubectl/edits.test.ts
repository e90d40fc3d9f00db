import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import type { Cluster } from '../cluster';
import { runKubectl } from './run';

const none = () => undefined;
const ok = (stdout: string) => ({ stdout, stderr: '', exitCode: 0 });
const err = (stderr: string) => ({ stdout: '', stderr, exitCode: 1 });

function withWeb(): Cluster {
  const c = createCluster({ seed: 5 });
  runKubectl(c, 'create deployment web --image=nginx:1.27 --port=80', none);
  return c;
}

const deploy = (c: Cluster) => c.store.get('deployments.apps', 'default', 'web') as { metadata: { annotations?: Record<string, string> }; spec: { replicas: number; template: { spec: { containers: { name: string; image: string; env?: unknown[]; resources?: unknown; ports?: unknown[] }[] } } } };

describe('kubectl annotate', () => {
  it('adds, refuses to overwrite without --overwrite, overwrites and removes', () => {
    const c = withWeb();
    expect(runKubectl(c, 'annotate deployment web description="my frontend"', none)).toEqual(ok('deployment.apps/web annotated\n'));
    expect(deploy(c).metadata.annotations?.description).toBe('my frontend');
    expect(runKubectl(c, 'annotate deploy/web description=other', none)).toEqual(err("error: --overwrite is false but found the following declared annotation(s): 'description' already has a value (my frontend)\n"));
    expect(runKubectl(c, 'annotate deploy/web description=other --overwrite', none)).toEqual(ok('deployment.apps/web annotated\n'));
    expect(runKubectl(c, 'annotate deploy web description-', none)).toEqual(ok('deployment.apps/web annotated\n'));
    expect(deploy(c).metadata.annotations?.description).toBeUndefined();
    expect(runKubectl(c, 'annotate deploy nope a=b', none)).toEqual(err('Error from server (NotFound): deployments.apps "nope" not found\n'));
  });

  it('--all and -l annotate every matching object', () => {
    const c = withWeb();
    c.runUntilSettled();
    expect(runKubectl(c, 'annotate pods -l app=web team=blue', none).stdout).toMatch(/^pod\/web-[a-z0-9]+-[a-z0-9]{5} annotated\n$/);
    expect(runKubectl(c, 'annotate deployments --all team=blue', none)).toEqual(ok('deployment.apps/web annotated\n'));
  });
});

describe('kubectl patch', () => {
  it('strategic merge (the default) merges containers by name; merge and json patches too', () => {
    const c = withWeb();
    expect(runKubectl(c, `patch deployment web -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.28"}]}}}}'`, none)).toEqual(ok('deployment.apps/web patched\n'));
    expect(deploy(c).spec.template.spec.containers).toMatchObject([{ name: 'nginx', image: 'nginx:1.28', ports: [{ containerPort: 80 }] }]);
    expect(runKubectl(c, `patch deploy web --type=merge -p '{"spec":{"replicas":3}}'`, none)).toEqual(ok('deployment.apps/web patched\n'));
    expect(deploy(c).spec.replicas).toBe(3);
    expect(runKubectl(c, `patch deploy/web --type=json -p='[{"op":"replace","path":"/spec/replicas","value":2}]'`, none)).toEqual(ok('deployment.apps/web patched\n'));
    expect(deploy(c).spec.replicas).toBe(2);
    expect(runKubectl(c, `patch deploy web -p '{"spec":{"replicas":2}}'`, none)).toEqual(ok('deployment.apps/web patched (no change)\n'));
  });

  it('the errors kubectl and the API server give', () => {
    const c = withWeb();
    expect(runKubectl(c, `patch deploy web --type=foo -p '{}'`, none)).toEqual(err('error: --type must be one of [json merge strategic], not "foo"\n'));
    expect(runKubectl(c, 'patch deploy web', none)).toEqual(err('error: must specify --patch or --patch-file containing the contents of the patch\n'));
    expect(runKubectl(c, `patch deploy nope -p '{"spec":{}}'`, none)).toEqual(err('Error from server (NotFound): deployments.apps "nope" not found\n'));
    expect(runKubectl(c, `patch deploy web --type=json -p '{"spec":{}}'`, none)).toEqual(err('Error from server (BadRequest): json: cannot unmarshal object into Go value of type jsonpatch.Patch\n'));
    expect(runKubectl(c, `patch deploy web -p '{"spec":{"replicas":-1}}'`, none).stderr).toMatch(/^The Deployment "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0\n$/);
  });
});

describe('kubectl replace', () => {
  it('PUTs the file: fields it leaves out are gone; a missing object is NotFound', () => {
    const c = withWeb();
    const file = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  replicas: 4
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
      - name: nginx
        image: nginx:1.29
`;
    expect(runKubectl(c, 'replace -f web.yaml', () => file)).toEqual(ok('deployment.apps/web replaced\n'));
    expect(deploy(c).spec.replicas).toBe(4);
    expect(deploy(c).spec.template.spec.containers[0]?.ports).toBeUndefined();
    expect(runKubectl(c, 'replace -f web.yaml', () => file.replace('name: web\n  labels', 'name: other\n  labels'))).toEqual(
      err('Error from server (NotFound): error when replacing "web.yaml": deployments.apps "other" not found\n'),
    );
  });
});

describe('kubectl set env / set resources', () => {
  it('sets, lists and removes variables; sets requests and limits', () => {
    const c = withWeb();
    expect(runKubectl(c, 'set env deployment/web MODE=prod LOG=debug', none)).toEqual(ok('deployment.apps/web env updated\n'));
    expect(runKubectl(c, 'set env deployment/web --list', none)).toEqual(ok('# deployments web, container nginx\nMODE=prod\nLOG=debug\n'));
    expect(runKubectl(c, 'set env deployment/web LOG-', none)).toEqual(ok('deployment.apps/web env updated\n'));
    expect(deploy(c).spec.template.spec.containers[0]?.env).toEqual([{ name: 'MODE', value: 'prod' }]);
    expect(runKubectl(c, 'set resources deployment web -c=nginx --limits=cpu=200m,memory=512Mi --requests=cpu=100m', none)).toEqual(ok('deployment.apps/web resource requirements updated\n'));
    expect(deploy(c).spec.template.spec.containers[0]?.resources).toEqual({ limits: { cpu: '200m', memory: '512Mi' }, requests: { cpu: '100m', memory: '512Mi' } }); // requests default to limits
    expect(runKubectl(c, 'set resources deployment web', none)).toEqual(err('error: you must specify an update to requests or limits (in the form of --requests/--limits)\n'));
    expect(runKubectl(c, 'set env deployment/nope A=1', none)).toEqual(err('Error from server (NotFound): deployments.apps "nope" not found\n'));
  });
});

describe('kubectl taint', () => {
  it('taints and untaints a node, with kubectl errors', () => {
    const c = createCluster({ seed: 5 });
    expect(runKubectl(c, 'taint nodes worker-1 dedicated=gpu:NoSchedule', none)).toEqual(ok('node/worker-1 tainted\n'));
    expect(c.store.get('nodes', undefined, 'worker-1')?.spec).toMatchObject({ taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] });
    expect(runKubectl(c, 'taint nodes worker-1 dedicated=cpu:NoSchedule', none)).toEqual(err('error: node worker-1 already has dedicated taint(s) with same effect(s) and --overwrite is false\n'));
    expect(runKubectl(c, 'taint node worker-1 dedicated=gpu:Sometimes', none)).toEqual(err('error: invalid taint effect: Sometimes, unsupported taint effect\n'));
    expect(runKubectl(c, 'taint nodes worker-1 dedicated:NoSchedule-', none)).toEqual(ok('node/worker-1 untainted\n'));
    expect(runKubectl(c, 'taint nodes worker-1 dedicated-', none)).toEqual(err('error: taint "dedicated" not found\n'));
    expect(runKubectl(c, 'taint nodes nope a=b:NoSchedule', none)).toEqual(err('Error from server (NotFound): nodes "nope" not found\n'));
  });
});

describe('flag errors', () => {
  it('unknown flags name the command to ask for help, as cobra prints', () => {
    const c = createCluster({ seed: 5 });
    expect(runKubectl(c, 'get pods --foo', none)).toEqual(err("error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n"));
    expect(runKubectl(c, 'patch deploy web --foo', none)).toEqual(err("error: unknown flag: --foo\nSee 'kubectl patch --help' for usage.\n"));
  });
});
