import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Container, Volume } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../objects';
import type { CniPlugin } from '../settings';
import { KUBERNETES_VERSION_TAG } from './versions';

/**
 * The node agents a kubeadm cluster runs as DaemonSets: kube-proxy (installed by kubeadm init)
 * and the CNI plugin's agent (installed by the admin afterwards, from the plugin's manifest).
 * Shapes follow the upstream manifests, trimmed to what a learner reads.
 */

export const KUBE_PROXY_IMAGE = `registry.k8s.io/kube-proxy:${KUBERNETES_VERSION_TAG}`;
export const FLANNEL_IMAGE = 'ghcr.io/flannel-io/flannel:v0.27.3';
export const FLANNEL_CNI_PLUGIN_IMAGE = 'ghcr.io/flannel-io/flannel-cni-plugin:v1.7.1-flannel1';
export const CALICO_NODE_IMAGE = 'docker.io/calico/node:v3.30.3';
export const CALICO_CNI_IMAGE = 'docker.io/calico/cni:v3.30.3';
export const WEAVE_IMAGE = 'ghcr.io/weaveworks/launcher/weave-kube:2.8.1';
export const WEAVE_NPC_IMAGE = 'ghcr.io/weaveworks/launcher/weave-npc:2.8.1';

const hostPath = (name: string, path: string, type?: string): Volume => ({ name, hostPath: { path, ...(type ? { type } : {}) } });
const privileged = { privileged: true };

/** Where each CNI's DaemonSet lives, and the objects it needs besides the DaemonSet. */
export interface CniInstall {
  namespace: string;
  name: string;
  serviceAccount: string;
  /** ConfigMaps the pods mount; a namespace of its own (Flannel's kube-flannel). */
  configMaps: KubeObject[];
  ownNamespace: boolean;
  daemonSet: DaemonSet & KubeObject;
}

function daemonSet(namespace: string, name: string, labels: Record<string, string>, spec: { serviceAccountName: string; initContainers?: Container[]; containers: Container[]; volumes: Volume[]; tolerations?: { operator: string; effect?: string; key?: string }[] }, extra: { priorityClassName?: string; labels?: Record<string, string> } = {}): DaemonSet & KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace, labels: { ...labels, ...extra.labels } },
    spec: {
      selector: { matchLabels: labels },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
      template: {
        metadata: { labels: { ...labels, ...extra.labels } },
        spec: {
          hostNetwork: true,
          priorityClassName: extra.priorityClassName ?? 'system-node-critical',
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          tolerations: spec.tolerations ?? [{ operator: 'Exists' }],
          serviceAccountName: spec.serviceAccountName,
          ...(spec.initContainers ? { initContainers: spec.initContainers } : {}),
          containers: spec.containers,
          volumes: spec.volumes,
        },
      },
    },
  };
}

/** kube-system/kube-proxy as kubeadm init installs it: iptables mode, config from its ConfigMap. */
export function kubeProxyDaemonSet(): DaemonSet & KubeObject {
  return daemonSet(
    'kube-system',
    'kube-proxy',
    { 'k8s-app': 'kube-proxy' },
    {
      serviceAccountName: 'kube-proxy',
      tolerations: [{ operator: 'Exists' }],
      containers: [
        {
          name: 'kube-proxy',
          image: KUBE_PROXY_IMAGE,
          imagePullPolicy: 'IfNotPresent',
          command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)'],
          env: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } }],
          securityContext: privileged,
          volumeMounts: [
            { name: 'kube-proxy', mountPath: '/var/lib/kube-proxy' },
            { name: 'xtables-lock', mountPath: '/run/xtables.lock' },
            { name: 'lib-modules', mountPath: '/lib/modules', readOnly: true },
          ],
        },
      ],
      volumes: [{ name: 'kube-proxy', configMap: { name: 'kube-proxy' } }, hostPath('xtables-lock', '/run/xtables.lock', 'FileOrCreate'), hostPath('lib-modules', '/lib/modules')],
    },
  );
}

export function kubeProxyConfigMap(controlPlaneIP: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'kube-proxy', namespace: 'kube-system', labels: { app: 'kube-proxy' } },
    data: {
      'config.conf': 'apiVersion: kubeproxy.config.k8s.io/v1alpha1\nkind: KubeProxyConfiguration\nclusterCIDR: 10.244.0.0/16\nclientConnection:\n  kubeconfig: /var/lib/kube-proxy/kubeconfig.conf\nmode: ""\n',
      'kubeconfig.conf': `apiVersion: v1\nkind: Config\nclusters:\n- cluster:\n    certificate-authority: /var/run/secrets/kubernetes.io/serviceaccount/ca.crt\n    server: https://${controlPlaneIP}:6443\n  name: default\n`,
    },
  };
}

function flannel(): CniInstall {
  const labels = { app: 'flannel', 'k8s-app': 'flannel' };
  const ds = daemonSet(
    'kube-flannel',
    'kube-flannel-ds',
    labels,
    {
      serviceAccountName: 'flannel',
      tolerations: [{ operator: 'Exists', effect: 'NoSchedule' }],
      initContainers: [
        { name: 'install-cni-plugin', image: FLANNEL_CNI_PLUGIN_IMAGE, command: ['cp'], args: ['-f', '/flannel', '/opt/cni/bin/flannel'], volumeMounts: [{ name: 'cni-plugin', mountPath: '/opt/cni/bin' }] },
        { name: 'install-cni', image: FLANNEL_IMAGE, command: ['cp'], args: ['-f', '/etc/kube-flannel/cni-conf.json', '/etc/cni/net.d/10-flannel.conflist'], volumeMounts: [{ name: 'cni', mountPath: '/etc/cni/net.d' }, { name: 'flannel-cfg', mountPath: '/etc/kube-flannel/' }] },
      ],
      containers: [
        {
          name: 'kube-flannel',
          image: FLANNEL_IMAGE,
          command: ['/opt/bin/flanneld'],
          args: ['--ip-masq', '--kube-subnet-mgr'],
          resources: { requests: { cpu: '100m', memory: '50Mi' } },
          securityContext: { privileged: false, capabilities: { add: ['NET_ADMIN', 'NET_RAW'] } },
          env: [
            { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
            { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
          ],
          volumeMounts: [{ name: 'run', mountPath: '/run/flannel' }, { name: 'flannel-cfg', mountPath: '/etc/kube-flannel/' }, { name: 'xtables-lock', mountPath: '/run/xtables.lock' }],
        },
      ],
      volumes: [hostPath('run', '/run/flannel'), hostPath('cni-plugin', '/opt/cni/bin'), hostPath('cni', '/etc/cni/net.d'), { name: 'flannel-cfg', configMap: { name: 'kube-flannel-cfg' } }, hostPath('xtables-lock', '/run/xtables.lock', 'FileOrCreate')],
    },
    { labels: { tier: 'node' } },
  );
  const cfg: KubeObject = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'kube-flannel-cfg', namespace: 'kube-flannel', labels: { app: 'flannel', 'k8s-app': 'flannel', tier: 'node' } },
    data: {
      'cni-conf.json': '{\n  "name": "cbr0",\n  "cniVersion": "0.3.1",\n  "plugins": [\n    { "type": "flannel", "delegate": { "hairpinMode": true, "isDefaultGateway": true } },\n    { "type": "portmap", "capabilities": { "portMappings": true } }\n  ]\n}\n',
      'net-conf.json': '{\n  "Network": "10.244.0.0/16",\n  "EnableNFTables": false,\n  "Backend": { "Type": "vxlan" }\n}\n',
    },
  };
  return { namespace: 'kube-flannel', name: 'kube-flannel-ds', serviceAccount: 'flannel', configMaps: [cfg], ownNamespace: true, daemonSet: ds };
}

function calico(): CniInstall {
  const labels = { 'k8s-app': 'calico-node' };
  const ds = daemonSet('kube-system', 'calico-node', labels, {
    serviceAccountName: 'calico-node',
    tolerations: [{ operator: 'Exists', effect: 'NoSchedule' }, { key: 'CriticalAddonsOnly', operator: 'Exists' }, { operator: 'Exists', effect: 'NoExecute' }],
    initContainers: [
      { name: 'install-cni', image: CALICO_CNI_IMAGE, command: ['/opt/cni/bin/install'], securityContext: privileged, volumeMounts: [{ name: 'cni-bin-dir', mountPath: '/host/opt/cni/bin' }, { name: 'cni-net-dir', mountPath: '/host/etc/cni/net.d' }] },
    ],
    containers: [
      {
        name: 'calico-node',
        image: CALICO_NODE_IMAGE,
        env: [
          { name: 'DATASTORE_TYPE', value: 'kubernetes' },
          { name: 'CLUSTER_TYPE', value: 'k8s,bgp' },
          { name: 'CALICO_IPV4POOL_CIDR', value: '10.244.0.0/16' },
          { name: 'NODENAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
        ],
        resources: { requests: { cpu: '250m' } },
        securityContext: privileged,
        volumeMounts: [{ name: 'var-run-calico', mountPath: '/var/run/calico' }, { name: 'xtables-lock', mountPath: '/run/xtables.lock' }],
      },
    ],
    volumes: [hostPath('cni-bin-dir', '/opt/cni/bin', 'DirectoryOrCreate'), hostPath('cni-net-dir', '/etc/cni/net.d'), hostPath('var-run-calico', '/var/run/calico', 'DirectoryOrCreate'), hostPath('xtables-lock', '/run/xtables.lock', 'FileOrCreate')],
  });
  return { namespace: 'kube-system', name: 'calico-node', serviceAccount: 'calico-node', configMaps: [], ownNamespace: false, daemonSet: ds };
}

function weave(): CniInstall {
  const labels = { name: 'weave-net' };
  const ds = daemonSet('kube-system', 'weave-net', labels, {
    serviceAccountName: 'weave-net',
    tolerations: [{ operator: 'Exists', effect: 'NoSchedule' }, { operator: 'Exists', effect: 'NoExecute' }],
    initContainers: [{ name: 'weave-init', image: WEAVE_IMAGE, command: ['/home/weave/init.sh'], securityContext: privileged, volumeMounts: [{ name: 'cni-bin', mountPath: '/host/opt' }, { name: 'cni-conf', mountPath: '/host/etc' }] }],
    containers: [
      {
        name: 'weave',
        image: WEAVE_IMAGE,
        command: ['/home/weave/launch.sh'],
        env: [
          { name: 'INIT_CONTAINER', value: 'true' },
          { name: 'HOSTNAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } },
        ],
        resources: { requests: { cpu: '50m' } },
        securityContext: privileged,
        volumeMounts: [{ name: 'weavedb', mountPath: '/weavedb' }, { name: 'xtables-lock', mountPath: '/run/xtables.lock' }],
      },
      { name: 'weave-npc', image: WEAVE_NPC_IMAGE, resources: { requests: { cpu: '50m' } }, securityContext: privileged, volumeMounts: [{ name: 'xtables-lock', mountPath: '/run/xtables.lock' }] },
    ],
    volumes: [hostPath('weavedb', '/var/lib/weave'), hostPath('cni-bin', '/opt'), hostPath('cni-conf', '/etc'), hostPath('xtables-lock', '/run/xtables.lock', 'FileOrCreate')],
  });
  return { namespace: 'kube-system', name: 'weave-net', serviceAccount: 'weave-net', configMaps: [], ownNamespace: false, daemonSet: ds };
}

/** What installing `cni` applies; undefined for 'none' (a cluster still waiting for its CNI). */
export function cniInstall(cni: CniPlugin): CniInstall | undefined {
  if (cni === 'flannel') return flannel();
  if (cni === 'calico') return calico();
  if (cni === 'weave') return weave();
  return undefined;
}
