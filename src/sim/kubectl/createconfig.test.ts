import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { runKubectl } from './index';
import { textOfBase64 } from '../api/base64';
import type { KubeObject } from '../objects';

const FILES: Record<string, string> = {
  'game.properties': 'enemies=aliens\nlives=3\n',
  'app.env': '# comment\nMODE=dev\n\nLEVEL=info\n',
  'tls.crt': '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
  'tls.key': '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n',
};
const files = (n: string) => FILES[n];

describe('kubectl create configmap / secret', () => {
  it('builds ConfigMaps from literals, files and env files', () => {
    const c = createCluster();
    expect(runKubectl(c, 'kubectl create configmap game --from-file=game.properties --from-literal=mode=easy', files).stdout).toBe('configmap/game created\n');
    expect((c.store.get('configmaps', 'default', 'game') as unknown as { data: unknown }).data).toEqual({ mode: 'easy', 'game.properties': 'enemies=aliens\nlives=3\n' });
    runKubectl(c, 'kubectl create cm env --from-env-file=app.env', files);
    expect((c.store.get('configmaps', 'default', 'env') as unknown as { data: unknown }).data).toEqual({ MODE: 'dev', LEVEL: 'info' });
    expect(runKubectl(c, 'kubectl get configmaps', files).stdout).toMatch(/^NAME\s+DATA\s+AGE\nenv\s+2\s+0s\ngame\s+2\s+0s\n$/);
    expect(runKubectl(c, 'kubectl create configmap x --from-literal=nokey', files).stderr).toBe('error: invalid literal source nokey, expected key=value\n');
    expect(runKubectl(c, 'kubectl create configmap game --from-literal=a=b', files).stderr).toBe('Error from server (AlreadyExists): configmaps "game" already exists\n');
  });

  it('builds generic, tls and docker-registry Secrets; describe shows sizes only', () => {
    const c = createCluster();
    expect(runKubectl(c, 'kubectl create secret generic db --from-literal=password=\'S!B\\*d$zDsb=\'', files).stdout).toBe('secret/db created\n');
    expect(runKubectl(c, 'kubectl get secret db -o jsonpath={.data.password}', files).stdout).toBe('UyFCXCpkJHpEc2I9');
    expect(runKubectl(c, 'base64 -d UyFCXCpkJHpEc2I9', files).stdout).toBe('S!B\\*d$zDsb=');
    expect(runKubectl(c, 'kubectl describe secret db', files).stdout).toContain('Type:  Opaque\n\nData\n====\npassword:  12 bytes\n');
    expect(runKubectl(c, 'kubectl create secret tls web-tls --cert=tls.crt --key=tls.key', files).stdout).toBe('secret/web-tls created\n');
    expect(runKubectl(c, 'kubectl create secret tls bad --cert=tls.key --key=tls.key', files).stderr).toBe('error: failed to load key pair tls: failed to find any PEM data in certificate input\n');
    runKubectl(c, 'kubectl create secret docker-registry regcred --docker-server=registry.example.com --docker-username=learner --docker-password=pa55 --docker-email=l@example.com', files);
    const reg = c.store.get('secrets', 'default', 'regcred') as KubeObject & { type: string; data: Record<string, string> };
    expect(reg.type).toBe('kubernetes.io/dockerconfigjson');
    expect(JSON.parse(textOfBase64(reg.data['.dockerconfigjson'] as string) as string)).toEqual({
      auths: { 'registry.example.com': { username: 'learner', password: 'pa55', email: 'l@example.com', auth: 'bGVhcm5lcjpwYTU1' } },
    });
    expect(runKubectl(c, 'kubectl get secrets', files).stdout).toMatch(/db\s+Opaque\s+1\s+0s\nregcred\s+kubernetes.io\/dockerconfigjson\s+1\s+0s\nweb-tls\s+kubernetes.io\/tls\s+2\s+0s/);
    expect(runKubectl(c, 'kubectl create secret generic x --from-literal=a=1 --dry-run=client -o yaml', files).stdout).toContain('data:\n  a: MQ==\n');
    expect(c.store.get('secrets', 'default', 'x')).toBeUndefined();
  });

  it('a private image pulls only with the right pull Secret', () => {
    const c = createCluster({ seed: 3 });
    const pod = (name: string, secrets?: string[]) => ({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name },
      spec: { containers: [{ name: 'app', image: 'registry.example.com/team/app:1.0' }], ...(secrets ? { imagePullSecrets: secrets.map((n) => ({ name: n })) } : {}) },
    });
    c.api.create(pod('anon') as KubeObject);
    runKubectl(c, 'kubectl create secret docker-registry regcred --docker-server=registry.example.com --docker-username=learner --docker-password=pa55', files);
    c.api.create(pod('authed', ['regcred']) as KubeObject);
    c.runUntilSettled(60);
    const st = (n: string) => (c.store.get('pods', 'default', n) as { status: { phase: string; containerStatuses?: { state: { waiting?: { reason: string; message?: string } } }[] } }).status;
    expect(st('authed').phase).toBe('Running');
    const w = st('anon').containerStatuses?.[0]?.state.waiting;
    expect(['ErrImagePull', 'ImagePullBackOff']).toContain(w?.reason);
    expect(w?.message).toContain('failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://registry.example.com/token?scope=repository%3Ateam%2Fapp%3Apull&service=registry.example.com: 401 Unauthorized');
  });
});
