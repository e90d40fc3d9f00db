import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import type { Cluster } from '../cluster';
import { runKubectl } from '../kubectl/run';

const CORPUS = '/work/shared/corpus/k8s-website-examples';
const corpus = (p: string) => readFileSync(`${CORPUS}/${p}`, 'utf8');

function k(c: Cluster, line: string, files: Record<string, string> = {}) {
  return runKubectl(c, line, (n) => files[n]);
}
/** `kubectl exec POD -- sh -c SCRIPT`, as a learner types it. */
const sh = (c: Cluster, pod: string, script: string) => k(c, `exec ${pod} -- sh -c "${script}"`);
const applied = (c: Cluster, yaml: string) => {
  const r = k(c, 'apply -f f.yaml', { 'f.yaml': yaml });
  expect(r.exitCode, r.stderr).toBe(0);
  c.runUntilSettled();
};
const restarts = (c: Cluster, pod: string) => (c.store.get('pods', 'default', pod)?.status as { containerStatuses?: { restartCount: number }[] }).containerStatuses?.[0]?.restartCount;
const nodeOf = (c: Cluster, pod: string) => (c.store.get('pods', 'default', pod)?.spec as { nodeName?: string } | undefined)?.nodeName;

describe('files in the container layer and in an emptyDir (pods/storage/redis.yaml)', () => {
  it('kill 1 restarts redis: the layer starts empty, the emptyDir keeps its file; deleting the pod loses both', () => {
    const c = createCluster({ seed: 5 });
    applied(c, corpus('pods/storage/redis.yaml'));
    expect(sh(c, 'redis', 'echo kept > /data/redis/f; echo lost > /tmp/g; cat /data/redis/f /tmp/g').stdout).toBe('kept\nlost\n');
    expect(sh(c, 'redis', 'kill 1').exitCode).toBe(0);
    c.runUntilSettled();
    expect(restarts(c, 'redis')).toBe(1);
    expect(k(c, 'get pod redis').stdout).toMatch(/redis\s+1\/1\s+Running\s+1 \(/);
    expect(sh(c, 'redis', 'cat /data/redis/f').stdout).toBe('kept\n');
    const gone = sh(c, 'redis', 'cat /tmp/g');
    expect(gone.stderr).toContain('cat: /tmp/g: No such file or directory');
    expect(k(c, 'delete pod redis').exitCode).toBe(0);
    c.runUntilSettled();
    applied(c, corpus('pods/storage/redis.yaml'));
    expect(sh(c, 'redis', 'ls /data/redis').stdout).toBe('');
  });

  it('kill 1 is ignored by a shell running as PID 1 (Linux drops signals init has no handler for)', () => {
    const c = createCluster({ seed: 5 });
    applied(c, 'apiVersion: v1\nkind: Pod\nmetadata: { name: box }\nspec:\n  containers: [{ name: box, image: busybox, command: [sleep, "3600"] }]');
    expect(k(c, 'exec box -- kill 1').exitCode).toBe(0);
    c.runUntilSettled();
    expect(restarts(c, 'box')).toBe(0);
  });

  it('shell and coreutils errors read as in the image (busybox vs Debian)', () => {
    const c = createCluster({ seed: 5 });
    applied(c, 'apiVersion: v1\nkind: Pod\nmetadata: { name: box }\nspec:\n  containers: [{ name: box, image: busybox, command: [sleep, "3600"] }]');
    expect(sh(c, 'box', 'cat /data/x').stderr).toBe("cat: can't open '/data/x': No such file or directory\ncommand terminated with exit code 1\n");
    expect(sh(c, 'box', 'echo x > /nope/f').stderr).toContain("sh: can't create /nope/f: nonexistent directory");
    expect(sh(c, 'box', 'mkdir -p /work/a/b && echo 1 >> /work/a/b/n && echo 2 >> /work/a/b/n && cat /work/a/b/n').stdout).toBe('1\n2\n');
    expect(sh(c, 'box', 'rm /work/a').stderr).toContain("rm: '/work/a' is a directory");
    expect(sh(c, 'box', 'rm -r /work && ls /work').stderr).toContain('ls: /work: No such file or directory');
  });
});

describe('PersistentVolumeClaims', () => {
  const CLASS = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: local-path
  annotations: { storageclass.kubernetes.io/is-default-class: "true" }
provisioner: rancher.io/local-path
volumeBindingMode: WaitForFirstConsumer`;

  it('a StatefulSet web-0 comes back with www-web-0 and sees its file (application/web/web.yaml)', () => {
    const c = createCluster({ seed: 7 });
    applied(c, CLASS);
    applied(c, corpus('application/web/web.yaml'));
    expect(sh(c, 'web-0', 'echo web-0 > /usr/share/nginx/html/index.html').exitCode).toBe(0);
    expect(k(c, 'delete pod web-0').exitCode).toBe(0);
    c.runUntilSettled();
    expect(c.store.get('pods', 'default', 'web-0')).toBeDefined();
    expect(sh(c, 'web-0', 'cat /usr/share/nginx/html/index.html').stdout).toBe('web-0\n');
    expect(sh(c, 'web-1', 'ls /usr/share/nginx/html').stdout).toBe('');
    expect(sh(c, 'web-0', 'df -h').stdout).toContain('/usr/share/nginx/html');
  });

  it('the docs task-pv walkthrough: a hostPath PV keeps the file after the pod goes (pv-volume, pv-claim, pv-pod)', () => {
    const c = createCluster({ seed: 7, nodes: 1 });
    applied(c, corpus('pods/storage/pv-volume.yaml'));
    applied(c, corpus('pods/storage/pv-claim.yaml'));
    applied(c, corpus('pods/storage/pv-pod.yaml'));
    expect(sh(c, 'task-pv-pod', "echo 'Hello from Kubernetes storage' > /usr/share/nginx/html/index.html").exitCode).toBe(0);
    k(c, 'delete pod task-pv-pod');
    c.runUntilSettled();
    applied(c, corpus('pods/storage/pv-pod.yaml'));
    expect(sh(c, 'task-pv-pod', 'cat /usr/share/nginx/html/index.html').stdout).toBe('Hello from Kubernetes storage\n');
  });
});

describe('hostPath', () => {
  const pod = (name: string, node: string) => `apiVersion: v1
kind: Pod
metadata: { name: ${name} }
spec:
  nodeName: ${node}
  containers: [{ name: c, image: busybox, command: [sleep, "3600"], volumeMounts: [{ name: h, mountPath: /host }] }]
  volumes: [{ name: h, hostPath: { path: /var/local/data, type: DirectoryOrCreate } }]`;

  it('lives on the node: a new pod on the same node sees it, one on another node does not', () => {
    const c = createCluster({ seed: 9 });
    applied(c, pod('a', 'worker-1'));
    sh(c, 'a', 'echo on-worker-1 > /host/f');
    k(c, 'delete pod a');
    c.runUntilSettled();
    applied(c, pod('b', 'worker-1'));
    applied(c, pod('d', 'worker-2'));
    expect(nodeOf(c, 'b')).toBe('worker-1');
    expect(sh(c, 'b', 'cat /host/f').stdout).toBe('on-worker-1\n');
    expect(sh(c, 'd', 'cat /host/f').exitCode).toBe(1);
  });
});

describe('Secret and ConfigMap volumes', () => {
  it('show the decoded value, are read-only, and a subPath mount never updates', () => {
    const c = createCluster({ seed: 11 });
    applied(
      c,
      `apiVersion: v1
kind: Secret
metadata: { name: s }
data: { password: czNjcjN0 }
---
apiVersion: v1
kind: ConfigMap
metadata: { name: cm }
data: { color: blue }
---
apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  containers:
  - name: c
    image: busybox
    command: [sleep, "3600"]
    volumeMounts:
    - { name: s, mountPath: /etc/secret }
    - { name: cm, mountPath: /etc/config }
    - { name: cm, mountPath: /etc/color, subPath: color }
  volumes:
  - { name: s, secret: { secretName: s } }
  - { name: cm, configMap: { name: cm } }`,
    );
    expect(sh(c, 'p', 'cat /etc/secret/password').stdout).toBe('s3cr3t');
    expect(sh(c, 'p', 'echo x > /etc/secret/other').stderr).toContain("sh: can't create /etc/secret/other: Read-only file system");
    expect(sh(c, 'p', 'touch /etc/config/x').stderr).toContain('touch: /etc/config/x: Read-only file system');
    expect(sh(c, 'p', 'ls -l /etc/config').stdout).toContain('color -> ..data/color');
    expect(k(c, 'apply -f f.yaml', { 'f.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: cm }\ndata: { color: green }' }).exitCode).toBe(0);
    c.tickN(1);
    expect(sh(c, 'p', 'cat /etc/config/color').stdout).toBe('blue');
    c.tickN(61);
    expect(sh(c, 'p', 'cat /etc/config/color').stdout).toBe('green');
    expect(sh(c, 'p', 'cat /etc/color').stdout).toBe('blue');
  });
});

describe('determinism', () => {
  it('the same actions give the same exportState', () => {
    const run = () => {
      const c = createCluster({ seed: 13 });
      applied(c, corpus('pods/storage/redis.yaml'));
      sh(c, 'redis', 'echo a > /data/redis/a; mkdir -p /tmp/x; touch /tmp/x/y');
      sh(c, 'redis', 'kill 1');
      c.runUntilSettled();
      sh(c, 'redis', 'echo b >> /data/redis/a');
      return JSON.stringify(c.exportState());
    };
    const a = run();
    expect(a).toBe(run());
    expect(a).toContain('"volumeFiles"');
  });
});
