/**
 * The host model of one machine (src/sim/hosts): what a learner changes while preparing a node
 * for `kubeadm join` — swap, kernel modules, sysctls, config files, systemd services and the
 * container runtime's cgroup driver. Pure data, saved with the cluster state.
 */

export type ServiceState = 'active' | 'inactive' | 'failed' | 'activating';
export type CgroupDriver = 'systemd' | 'cgroupfs';

export interface HostState {
  name: string;
  ip: string;
  /** The index its podCIDR (10.244.<index>.0/24) and IP (172.18.0.<index+2>) come from. */
  index: number;
  /** Whether a swap file is active right now (`swapon`/`swapoff`). */
  swapOn: boolean;
  /** Loaded kernel modules (sorted). */
  modules: string[];
  /** Runtime sysctl values (/proc/sys); keys a module provides exist only while it is loaded. */
  sysctls: Record<string, string>;
  /** Files by absolute path. */
  files: Record<string, string>;
  services: { containerd: ServiceState; kubelet: ServiceState };
  enabled: { containerd: boolean; kubelet: boolean };
  /** SystemdCgroup of containerd's runc runtime as read when containerd last started. */
  containerdSystemdCgroup: boolean;
  containerdVersion: string;
  versions: { kubeadm: string; kubelet: string; kubectl: string };
  /** The kubelet's cgroupDriver (KubeletConfiguration; kubeadm writes systemd since 1.22). */
  kubeletCgroupDriver: CgroupDriver;
  /** Where this machine is in joining: not at all, kubeadm join ran (kubelet must TLS-bootstrap), or its Node exists. */
  cluster: 'none' | 'bootstrapping' | 'registered';
  /** When a systemd service last changed state (tick), for `systemctl status`. */
  since: { containerd: number; kubelet: number };
  /** The kubelet's journal (journalctl -u kubelet), newest last, capped. */
  journal: string[];
  /** Next process id handed out (kubelet restarts get fresh PIDs). */
  nextPid: number;
  /** The kubelet last saw a cgroup driver mismatch (its pods wait for sandboxes). */
  hadMismatch?: boolean;
}

export const SWAP_LINE = '/swap.img       none    swap    sw      0       0';
export const FSTAB = `# /etc/fstab: static file system information.
#
# Use 'blkid' to print the universally unique identifier for a
# device; this may be used with UUID= as a more robust way to name devices
# that works even if disks are added and removed. See fstab(5).
#
# <file system> <mount point>   <type>  <options>       <dump>  <pass>
/dev/disk/by-uuid/4f1c2a9e-7d3b-4c55-9a61-0e8b2d7c6f10 / ext4 defaults 0 1
${SWAP_LINE}
`;

const BRIDGE_SYSCTLS = ['net.bridge.bridge-nf-call-iptables', 'net.bridge.bridge-nf-call-ip6tables'];
export const KUBELET_CONFIG = '/var/lib/kubelet/config.yaml';
export const KUBELET_KUBECONFIG = '/etc/kubernetes/kubelet.conf';
export const CONTAINERD_CONFIG = '/etc/containerd/config.toml';

/** A fresh Ubuntu 24.04 machine with containerd, kubeadm, kubelet and kubectl installed from apt, nothing else done. */
export function freshHost(name: string, index: number): HostState {
  return {
    name,
    ip: `172.18.0.${index + 2}`,
    index,
    swapOn: true,
    modules: [],
    sysctls: { 'net.ipv4.ip_forward': '0', 'vm.swappiness': '60' },
    files: {
      '/etc/fstab': FSTAB,
      '/etc/hostname': `${name}\n`,
      '/etc/sysctl.conf': '#\n# /etc/sysctl.conf - Configuration file for setting system variables\n# See /etc/sysctl.d/ for additional system variables.\n#\n\n# Uncomment the next line to enable packet forwarding for IPv4\n#net.ipv4.ip_forward=1\n',
    },
    services: { containerd: 'active', kubelet: 'activating' },
    enabled: { containerd: true, kubelet: true },
    containerdSystemdCgroup: false,
    containerdVersion: '1.7.28',
    versions: { kubeadm: 'v1.34.1', kubelet: 'v1.34.1', kubectl: 'v1.34.1' },
    kubeletCgroupDriver: 'systemd',
    cluster: 'none',
    since: { containerd: 0, kubelet: 0 },
    journal: [],
    nextPid: 1200,
  };
}

/** A machine that already is a node of the cluster: prepared the way the guide says. */
export function preparedHost(name: string, index: number, controlPlane: boolean): HostState {
  const h = freshHost(name, index);
  h.swapOn = false;
  h.files['/etc/fstab'] = h.files['/etc/fstab']!.replace(SWAP_LINE, '#' + SWAP_LINE);
  h.modules = ['br_netfilter', 'overlay'];
  h.sysctls = { ...h.sysctls, 'net.ipv4.ip_forward': '1', 'net.bridge.bridge-nf-call-iptables': '1', 'net.bridge.bridge-nf-call-ip6tables': '1' };
  h.files['/etc/modules-load.d/k8s.conf'] = 'overlay\nbr_netfilter\n';
  h.files['/etc/sysctl.d/k8s.conf'] = 'net.bridge.bridge-nf-call-iptables  = 1\nnet.bridge.bridge-nf-call-ip6tables = 1\nnet.ipv4.ip_forward                 = 1\n';
  h.files[CONTAINERD_CONFIG] = containerdDefaultConfig().replace('SystemdCgroup = false', 'SystemdCgroup = true');
  h.containerdSystemdCgroup = true;
  h.files[KUBELET_CONFIG] = kubeletConfigYaml();
  h.files[KUBELET_KUBECONFIG] = '';
  h.services.kubelet = 'active';
  h.cluster = 'registered';
  if (controlPlane) {
    for (const c of ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler']) h.files[`/etc/kubernetes/manifests/${c}.yaml`] = `# static Pod manifest of ${c}, written by kubeadm init\n`;
  }
  return h;
}

/** The KubeletConfiguration kubeadm writes on join (the fields that matter here). */
export function kubeletConfigYaml(driver: CgroupDriver = 'systemd'): string {
  return `apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
authentication:
  anonymous:
    enabled: false
  webhook:
    enabled: true
  x509:
    clientCAFile: /etc/kubernetes/pki/ca.crt
authorization:
  mode: Webhook
cgroupDriver: ${driver}
clusterDNS:
- 10.96.0.10
clusterDomain: cluster.local
containerRuntimeEndpoint: ""
failSwapOn: true
rotateCertificates: true
staticPodPath: /etc/kubernetes/manifests
`;
}

/** What `containerd config default` prints (containerd 1.7, config version 2), trimmed to the CRI plugin's runtime part. */
export function containerdDefaultConfig(): string {
  const cri = 'plugins."io.containerd.grpc.v1.cri"';
  return `disabled_plugins = []
imports = []
oom_score = 0
plugin_dir = ""
required_plugins = []
root = "/var/lib/containerd"
state = "/run/containerd"
temp = ""
version = 2

[cgroup]
  path = ""

[grpc]
  address = "/run/containerd/containerd.sock"
  gid = 0
  uid = 0

[plugins]

  [${cri}]
    enable_selinux = false
    sandbox_image = "registry.k8s.io/pause:3.8"

    [${cri}.cni]
      bin_dir = "/opt/cni/bin"
      conf_dir = "/etc/cni/net.d"

    [${cri}.containerd]
      default_runtime_name = "runc"
      snapshotter = "overlayfs"

      [${cri}.containerd.runtimes]

        [${cri}.containerd.runtimes.runc]
          runtime_type = "io.containerd.runc.v2"

          [${cri}.containerd.runtimes.runc.options]
            BinaryName = ""
            CriuImagePath = ""
            NoNewKeyring = false
            NoPivotRoot = false
            Root = ""
            ShimCgroup = ""
            SystemdCgroup = false
`;
}

/** SystemdCgroup as containerd reads it from its config file (absent file: the built-in default, false). */
export function systemdCgroupInFile(host: HostState): boolean {
  return /^\s*SystemdCgroup\s*=\s*true\s*$/m.test(host.files[CONTAINERD_CONFIG] ?? '');
}

export function moduleLoaded(host: HostState, name: string): boolean {
  return host.modules.includes(name);
}

/** modprobe: loading br_netfilter creates its sysctls, which default to 1. */
export function loadModule(host: HostState, name: string): void {
  if (moduleLoaded(host, name)) return;
  host.modules = [...host.modules, name].sort();
  if (name === 'br_netfilter') for (const k of BRIDGE_SYSCTLS) host.sysctls[k] = '1';
}

export function unloadModule(host: HostState, name: string): void {
  host.modules = host.modules.filter((m) => m !== name);
  if (name === 'br_netfilter') for (const k of BRIDGE_SYSCTLS) delete host.sysctls[k];
}

export function sysctlExists(host: HostState, key: string): boolean {
  return key in host.sysctls;
}

/** What keeps this machine from being a healthy node; read by the kubelet, kube-proxy's path and `kubeadm join`. */
export interface HostProblems {
  /** Swap is on: the kubelet (failSwapOn: true, its default) refuses to start. */
  swapOn: boolean;
  /** Bridged pod traffic passes iptables (br_netfilter loaded and net.bridge.bridge-nf-call-iptables = 1). */
  bridgeNetfilter: boolean;
  /** net.ipv4.ip_forward is 1. */
  ipForward: boolean;
  /** containerd's runc uses a different cgroup driver than the kubelet: a sentence saying which. */
  cgroupMismatch?: string;
  /** containerd is not running. */
  containerdDown: boolean;
}

export function runtimeCgroupDriver(host: HostState): CgroupDriver {
  return host.containerdSystemdCgroup ? 'systemd' : 'cgroupfs';
}

export function hostProblems(host: HostState): HostProblems {
  const runtime = runtimeCgroupDriver(host);
  const p: HostProblems = {
    swapOn: host.swapOn,
    bridgeNetfilter: moduleLoaded(host, 'br_netfilter') && host.sysctls['net.bridge.bridge-nf-call-iptables'] === '1',
    ipForward: host.sysctls['net.ipv4.ip_forward'] === '1',
    containerdDown: host.services.containerd !== 'active',
  };
  if (runtime !== host.kubeletCgroupDriver) p.cgroupMismatch = `kubelet cgroup driver "${host.kubeletCgroupDriver}" differs from containerd's runc cgroup driver "${runtime}" (SystemdCgroup = ${host.containerdSystemdCgroup})`;
  return p;
}
