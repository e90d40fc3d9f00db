import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import type { Cluster } from '../cluster';
import { runKubectl } from '../kubectl/run';
import type { KubectlResult } from '../kubectl/types';

const CORPUS = resolve(__dirname, '../../../../shared/corpus/k8s-website-examples');
const read = (name: string): string | undefined => {
  try {
    return readFileSync(resolve(CORPUS, name), 'utf8');
  } catch {
    return INLINE[name];
  }
};

const INLINE: Record<string, string> = {
  'client.yaml': `apiVersion: v1
kind: Pod
metadata:
  name: client
  labels: {app: client}
spec:
  nodeName: worker-1
  containers:
  - name: c
    image: docker.io/curlimages/curl:8.18.0
    command: [sh, -c, 'while true; do sleep 1; done']
`,
  'np.yaml': `apiVersion: v1
kind: Service
metadata: {name: web-np}
spec:
  type: NodePort
  selector: {run: my-nginx}
  ports: [{port: 80, targetPort: 80, nodePort: 30080}]
`,
  'lb.yaml': `apiVersion: v1
kind: Service
metadata: {name: web-lb}
spec:
  type: LoadBalancer
  selector: {run: my-nginx}
  ports: [{port: 80, targetPort: 80}]
`,
  'ing.yaml': `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: web}
spec:
  ingressClassName: nginx
  rules:
  - host: foo.example.com
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: my-nginx, port: {number: 80}}}}
`,
  'deny.yaml': `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: web-deny}
spec:
  podSelector: {matchLabels: {run: my-nginx}}
  policyTypes: [Ingress]
`,
};

function k(c: Cluster, line: string): KubectlResult {
  return runKubectl(c, line, read);
}

function webCluster(seed = 3): Cluster {
  const c = createCluster({ seed, nodes: 2 });
  expect(k(c, 'kubectl apply -f service/networking/run-my-nginx.yaml').exitCode).toBe(0);
  expect(k(c, 'kubectl apply -f service/networking/nginx-svc.yaml').exitCode).toBe(0);
  expect(k(c, 'kubectl apply -f client.yaml').exitCode).toBe(0);
  c.runUntilSettled();
  return c;
}

describe('requests from a pod (kubectl exec curl)', () => {
  it('reach one ready endpoint of the docs my-nginx Service and show the path', () => {
    const c = webCluster();
    const r = k(c, 'kubectl exec client -- curl -s http://my-nginx');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('<title>Welcome to nginx!</title>');
    const t = r.traffic;
    expect(t?.outcome).toBe('ok');
    expect(t?.hops.map((h) => h.kind)).toEqual(expect.arrayContaining(['client', 'dns', 'service', 'kube-proxy', 'overlay', 'pod']));
    expect(t?.servedBy?.name).toMatch(/^my-nginx-/);
    expect(t?.hops.find((h) => h.kind === 'kube-proxy')?.node).toBe('worker-1');
  });

  it('is deterministic per seed and spreads over the endpoints', () => {
    const picks = (seed: number) => {
      const c = webCluster(seed);
      return Array.from({ length: 12 }, () => k(c, 'kubectl exec client -- curl -s my-nginx').traffic?.servedBy?.name);
    };
    const a = picks(5);
    expect(picks(5)).toEqual(a);
    expect(new Set(a).size).toBe(2);
  });

  it('only ready endpoints serve: a pod that loses its label stops receiving', () => {
    const c = webCluster();
    const pods = c.store.list('pods', { namespace: 'default' }).filter((p) => p.metadata.name.startsWith('my-nginx-'));
    const gone = pods[0]?.metadata.name ?? '';
    expect(k(c, `kubectl label pod ${gone} run=other --overwrite`).exitCode).toBe(0);
    c.runUntilSettled();
    for (let i = 0; i < 8; i++) expect(k(c, 'kubectl exec client -- curl -s my-nginx').traffic?.servedBy?.name).not.toBe(gone);
  });

  it('a policy-denied request times out under Calico and succeeds under Flannel', () => {
    const c = webCluster();
    expect(k(c, 'kubectl apply -f deny.yaml').exitCode).toBe(0);
    const flannel = k(c, 'kubectl exec client -- curl -s -m 10 http://my-nginx');
    expect(flannel.traffic?.outcome).toBe('ok');
    expect(flannel.traffic?.policy?.enforced).toBe(false);
    expect(k(c, 'cluster cni calico').exitCode).toBe(0);
    const calico = k(c, 'kubectl exec client -- curl -sS -m 10 http://my-nginx');
    expect(calico.traffic?.outcome).toBe('timeout');
    expect(calico.traffic?.policy?.allowed).toBe(false);
    expect(calico.stderr).toContain('curl: (28) Connection timed out after 10001 milliseconds');
    expect(calico.stderr).toContain('command terminated with exit code 28');
  });

  it('names the failures as curl does: no endpoints, NXDOMAIN, refused', () => {
    const c = webCluster();
    k(c, 'kubectl scale deployment my-nginx --replicas=0');
    c.runUntilSettled();
    const none = k(c, 'kubectl exec client -- curl http://my-nginx');
    expect(none.traffic?.outcome).toBe('no-endpoints');
    expect(none.stderr).toContain("curl: (7) Failed to connect to my-nginx port 80 after 3 ms: Couldn't connect to server");
    expect(k(c, 'kubectl exec client -- curl -sS http://foo').stderr).toContain('curl: (6) Could not resolve host: foo');
    k(c, 'kubectl scale deployment my-nginx --replicas=1');
    c.runUntilSettled();
    const ip = (c.store.list('pods').find((p) => p.metadata.name.startsWith('my-nginx-'))?.status as { podIP?: string } | undefined)?.podIP;
    const refused = k(c, `kubectl exec client -- curl -sS http://${ip}:8080/`);
    expect(refused.traffic?.outcome).toBe('refused');
    expect(refused.stderr).toContain(`Failed to connect to ${ip} port 8080`);
  });

  it('NodePort from the learner machine goes through that node', () => {
    const c = webCluster();
    expect(k(c, 'kubectl apply -f np.yaml').exitCode).toBe(0);
    c.runUntilSettled();
    const r = k(c, 'curl -s http://172.18.0.3:30080/');
    expect(r.stdout).toContain('Welcome to nginx!');
    expect(r.traffic?.hops.find((h) => h.kind === 'node-port')?.node).toBe('worker-1');
    expect(k(c, 'node iptables worker-1').stdout).toContain('--dport 30080 -j KUBE-EXT-');
  });

  it('LoadBalancer: pending without a provider, then the external IP answers', () => {
    const c = webCluster();
    k(c, 'kubectl apply -f lb.yaml');
    c.runUntilSettled();
    k(c, 'cluster load-balancer on');
    c.runUntilSettled();
    const ip = (c.store.get('services', 'default', 'web-lb')?.status as { loadBalancer?: { ingress?: { ip?: string }[] } } | undefined)?.loadBalancer?.ingress?.[0]?.ip;
    expect(ip).toBeTruthy();
    const r = k(c, `curl -s http://${ip}`);
    expect(r.stdout).toContain('Welcome to nginx!');
    expect(r.traffic?.hops.map((h) => h.kind)).toContain('load-balancer');
  });

  it('Ingress through ingress-nginx by Host header; 404 for an unknown host', () => {
    const c = webCluster();
    k(c, 'cluster ingress-controller on');
    k(c, 'kubectl apply -f ing.yaml');
    c.runUntilSettled();
    const ip = (c.store.get('ingresses.networking.k8s.io', 'default', 'web')?.status as { loadBalancer?: { ingress?: { ip?: string }[] } } | undefined)?.loadBalancer?.ingress?.[0]?.ip;
    expect(ip).toBeTruthy();
    const r = k(c, `curl -s -H 'Host: foo.example.com' http://${ip}/`);
    expect(r.stdout).toContain('Welcome to nginx!');
    expect(r.traffic?.hops.find((h) => h.kind === 'ingress')?.ref?.name).toBe('web');
    expect(k(c, `curl -s -H 'Host: bar.example.com' http://${ip}/`).stdout).toContain('404 Not Found');
  });

  it('same seed and same commands give byte-identical state', () => {
    const run = () => {
      const c = webCluster(9);
      for (let i = 0; i < 3; i++) k(c, 'kubectl exec client -- curl -s my-nginx');
      k(c, 'kubectl port-forward svc/my-nginx :80');
      return JSON.stringify(c.exportState());
    };
    expect(run()).toBe(run());
  });

  it('port-forward lifecycle: forward, request, busy port, lost pod, stop', () => {
    const c = webCluster();
    const pf = k(c, 'kubectl port-forward svc/my-nginx 8080:80');
    expect(pf.stdout).toBe('Forwarding from 127.0.0.1:8080 -> 80\nForwarding from [::1]:8080 -> 80\n');
    const r = k(c, 'curl localhost:8080');
    expect(r.stdout).toContain('Welcome to nginx!');
    expect(r.traffic?.hops[1]?.kind).toBe('port-forward');
    expect(k(c, 'kubectl port-forward svc/my-nginx 8080:80').stderr).toContain('Unable to listen on port 8080: Listeners failed to create with the following errors: [unable to create listener: Error listen tcp4 127.0.0.1:8080: bind: address already in use');
    expect(k(c, 'port-forward list').stdout).toContain('127.0.0.1:8080');
    const state = c.exportState();
    expect(state.portForwards).toHaveLength(1);
    const pod = c.portForwards[0]?.pod.name ?? '';
    k(c, `kubectl delete pod ${pod}`);
    c.runUntilSettled();
    const lost = k(c, 'curl localhost:8080');
    expect(lost.stderr).toContain('error: lost connection to pod');
    expect(c.portForwards).toHaveLength(0);
    expect(k(c, 'kubectl port-forward pod/client :80').stdout).toMatch(/^Forwarding from 127\.0\.0\.1:\d+ -> 80/);
    const port = c.portForwards[0]?.localPort;
    expect(k(c, `port-forward stop ${port}`).exitCode).toBe(0);
    expect(c.portForwards).toHaveLength(0);
  });
});

describe('kubectl exec', () => {
  it('answers with the real errors', () => {
    const c = webCluster();
    expect(k(c, 'kubectl exec nope -- ls').stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(k(c, 'kubectl exec client -c x -- ls').stderr).toBe('Error from server (BadRequest): container x is not valid for pod client\n');
    const nginx = c.store.list('pods').find((p) => p.metadata.name.startsWith('my-nginx-'))?.metadata.name ?? '';
    const ns = k(c, `kubectl exec ${nginx} -- nslookup my-nginx`);
    expect(ns.stderr).toContain('exec: "nslookup": executable file not found in $PATH: unknown');
    expect(k(c, 'kubectl exec client ls').stderr).toContain('exec [POD] [COMMAND] is not supported anymore');
    const sh = k(c, `kubectl exec ${nginx} -- sh -c 'nslookup x'`);
    expect(sh.stderr).toBe('sh: 1: nslookup: not found\ncommand terminated with exit code 127\n');
  });

  it('cat /etc/resolv.conf, hostname, env and nslookup from busybox', () => {
    const c = webCluster();
    expect(k(c, 'kubectl exec client -- cat /etc/resolv.conf').stdout).toBe('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
    expect(k(c, 'kubectl exec client -- hostname').stdout).toBe('client\n');
    const env = k(c, 'kubectl exec client -- env').stdout;
    expect(env).toContain('KUBERNETES_SERVICE_HOST=10.96.0.1\n');
    expect(env).toMatch(/MY_NGINX_SERVICE_HOST=10\.\d+\.\d+\.\d+/);
    const ns = k(c, 'kubectl exec client -- nslookup my-nginx');
    expect(ns.stdout).toContain('Name:\tmy-nginx.default.svc.cluster.local\nAddress: 10.');
  });
});
