import type { Container, PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { KubeObject } from './objects';
import { ownerRefTo, refOf } from './objects';
import type { Store } from './store/store';
import type { SimClock } from './clock';
import { Random } from './random';
import { ApiServer } from './api/server';
import type { ClusterSettings } from './settings';
import type { ReconcileRecord } from './controllers/types';
import { podTemplateHash } from './controllers/deployment/hash';
import { imageID } from './kubelet/images';
import { podConditions, qosClass } from './kubelet/status';
import type { PodObject } from './scheduler/types';
import { KUBERNETES_SERVICE_IP, KUBE_DNS_SERVICE_IP } from './network/serviceIPs';

export const COREDNS_IMAGE = 'registry.k8s.io/coredns/coredns:v1.12.1';
const COREDNS_REPLICAS = 2;
const DNS_LABELS = { 'k8s-app': 'kube-dns' };

const COREFILE = `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes cluster.local in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30 {
       disable success cluster.local
       disable denial cluster.local
    }
    loop
    reload
    loadbalance
}
`;

function corednsTemplate(): PodTemplateSpec {
  const container: Container = {
    name: 'coredns',
    image: COREDNS_IMAGE,
    imagePullPolicy: 'IfNotPresent',
    args: ['-conf', '/etc/coredns/Corefile'],
    ports: [
      { containerPort: 53, name: 'dns', protocol: 'UDP' },
      { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
      { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
    ],
    resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
    livenessProbe: { httpGet: { path: '/health', port: 8080, scheme: 'HTTP' }, initialDelaySeconds: 60, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 5 },
    readinessProbe: { httpGet: { path: '/ready', port: 8181, scheme: 'HTTP' }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 },
    securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] }, readOnlyRootFilesystem: true },
    volumeMounts: [{ name: 'config-volume', mountPath: '/etc/coredns', readOnly: true }],
  };
  return {
    metadata: { labels: { ...DNS_LABELS } },
    spec: {
      priorityClassName: 'system-cluster-critical',
      serviceAccountName: 'coredns',
      nodeSelector: { 'kubernetes.io/os': 'linux' },
      tolerations: [
        { key: 'CriticalAddonsOnly', operator: 'Exists' },
        { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
      ],
      dnsPolicy: 'Default',
      containers: [container],
      volumes: [{ name: 'config-volume', configMap: { name: 'coredns', items: [{ key: 'Corefile', path: 'Corefile' }] } }],
    },
  };
}

/**
 * What `kubeadm init` leaves running besides nodes and namespaces: the `kubernetes` Service
 * (kube-apiserver's own, 10.96.0.1:443 → the control plane's 6443) and the kube-dns Service
 * (10.96.0.10) backed by two CoreDNS pods on the control-plane node. They are laid down as
 * the controllers would have left them — Deployment, ReplicaSet and Ready pods with their
 * EndpointSlice and Endpoints — so a fresh cluster is already settled and worker nodes stay
 * empty. They draw from their own PRNG, so the seed's names for the learner's objects do not
 * depend on them.
 */
export function bootstrapAddons(opts: {
  store: Store;
  clock: SimClock;
  seed: number;
  settings: () => Readonly<ClusterSettings>;
  controlPlane: { name: string; ip: string };
  record: (r: ReconcileRecord) => void;
}): void {
  const api = new ApiServer(opts.store, opts.clock, new Random((opts.seed ^ 0x6b756265) >>> 0), {}, opts.settings);
  const random = new Random((opts.seed ^ 0x636f7265) >>> 0);
  const now = opts.clock.nowRFC3339();
  const made = (obj: KubeObject, reason: string, code: string, status?: unknown): KubeObject => {
    const res = api.create(obj, { trusted: true });
    if (!res.ok) throw new Error(`bootstrap ${obj.kind} ${obj.metadata.name}: ${res.status.message}`);
    let out = res.object;
    if (status !== undefined) {
      const st = api.update({ ...out, status }, { subresource: 'status', trusted: true });
      if (!st.ok) throw new Error(`bootstrap ${obj.kind} ${obj.metadata.name} status: ${st.status.message}`);
      out = st.object;
    }
    opts.record({ tick: 0, controller: 'kubeadm', key: '', action: 'create', target: refOf(out), reason, code, params: { name: out.metadata.name } });
    return out;
  };
  const cp = opts.controlPlane;
  // Without a CNI plugin the nodes are NotReady: the CoreDNS pods wait for the scheduler, unplaced.
  const noCni = opts.settings().cni === 'none';
  const ready = noCni ? 0 : COREDNS_REPLICAS;

  // default/kubernetes: kube-apiserver publishes itself; its endpoints are the API server's address.
  made(
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
      spec: { clusterIP: KUBERNETES_SERVICE_IP, ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }], type: 'ClusterIP' },
    },
    `kube-apiserver publishes itself as the kubernetes Service at ${KUBERNETES_SERVICE_IP}:443`,
    'record.kubeadm.kubernetesService',
  );
  made(
    {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
      subsets: [{ addresses: [{ ip: cp.ip }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }],
    },
    `kube-apiserver lists its own address ${cp.ip}:6443 as the kubernetes Service's endpoints`,
    'record.kubeadm.kubernetesEndpoints',
  );
  made(
    {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: [cp.ip], conditions: { ready: true } }],
      ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
    },
    `kube-apiserver lists its own address ${cp.ip}:6443 as the kubernetes Service's endpoints`,
    'record.kubeadm.kubernetesEndpoints',
  );

  // CoreDNS: configuration, Deployment, its ReplicaSet and two Ready pods on the control plane.
  made(
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'coredns', namespace: 'kube-system' }, data: { Corefile: COREFILE } },
    'kubeadm init installs the CoreDNS add-on: its Corefile',
    'record.kubeadm.coredns',
  );
  const template = corednsTemplate();
  const deployment = made(
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'coredns', namespace: 'kube-system', labels: { ...DNS_LABELS }, annotations: { 'deployment.kubernetes.io/revision': '1' } },
      spec: { replicas: COREDNS_REPLICAS, selector: { matchLabels: { ...DNS_LABELS } }, strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: '25%' } }, template },
    },
    'kubeadm init installs the CoreDNS add-on as the coredns Deployment (2 replicas, tolerating the control-plane taint)',
    'record.kubeadm.coredns',
  );
  const hash = podTemplateHash((deployment.spec as { template: PodTemplateSpec }).template);
  const rsLabels = { ...DNS_LABELS, 'pod-template-hash': hash };
  const rsTemplate = { ...(deployment.spec as { template: PodTemplateSpec }).template, metadata: { labels: rsLabels } };
  const rs = made(
    {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `coredns-${hash}`,
        namespace: 'kube-system',
        labels: rsLabels,
        annotations: { 'deployment.kubernetes.io/desired-replicas': String(COREDNS_REPLICAS), 'deployment.kubernetes.io/max-replicas': String(COREDNS_REPLICAS + 1), 'deployment.kubernetes.io/revision': '1' },
        ownerReferences: [ownerRefTo(deployment)],
      },
      spec: { replicas: COREDNS_REPLICAS, selector: { matchLabels: rsLabels }, template: rsTemplate },
    },
    'The deployment controller made the ReplicaSet of the coredns Deployment',
    'record.kubeadm.coredns',
    { replicas: COREDNS_REPLICAS, fullyLabeledReplicas: COREDNS_REPLICAS, readyReplicas: ready, availableReplicas: ready, observedGeneration: 1 },
  );
  const pods: PodObject[] = [];
  for (let i = 0; i < COREDNS_REPLICAS; i++) {
    const pod = made(
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: `${rs.metadata.name}-${random.nameSuffix()}`, namespace: 'kube-system', labels: rsLabels, ownerReferences: [ownerRefTo(rs)] },
        spec: { ...(rsTemplate.spec as object), ...(noCni ? {} : { nodeName: cp.name }) },
      },
      `CoreDNS pod ${i + 1} of 2 runs on ${cp.name} (it tolerates the control-plane taint)`,
      'record.kubeadm.corednsPod',
    ) as PodObject;
    if (noCni) continue;
    const ip = `10.244.0.${i + 2}`;
    const containerID = `containerd://${random.hex(64)}`;
    const status = {
      phase: 'Running',
      conditions: podConditions(pod, now, { initialized: true, ready: true }),
      hostIP: cp.ip,
      hostIPs: [{ ip: cp.ip }],
      podIP: ip,
      podIPs: [{ ip }],
      startTime: now,
      containerStatuses: [
        { name: 'coredns', image: COREDNS_IMAGE, imageID: imageID(COREDNS_IMAGE), containerID, ready: true, restartCount: 0, started: true, state: { running: { startedAt: now } } },
      ],
      qosClass: qosClass(pod),
    };
    pods.push(api.update({ ...pod, status }, { subresource: 'status', trusted: true }).ok ? (opts.store.get('pods', 'kube-system', pod.metadata.name) as PodObject) : pod);
  }
  const replicas = ready;
  const dep = opts.store.get('deployments.apps', 'kube-system', 'coredns') as KubeObject;
  api.update(
    {
      ...dep,
      status: {
        observedGeneration: 1,
        replicas: COREDNS_REPLICAS,
        updatedReplicas: COREDNS_REPLICAS,
        readyReplicas: replicas,
        availableReplicas: replicas,
        ...(noCni ? { unavailableReplicas: COREDNS_REPLICAS } : {}),
        conditions: noCni
          ? [
              { type: 'Available', status: 'False', lastUpdateTime: now, lastTransitionTime: now, reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' },
              { type: 'Progressing', status: 'True', lastUpdateTime: now, lastTransitionTime: now, reason: 'ReplicaSetUpdated', message: `ReplicaSet "${rs.metadata.name}" is progressing.` },
            ]
          : [
              { type: 'Available', status: 'True', lastUpdateTime: now, lastTransitionTime: now, reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' },
              { type: 'Progressing', status: 'True', lastUpdateTime: now, lastTransitionTime: now, reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${rs.metadata.name}" has successfully progressed.` },
            ],
      },
    },
    { subresource: 'status', trusted: true },
  );

  // kube-system/kube-dns and what the endpoint controllers would have written for it.
  const dns = made(
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: 'kube-dns',
        namespace: 'kube-system',
        labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
        annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
      },
      spec: {
        clusterIP: KUBE_DNS_SERVICE_IP,
        ports: [
          { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
          { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
          { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
        ],
        selector: { ...DNS_LABELS },
        type: 'ClusterIP',
      },
    },
    `kubeadm init installs the kube-dns Service at ${KUBE_DNS_SERVICE_IP} in front of the CoreDNS pods`,
    'record.kubeadm.kubeDns',
  );
  const ports = [
    { name: 'dns', port: 53, protocol: 'UDP' },
    { name: 'dns-tcp', port: 53, protocol: 'TCP' },
    { name: 'metrics', port: 9153, protocol: 'TCP' },
  ];
  const podRef = (p: PodObject) => ({ kind: 'Pod', namespace: 'kube-system', name: p.metadata.name, uid: p.metadata.uid });
  const sorted = [...pods].sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
  made(
    {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        name: `kube-dns-${random.nameSuffix()}`,
        generateName: 'kube-dns-',
        namespace: 'kube-system',
        labels: { ...(dns.metadata.labels ?? {}), 'kubernetes.io/service-name': 'kube-dns', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' },
        ownerReferences: [ownerRefTo(dns)],
      },
      addressType: 'IPv4',
      endpoints: sorted.map((p) => ({ addresses: [p.status?.podIP ?? ''], conditions: { ready: true, serving: true, terminating: false }, nodeName: cp.name, targetRef: podRef(p) })),
      ports,
    },
    'The EndpointSlice controller lists the Ready CoreDNS pods behind kube-dns',
    'record.kubeadm.kubeDnsEndpoints',
  );
  made(
    {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'kube-dns', namespace: 'kube-system', labels: { ...(dns.metadata.labels ?? {}) } },
      ...(sorted.length ? { subsets: [{ addresses: sorted.map((p) => ({ ip: p.status?.podIP ?? '', nodeName: cp.name, targetRef: podRef(p) })), ports }] } : {}),
    },
    'The Endpoints controller lists the Ready CoreDNS pods behind kube-dns',
    'record.kubeadm.kubeDnsEndpoints',
  );
}
