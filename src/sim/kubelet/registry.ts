import { normalizeImage } from './images';

/**
 * The simulated image registry: which public images and tags exist, how big they are, and
 * what their default process does. An image outside this catalogue does not exist, so a pull
 * fails the way containerd reports a missing image — learners meet ErrImagePull honestly.
 */

/** What the image runs when the pod gives no command: a server that stays up, a shell, or a pause. */
export type DefaultBehaviour = 'server' | 'shell' | 'exits' | 'pause';

export interface ImageEntry {
  /** `docker.io/library/nginx` — the repository, without tag. */
  repository: string;
  /** Tags that exist; `*` accepts any tag (sample images whose tags are not worth listing). */
  tags: string[];
  /** Compressed size in MB, roughly what the registry reports. */
  sizeMB: number;
  behaviour: DefaultBehaviour;
  /** Ports the default process listens on (probes against other ports fail). */
  ports?: number[];
  /** The image's shell, when it has one (`sh -c` works in busybox, not in pause). */
  shell?: boolean;
  /**
   * How `args` without `command` run: `wrapper` is an entrypoint script that starts the server
   * for flags and execs anything else (the official images' docker-entrypoint.sh); `binary`
   * is a fixed program that takes args as its own. Without one, args are the command.
   */
  entrypoint?: 'wrapper' | 'binary';
  /** The entrypoint program of a `binary` image that is not a server (socat). */
  program?: string;
  /** Programs that are this image's server: `command: [redis-server, …]` serves like the default. */
  servers?: string[];
  /** Products whose startup lines the sim prints (see process.ts). */
  product?: 'nginx' | 'httpd' | 'redis' | 'liveness' | 'hello-app' | 'agnhost';
}

const NGINX_TAGS = ['1.25', '1.25.5', '1.26', '1.26.3', '1.27', '1.27.5', '1.28', '1.28.0', '1.29', '1.29.1', 'latest', 'stable', 'mainline', 'alpine'];
const nginxTags = [...NGINX_TAGS, ...NGINX_TAGS.filter((t) => /^\d/.test(t)).map((t) => `${t}-alpine`), '1.14.2', '1.15', '1.16.1', '1.9.2', '1.7.9'];

const E = (repository: string, tags: string[], sizeMB: number, behaviour: DefaultBehaviour, extra: Partial<ImageEntry> = {}): ImageEntry => ({
  repository,
  tags,
  sizeMB,
  behaviour,
  // Server images with a shell start through an entrypoint script; those without are a binary.
  ...(behaviour === 'server' ? { entrypoint: extra.shell ? 'wrapper' : 'binary' } : {}),
  ...extra,
});
const lib = (name: string) => `docker.io/library/${name}`;

const CATALOGUE: ImageEntry[] = [
  E(lib('nginx'), nginxTags, 72, 'server', { ports: [80], shell: true, product: 'nginx' }),
  E(lib('busybox'), ['1.28', '1.35', '1.36', '1.36.1', '1.37', '1.37.0', 'latest', 'stable', 'musl', 'glibc'], 2, 'shell', { shell: true }),
  E(lib('alpine'), ['3.18', '3.19', '3.20', '3.21', '3.22', 'latest'], 4, 'shell', { shell: true }),
  E(lib('ubuntu'), ['20.04', '22.04', '24.04', 'focal', 'jammy', 'noble', 'latest'], 29, 'shell', { shell: true }),
  E(lib('debian'), ['11', '12', '13', 'bullseye', 'bookworm', 'trixie', 'bookworm-slim', 'latest'], 49, 'shell', { shell: true }),
  E(lib('fedora'), ['40', '41', '42', 'latest'], 60, 'shell', { shell: true }),
  E(lib('bash'), ['5', '5.2', 'latest'], 6, 'shell', { shell: true }),
  E(lib('redis'), ['5', '6', '6.0.5', '6.2', '7', '7.2', '7.4', '8', 'alpine', 'latest'], 45, 'server', { ports: [6379], shell: true, product: 'redis', servers: ['redis-server'] }),
  E(lib('postgres'), ['13', '14', '15', '16', '17', 'alpine', 'latest'], 150, 'server', { ports: [5432], shell: true, servers: ['postgres'] }),
  E(lib('mysql'), ['5.6', '5.7', '8.0', '8.4', '9', 'latest'], 160, 'server', { ports: [3306], shell: true, servers: ['mysqld'] }),
  E(lib('mongo'), ['4.2', '5', '6', '7', '8', 'latest'], 250, 'server', { ports: [27017], shell: true, servers: ['mongod'] }),
  E(lib('rabbitmq'), ['3', '3-management', '4', 'latest'], 110, 'server', { ports: [5672], shell: true, servers: ['rabbitmq-server'] }),
  E(lib('httpd'), ['2.4', '2.4-alpine', 'alpine', 'latest'], 58, 'server', { ports: [80], shell: true, product: 'httpd', servers: ['httpd', 'httpd-foreground'] }),
  E(lib('wordpress'), ['6.2.1-apache', '6', 'latest'], 250, 'server', { ports: [80], shell: true, servers: ['apache2-foreground'] }),
  E(lib('perl'), ['5.34', '5.34.0', '5.38', '5.40', 'slim', 'latest'], 330, 'exits', { shell: true }),
  E(lib('python'), ['3', '3.11', '3.12', '3.13', 'slim', 'alpine', 'latest'], 380, 'exits', { shell: true }),
  E(lib('node'), ['18', '20', '22', '24', 'alpine', 'latest'], 390, 'exits', { shell: true }),
  E(lib('golang'), ['1.23', '1.24', '1.25', 'latest'], 280, 'exits', { shell: true }),
  E('docker.io/curlimages/curl', ['8.18.0', 'latest'], 10, 'exits', { shell: true }),
  E('docker.io/alpine/socat', ['1.8.0.3', 'latest'], 5, 'exits', { shell: true, entrypoint: 'binary', program: 'socat' }),
  E('docker.io/corelab/gb-frontend', ['v5'], 180, 'server', { ports: [80], shell: true }),
  E('docker.io/vish/stress', ['latest'], 1, 'server'),
  E('docker.io/polinux/stress', ['latest'], 4, 'exits', { shell: true }),
  E('docker.io/bprashanth/nginxhttps', ['1.0'], 70, 'server', { ports: [80, 443], shell: true, product: 'nginx' }),
  E('registry.k8s.io/pause', ['2.0', '3.1', '3.6', '3.8', '3.9', '3.10', 'latest'], 0.3, 'pause'),
  E('registry.k8s.io/coredns/coredns', ['v1.11.1', 'v1.11.3', 'v1.12.0', 'v1.12.1'], 21, 'server', { ports: [53, 9153, 8080, 8181], servers: ['/coredns', 'coredns'] }),
  E('k8s.gcr.io/pause', ['2.0', '3.1', '3.2', 'latest'], 0.3, 'pause'),
  E('registry.k8s.io/busybox', ['1.24', '1.27.2', 'latest'], 1.2, 'shell', { shell: true }),
  E('k8s.gcr.io/busybox', ['1.24', '1.27.2', 'latest'], 1.2, 'shell', { shell: true }),
  E('registry.k8s.io/nginx', ['latest'], 40, 'server', { ports: [80], shell: true, product: 'nginx' }),
  E('registry.k8s.io/nginx-slim', ['0.7', '0.8', '0.24', '0.27'], 40, 'server', { ports: [80], shell: true, product: 'nginx' }),
  // The liveness example image serves /healthz with 200 for ten seconds, then 500.
  E('registry.k8s.io/liveness', ['latest'], 2, 'server', { ports: [8080], product: 'liveness' }),
  E('k8s.gcr.io/liveness', ['latest'], 2, 'server', { ports: [8080], product: 'liveness' }),
  E('registry.k8s.io/e2e-test-images/agnhost', ['2.39', '2.40', '2.43', '2.45', '2.53'], 60, 'server', { ports: [8080, 9376], product: 'agnhost' }),
  E('registry.k8s.io/goproxy', ['0.1'], 2, 'server', { ports: [8080] }),
  // The Ingress guides' echo server: answers its -text on :5678 (or -listen=:PORT); no shell.
  E('docker.io/hashicorp/http-echo', ['0.2.3', '1.0', '1.0.0', 'latest'], 3, 'server', { ports: [5678] }),
  E('registry.k8s.io/hpa-example', ['latest'], 180, 'server', { ports: [80], shell: true }),
  E('registry.k8s.io/etcd', ['3.5.1-0', '3.5.21-0', '3.6.4-0'], 60, 'server', { ports: [2379, 2380, 2381], servers: ['etcd'] }),
  // kubeadm's control plane and node agents (src/sim/components), and the CNI plugins' agents.
  E('registry.k8s.io/kube-apiserver', ['v1.33.5', 'v1.34.1'], 28, 'server', { ports: [6443], servers: ['kube-apiserver'] }),
  E('registry.k8s.io/kube-controller-manager', ['v1.33.5', 'v1.34.1'], 26, 'server', { ports: [10257], servers: ['kube-controller-manager'] }),
  E('registry.k8s.io/kube-scheduler', ['v1.33.5', 'v1.34.1'], 20, 'server', { ports: [10259], servers: ['kube-scheduler'] }),
  E('registry.k8s.io/kube-proxy', ['v1.33.5', 'v1.34.1'], 31, 'server', { ports: [10249, 10256], servers: ['/usr/local/bin/kube-proxy', 'kube-proxy'] }),
  E('ghcr.io/flannel-io/flannel', ['v0.27.3'], 33, 'server', { servers: ['/opt/bin/flanneld', 'flanneld'] }),
  E('ghcr.io/flannel-io/flannel-cni-plugin', ['v1.7.1-flannel1'], 5, 'exits'),
  E('docker.io/calico/node', ['v3.30.3'], 150, 'server', { ports: [9099], servers: ['start_runit', '/usr/bin/calico-node'] }),
  E('docker.io/calico/cni', ['v3.30.3'], 70, 'exits'),
  E('ghcr.io/weaveworks/launcher/weave-kube', ['2.8.1'], 30, 'server', { ports: [6784], servers: ['/home/weave/launch.sh', 'launch.sh'] }),
  E('ghcr.io/weaveworks/launcher/weave-npc', ['2.8.1'], 16, 'server'),
  E('registry.k8s.io/kubernetes-zookeeper', ['1.0-3.4.10'], 250, 'server', { ports: [2181, 2888, 3888], shell: true, servers: ['start-zookeeper', 'zkServer.sh'] }),
  E('k8s.gcr.io/fluentd-elasticsearch', ['1.20'], 120, 'server', { shell: true }),
  E('quay.io/fluentd_elasticsearch/fluentd', ['v2.5.2', 'v5.0.1'], 140, 'server', { shell: true }),
  E('gcr.io/google-samples/hello-app', ['1.0', '2.0'], 11, 'server', { ports: [8080], product: 'hello-app' }),
  E('us-docker.pkg.dev/google-samples/containers/gke/hello-app', ['1.0', '2.0'], 11, 'server', { ports: [8080], product: 'hello-app' }),
  E('us-docker.pkg.dev/google-samples/containers/gke/gb-redis-follower', ['v2'], 45, 'server', { ports: [6379], shell: true, product: 'redis' }),
  E('gcr.io/google-samples/hello-frontend', ['1.0'], 8, 'server', { ports: [80], shell: true, product: 'nginx' }),
  E('gcr.io/google-samples/hello-go-gke', ['1.0'], 6, 'server', { ports: [80] }),
  E('gcr.io/google-samples/node-hello', ['1.0'], 250, 'server', { ports: [8080], shell: true }),
  E('gcr.io/google-samples/cassandra', ['v13'], 140, 'server', { ports: [7000, 7001, 7199, 9042], shell: true }),
  E('gcr.io/google-samples/xtrabackup', ['1.0'], 90, 'exits', { shell: true }),
  E('gcr.io/google_samples/gb-redisslave', ['v1'], 40, 'server', { ports: [6379], shell: true, product: 'redis' }),
  // A private registry (pullSecrets.ts): pulls need an imagePullSecret for registry.example.com.
  E('registry.example.com/team/app', ['1.0', '1.1', 'latest'], 25, 'server', { ports: [8080], shell: true }),
];

const BY_REPO = new Map(CATALOGUE.map((e) => [e.repository, e]));

/** Whether a server image's entrypoint script runs its server with `args` (docker-entrypoint.sh). */
export function entrypointServes(entry: ImageEntry, args: string[]): boolean {
  if (entry.entrypoint === 'binary') return true;
  const first = args[0] ?? '';
  // The official images' docker-entrypoint.sh put the server in front of flags; redis's also
  // in front of a config file.
  return first.startsWith('-') || (entry.product === 'redis' && first.endsWith('.conf'));
}

/** `docker.io/library/nginx:1.27` → repository and tag (digest references keep their digest as tag). */
export function splitReference(image: string): { repository: string; tag: string } {
  const ref = normalizeImage(image);
  const at = ref.indexOf('@');
  if (at >= 0) return { repository: ref.slice(0, at), tag: ref.slice(at + 1) };
  const colon = ref.lastIndexOf(':');
  return { repository: ref.slice(0, colon), tag: ref.slice(colon + 1) };
}

export type Lookup = { found: true; entry: ImageEntry } | { found: false; error: string };

/**
 * Looks an image up as containerd's resolver would. A digest reference pins content, so any
 * digest of a known repository is accepted (the sim has no manifest lists to check it against).
 */
export function lookupImage(image: string): Lookup {
  const ref = normalizeImage(image);
  const { repository, tag } = splitReference(image);
  const entry = BY_REPO.get(repository);
  if (!entry) {
    return {
      found: false,
      error: `failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`,
    };
  }
  if (tag.startsWith('sha256:') || entry.tags.includes('*') || entry.tags.includes(tag)) return { found: true, entry };
  return { found: false, error: `failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found` };
}

/** The kubelet's Failed event text for a pull that did not work. */
export function pullFailureMessage(image: string, error: string): string {
  const code = error.includes('pull access denied') || error.includes('failed to authorize') ? 'Unknown' : 'NotFound';
  return `Failed to pull image "${image}": rpc error: code = ${code} desc = ${error}`;
}

/** Size in bytes as the node's status.images reports it. */
export function catalogueSizeBytes(image: string): number | undefined {
  const l = lookupImage(image);
  return l.found ? Math.round(l.entry.sizeMB * 1_000_000) : undefined;
}
