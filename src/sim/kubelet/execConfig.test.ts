import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { applyManifest, runKubectl } from '../kubectl/index';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: cfg-demo
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sleep", "3600"]
    env:
    - name: DB_PASSWORD
      valueFrom:
        secretKeyRef: {name: db, key: password}
    envFrom:
    - configMapRef: {name: app}
    volumeMounts:
    - {name: cfg, mountPath: /etc/config}
  volumes:
  - name: cfg
    configMap: {name: app}
`;
const none = () => undefined;

describe('kubectl exec sees ConfigMap and Secret values', () => {
  it('env prints resolved variables; cat and ls read the volume files', () => {
    const c = createCluster({ seed: 4 });
    runKubectl(c, 'kubectl create configmap app --from-literal=mode=dev --from-literal=level=info', none);
    expect(applyManifest(c, POD, 'pod.yaml', { atomic: true }).exitCode).toBe(0);
    c.runUntilSettled(100);
    expect(runKubectl(c, 'kubectl get pods', none).stdout).toMatch(/cfg-demo\s+0\/1\s+CreateContainerConfigError/);
    runKubectl(c, 'kubectl create secret generic db --from-literal=password=hunter2', none);
    c.runUntilSettled(100);
    expect(runKubectl(c, 'kubectl get pods', none).stdout).toMatch(/cfg-demo\s+1\/1\s+Running/);
    const env = runKubectl(c, 'kubectl exec cfg-demo -- env', none).stdout;
    expect(env).toContain('level=info\nmode=dev\nDB_PASSWORD=hunter2\n');
    expect(runKubectl(c, 'kubectl exec cfg-demo -- cat /etc/config/mode', none).stdout).toBe('dev');
    expect(runKubectl(c, 'kubectl exec cfg-demo -- ls /etc/config', none).stdout).toBe('level\nmode\n');
  });
});
