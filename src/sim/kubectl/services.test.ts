import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import type { Cluster } from '../cluster';
import { runKubectl } from './run';

const k = (c: Cluster, line: string) => runKubectl(c, line, () => undefined);

describe('kubectl for Services', () => {
  it('get svc/endpoints/endpointslices show the bootstrap Services; endpoints warn like kubectl', () => {
    const c = createCluster({ seed: 1 });
    expect(k(c, 'get svc -A').stdout).toBe(
      [
        'NAMESPACE     NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)                  AGE',
        'default       kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP                  0s',
        'kube-system   kube-dns     ClusterIP   10.96.0.10   <none>        53/UDP,53/TCP,9153/TCP   0s',
        '',
      ].join('\n'),
    );
    const ep = k(c, 'get endpoints');
    expect(ep.stdout).toBe('NAME         ENDPOINTS         AGE\nkubernetes   172.18.0.2:6443   0s\n');
    expect(ep.stderr).toBe('Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n');
    expect(k(c, 'get pods -n kube-system').stdout).toMatch(/coredns-\w+-\w+\s+1\/1\s+Running/);
  });

  it('expose, create service and run create what kubectl would, with its messages', () => {
    const c = createCluster({ seed: 1 });
    expect(k(c, 'run web --image=nginx:1.27 --port=80 --labels=app=web').stdout).toBe('pod/web created\n');
    expect(c.store.get('pods', 'default', 'web')?.metadata.labels).toEqual({ app: 'web' });
    expect(k(c, 'run tmp --image=busybox:1.36 --restart=Never -- sleep 3600').stdout).toBe('pod/tmp created\n');
    expect(c.store.get('pods', 'default', 'tmp')?.metadata.labels).toEqual({ run: 'tmp' });
    expect(k(c, 'run x -it --rm --image=busybox').stderr).toContain('interactive sessions are not supported');
    expect(k(c, 'run y').stderr).toBe('error: required flag(s) "image" not set\n');
    c.runUntilSettled();
    expect(k(c, 'expose pod web --port=80 --type=NodePort --name=web').stdout).toBe('service/web exposed\n');
    expect(k(c, 'expose pod tmp').stderr).toBe("error: couldn't find port via --port flag or introspection\n");
    expect(k(c, 'create service nodeport np --tcp=80:8080 --node-port=30080').stdout).toBe('service/np created\n');
    expect(k(c, 'create service nodeport np2 --tcp=80 --node-port=30080').stderr).toBe(
      'The Service "np2" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated\n',
    );
    expect(k(c, 'create service externalname db --external-name=db.example.com').stdout).toBe('service/db created\n');
    c.runUntilSettled();
    const svc = k(c, 'get svc -o wide').stdout;
    expect(svc).toMatch(/db\s+ExternalName\s+<none>\s+db\.example\.com\s+<none>/);
    expect(svc).toMatch(/np\s+NodePort\s+10\.\d+\.\d+\.\d+\s+<none>\s+80:30080\/TCP\s+\S+\s+app=np/);
    const d = k(c, 'describe svc web').stdout;
    expect(d).toMatch(/Selector:\s+app=web\n/);
    expect(d).toMatch(/Endpoints:\s+10\.244\.\d+\.\d+:80\n/);
    expect(k(c, 'get endpointslices').stdout).toMatch(/web-\w{5}\s+IPv4\s+80\s+10\.244\.\d+\.\d+/);
  });
});
