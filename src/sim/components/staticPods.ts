import type { Container, Pod, Volume } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../objects';
import { KUBERNETES_VERSION_TAG } from './versions';

/** The control-plane components kubeadm runs as static pods from /etc/kubernetes/manifests. */
export type StaticComponent = 'etcd' | 'kube-apiserver' | 'kube-controller-manager' | 'kube-scheduler';
export const STATIC_COMPONENTS: readonly StaticComponent[] = ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler'];
export const MANIFEST_DIR = '/etc/kubernetes/manifests';
export const ETCD_IMAGE = 'registry.k8s.io/etcd:3.6.4-0';

export function imageOf(component: StaticComponent): string {
  return component === 'etcd' ? ETCD_IMAGE : `registry.k8s.io/${component}:${KUBERNETES_VERSION_TAG}`;
}

const hostPath = (name: string, path: string, type: string): Volume => ({ name, hostPath: { path, type } });
const mount = (name: string, mountPath: string, readOnly = true) => ({ name, mountPath, ...(readOnly ? { readOnly: true } : {}) });

/** The flags kubeadm init writes (abbreviated to the ones a learner reads for). */
function command(component: StaticComponent, ip: string): string[] {
  switch (component) {
    case 'etcd':
      return [
        'etcd',
        `--advertise-client-urls=https://${ip}:2379`,
        '--cert-file=/etc/kubernetes/pki/etcd/server.crt',
        '--client-cert-auth=true',
        '--data-dir=/var/lib/etcd',
        `--initial-advertise-peer-urls=https://${ip}:2380`,
        `--initial-cluster=control-plane=https://${ip}:2380`,
        '--key-file=/etc/kubernetes/pki/etcd/server.key',
        `--listen-client-urls=https://127.0.0.1:2379,https://${ip}:2379`,
        `--listen-peer-urls=https://${ip}:2380`,
        '--name=control-plane',
        '--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt',
      ];
    case 'kube-apiserver':
      return [
        'kube-apiserver',
        `--advertise-address=${ip}`,
        '--allow-privileged=true',
        '--authorization-mode=Node,RBAC',
        '--client-ca-file=/etc/kubernetes/pki/ca.crt',
        '--enable-admission-plugins=NodeRestriction',
        '--etcd-servers=https://127.0.0.1:2379',
        '--secure-port=6443',
        '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
        '--service-cluster-ip-range=10.96.0.0/12',
        '--tls-cert-file=/etc/kubernetes/pki/apiserver.crt',
        '--tls-private-key-file=/etc/kubernetes/pki/apiserver.key',
      ];
    case 'kube-controller-manager':
      return [
        'kube-controller-manager',
        '--allocate-node-cidrs=true',
        '--authentication-kubeconfig=/etc/kubernetes/controller-manager.conf',
        '--authorization-kubeconfig=/etc/kubernetes/controller-manager.conf',
        '--bind-address=127.0.0.1',
        '--cluster-cidr=10.244.0.0/16',
        '--cluster-name=kubernetes',
        '--controllers=*,bootstrapsigner,tokencleaner',
        '--kubeconfig=/etc/kubernetes/controller-manager.conf',
        '--leader-elect=true',
        '--service-cluster-ip-range=10.96.0.0/12',
        '--use-service-account-credentials=true',
      ];
    case 'kube-scheduler':
      return [
        'kube-scheduler',
        '--authentication-kubeconfig=/etc/kubernetes/scheduler.conf',
        '--authorization-kubeconfig=/etc/kubernetes/scheduler.conf',
        '--bind-address=127.0.0.1',
        '--kubeconfig=/etc/kubernetes/scheduler.conf',
        '--leader-elect=true',
      ];
  }
}

const PORTS: Record<StaticComponent, { port: number; scheme: 'HTTP' | 'HTTPS'; path: string; host: (ip: string) => string }> = {
  etcd: { port: 2381, scheme: 'HTTP', path: '/livez', host: () => '127.0.0.1' },
  'kube-apiserver': { port: 6443, scheme: 'HTTPS', path: '/livez', host: (ip) => ip },
  'kube-controller-manager': { port: 10257, scheme: 'HTTPS', path: '/healthz', host: () => '127.0.0.1' },
  'kube-scheduler': { port: 10259, scheme: 'HTTPS', path: '/livez', host: () => '127.0.0.1' },
};

const REQUESTS: Record<StaticComponent, Record<string, string>> = {
  etcd: { cpu: '100m', memory: '100Mi' },
  'kube-apiserver': { cpu: '250m' },
  'kube-controller-manager': { cpu: '200m' },
  'kube-scheduler': { cpu: '100m' },
};

function volumes(component: StaticComponent): { volumes: Volume[]; mounts: Container['volumeMounts'] } {
  if (component === 'etcd')
    return {
      volumes: [hostPath('etcd-certs', '/etc/kubernetes/pki/etcd', 'DirectoryOrCreate'), hostPath('etcd-data', '/var/lib/etcd', 'DirectoryOrCreate')],
      mounts: [mount('etcd-data', '/var/lib/etcd', false), mount('etcd-certs', '/etc/kubernetes/pki/etcd', false)],
    };
  const conf = component === 'kube-apiserver' ? undefined : component === 'kube-scheduler' ? 'scheduler.conf' : 'controller-manager.conf';
  return {
    volumes: [
      hostPath('ca-certs', '/etc/ssl/certs', 'DirectoryOrCreate'),
      hostPath('k8s-certs', '/etc/kubernetes/pki', 'DirectoryOrCreate'),
      ...(conf ? [hostPath('kubeconfig', `/etc/kubernetes/${conf}`, 'FileOrCreate')] : []),
    ].filter((v) => component !== 'kube-scheduler' || v.name === 'kubeconfig'),
    mounts: [
      ...(component !== 'kube-scheduler' ? [mount('ca-certs', '/etc/ssl/certs'), mount('k8s-certs', '/etc/kubernetes/pki')] : []),
      ...(conf ? [mount('kubeconfig', `/etc/kubernetes/${conf}`)] : []),
    ],
  };
}

/**
 * The static pod kubeadm writes to /etc/kubernetes/manifests/<component>.yaml, as the kubelet
 * reads it: labels component=<name>,tier=control-plane, hostNetwork, system-node-critical.
 */
export function staticPodManifest(component: StaticComponent, ip: string): Pod & KubeObject {
  const p = PORTS[component];
  const probe = (failureThreshold: number) => ({
    httpGet: { host: p.host(ip), path: p.path, port: p.port, scheme: p.scheme },
    initialDelaySeconds: 10,
    periodSeconds: 10,
    timeoutSeconds: 15,
    failureThreshold,
  });
  const v = volumes(component);
  const annotations: Record<string, string> =
    component === 'etcd'
      ? { 'kubeadm.kubernetes.io/etcd.advertise-client-urls': `https://${ip}:2379` }
      : component === 'kube-apiserver'
        ? { 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${ip}:6443` }
        : {};
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: component, namespace: 'kube-system', labels: { component, tier: 'control-plane' }, ...(Object.keys(annotations).length ? { annotations } : {}) },
    spec: {
      containers: [
        {
          name: component,
          image: imageOf(component),
          imagePullPolicy: 'IfNotPresent',
          command: command(component, ip),
          resources: { requests: REQUESTS[component] },
          livenessProbe: probe(8),
          startupProbe: probe(24),
          volumeMounts: v.mounts,
        },
      ],
      hostNetwork: true,
      priority: 2000001000,
      priorityClassName: 'system-node-critical',
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      volumes: v.volumes,
    },
  };
}
