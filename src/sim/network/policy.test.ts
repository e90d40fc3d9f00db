import { describe, expect, it } from 'vitest';
import type { Namespace } from 'kubernetes-types/core/v1';
import type { NetworkPolicy } from 'kubernetes-types/networking/v1';
import { DEFAULT_SETTINGS } from '../settings';
import type { ClusterSettings } from '../settings';
import { objects, pod } from './testObjects';
import { policyVerdict } from './policy';

const calico: ClusterSettings = { ...DEFAULT_SETTINGS, cni: 'calico' };
const flannel: ClusterSettings = { ...DEFAULT_SETTINGS, cni: 'flannel' };

function np(name: string, spec: NetworkPolicy['spec'], namespace = 'default'): NetworkPolicy {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace }, spec };
}
function ns(name: string, labels: Record<string, string> = {}): Namespace {
  return { metadata: { name, labels: { 'kubernetes.io/metadata.name': name, ...labels } } };
}

// The docs' test-network-policy (service/networking/networkpolicy.yaml).
const testNetworkPolicy = np('test-network-policy', {
  podSelector: { matchLabels: { role: 'db' } },
  policyTypes: ['Ingress', 'Egress'],
  ingress: [
    {
      from: [{ ipBlock: { cidr: '172.17.0.0/16', except: ['172.17.1.0/24'] } }, { namespaceSelector: { matchLabels: { project: 'myproject' } } }, { podSelector: { matchLabels: { role: 'frontend' } } }],
      ports: [{ protocol: 'TCP', port: 6379 }],
    },
  ],
  egress: [{ to: [{ ipBlock: { cidr: '10.0.0.0/24' } }], ports: [{ protocol: 'TCP', port: 5978 }] }],
});

const db = pod('db', '10.244.1.2', 'worker-1', { role: 'db' });
const frontend = pod('frontend', '10.244.2.2', 'worker-2', { role: 'frontend' });
const other = pod('other', '10.244.2.3', 'worker-2', { role: 'other' });
const fromProject = pod('client', '10.244.2.4', 'worker-2', { role: 'x' }, {}, 'myproject');
const fromElsewhere = pod('client', '10.244.2.5', 'worker-2', { role: 'frontend' }, {}, 'elsewhere');
const namespaces = [ns('default'), ns('myproject', { project: 'myproject' }), ns('elsewhere')];

describe('policyVerdict: the docs test-network-policy', () => {
  const input = objects({ pods: [db, frontend, other, fromProject, fromElsewhere], networkPolicies: [testNetworkPolicy], namespaces });
  const to = (port: number) => ({ pod: db, port });

  it('allows role=frontend pods of the same namespace on 6379/TCP', () => {
    const v = policyVerdict(input, calico, { pod: frontend, ip: '10.244.2.2' }, to(6379));
    expect(v).toMatchObject({ allowed: true, enforced: true, code: 'network.policy.allowed' });
    expect(v.policies).toEqual([{ kind: 'NetworkPolicy', namespace: 'default', name: 'test-network-policy' }]);
  });

  it('denies other ports and other pods, naming the isolating policy', () => {
    const wrongPort = policyVerdict(input, calico, { pod: frontend, ip: '10.244.2.2' }, to(80));
    expect(wrongPort).toMatchObject({ allowed: false, enforced: true, direction: 'ingress', code: 'network.policy.deniedIngress' });
    expect(wrongPort.reason).toBe('ingress to default/db is isolated by test-network-policy; no rule allows default/frontend (10.244.2.2) on port 80/TCP');
    expect(policyVerdict(input, calico, { pod: other, ip: '10.244.2.3' }, to(6379)).allowed).toBe(false);
  });

  it('podSelector alone means the policy namespace; namespaceSelector alone means every pod there', () => {
    expect(policyVerdict(input, calico, { pod: fromElsewhere, ip: '10.244.2.5' }, to(6379)).allowed).toBe(false);
    expect(policyVerdict(input, calico, { pod: fromProject, ip: '10.244.2.4' }, to(6379)).allowed).toBe(true);
  });

  it('ipBlock admits addresses in cidr but not in except', () => {
    expect(policyVerdict(input, calico, { ip: '172.17.0.9' }, to(6379)).allowed).toBe(true);
    expect(policyVerdict(input, calico, { ip: '172.17.1.9' }, to(6379)).allowed).toBe(false);
    expect(policyVerdict(input, calico, { ip: '192.168.0.1' }, to(6379)).allowed).toBe(false);
  });

  it('checks egress of the client: db may only reach 10.0.0.0/24 on 5978', () => {
    const v = policyVerdict(input, calico, { pod: db, ip: '10.244.1.2' }, { pod: frontend, port: 80 });
    expect(v).toMatchObject({ allowed: false, direction: 'egress', code: 'network.policy.deniedEgress' });
  });

  it('under Flannel lets the connection through but says what would have been denied', () => {
    const v = policyVerdict(input, flannel, { pod: other, ip: '10.244.2.3' }, to(6379));
    expect(v).toMatchObject({ allowed: true, enforced: false, direction: 'ingress', code: 'network.policy.ignored' });
    expect(v.policies.map((p) => p.name)).toEqual(['test-network-policy']);
    expect(v.reason).toContain('flannel does not enforce NetworkPolicy');
  });
});

describe('policyVerdict: the docs default policies', () => {
  const web = pod('web', '10.244.1.2', 'worker-1', { app: 'web' });
  const client = pod('client', '10.244.2.2', 'worker-2', { app: 'client' });
  const conn = (policies: NetworkPolicy[]) => policyVerdict(objects({ pods: [web, client], networkPolicies: policies, namespaces: [ns('default')] }), calico, { pod: client, ip: '10.244.2.2' }, { pod: web, port: 80 });

  it('no policy: open', () => expect(conn([])).toMatchObject({ allowed: true, code: 'network.policy.open', policies: [] }));
  it('default-deny-ingress denies', () => expect(conn([np('default-deny-ingress', { podSelector: {}, policyTypes: ['Ingress'] })]).allowed).toBe(false));
  it('default-deny-egress denies from the client', () =>
    expect(conn([np('default-deny-egress', { podSelector: {}, policyTypes: ['Egress'] })])).toMatchObject({ allowed: false, direction: 'egress' }));
  it('allow-all-ingress ({} rule) allows despite a deny-all', () =>
    expect(conn([np('default-deny-ingress', { podSelector: {}, policyTypes: ['Ingress'] }), np('allow-all-ingress', { podSelector: {}, ingress: [{}], policyTypes: ['Ingress'] })]).allowed).toBe(true));
  it('a policy in another namespace does not isolate', () => expect(conn([np('deny', { podSelector: {}, policyTypes: ['Ingress'] }, 'other')]).allowed).toBe(true));
  it('a policy without policyTypes isolates ingress only', () => {
    const denyIn = np('deny', { podSelector: { matchLabels: { app: 'client' } } });
    expect(conn([denyIn]).allowed).toBe(true); // client's egress is not isolated by an Ingress-only policy
  });
});

describe('policyVerdict: ports', () => {
  const web = pod('web', '10.244.1.2', 'worker-1', { app: 'web' }, { containers: [{ name: 'web', image: 'nginx', ports: [{ name: 'http', containerPort: 8080 }] }] });
  const client = pod('client', '10.244.2.2', 'worker-2', { app: 'client' });
  const with_ = (port: NonNullable<NonNullable<NetworkPolicy['spec']>['ingress']>[number]['ports']) =>
    objects({ pods: [web, client], networkPolicies: [np('p', { podSelector: { matchLabels: { app: 'web' } }, ingress: [{ ports: port }] })], namespaces: [ns('default')] });
  const at = (input: ReturnType<typeof with_>, port: number, protocol?: string) =>
    policyVerdict(input, calico, { pod: client, ip: '10.244.2.2' }, { pod: web, port, ...(protocol ? { protocol } : {}) }).allowed;

  it('resolves a named port on the server pod', () => {
    const input = with_([{ port: 'http' }]);
    expect(at(input, 8080)).toBe(true);
    expect(at(input, 80)).toBe(false);
  });
  it('honours endPort ranges', () => {
    const input = with_([{ port: 32000, endPort: 32768 }]);
    expect(at(input, 32000)).toBe(true);
    expect(at(input, 32768)).toBe(true);
    expect(at(input, 32769)).toBe(false);
  });
  it('matches the protocol (TCP by default)', () => {
    const input = with_([{ port: 53, protocol: 'UDP' }]);
    expect(at(input, 53, 'UDP')).toBe(true);
    expect(at(input, 53)).toBe(false);
  });
});
