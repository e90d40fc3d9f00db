/** Container image references as containerd reports them, with stable made-up digests and sizes. */

/** `nginx:1.27` (or `docker.io/nginx:1.27`) → `docker.io/library/nginx:1.27`; a reference without tag or digest gets `:latest`. */
export function normalizeImage(image: string): string {
  let ref = image;
  const slash = ref.indexOf('/');
  const first = slash < 0 ? '' : ref.slice(0, slash);
  const hasRegistry = slash >= 0 && (first.includes('.') || first.includes(':') || first === 'localhost');
  if (!hasRegistry) ref = slash < 0 ? `docker.io/library/${ref}` : `docker.io/${ref}`;
  // Docker Hub spelled out is still Docker Hub: `docker.io/redis` and `index.docker.io/redis`
  // are `docker.io/library/redis`, as containerd's reference normaliser has it.
  else if (first === 'docker.io' || first === 'index.docker.io') {
    const path = ref.slice(slash + 1);
    ref = path.includes('/') ? `docker.io/${path}` : `docker.io/library/${path}`;
  }
  const lastSegment = ref.slice(ref.lastIndexOf('/') + 1);
  if (!ref.includes('@') && !lastSegment.includes(':')) ref += ':latest';
  return ref;
}

function fnv1a(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** A sha256-looking digest derived from the reference, so the same image has the same ID everywhere. */
export function imageDigest(image: string): string {
  const ref = normalizeImage(image);
  let hex = '';
  for (let i = 0; hex.length < 64; i++) hex += fnv1a(ref, i).toString(16).padStart(8, '0');
  return `sha256:${hex.slice(0, 64)}`;
}

/** `docker.io/library/nginx@sha256:…`, the containerStatuses[].imageID form. */
export function imageID(image: string): string {
  const ref = normalizeImage(image);
  const at = ref.indexOf('@');
  if (at >= 0) return ref;
  const repo = ref.slice(0, ref.lastIndexOf(':'));
  return `${repo}@${imageDigest(image)}`;
}

/** Between 5 MB and 200 MB, stable per image. */
export function imageSizeBytes(image: string): number {
  return 5_000_000 + (fnv1a(normalizeImage(image), 99) % 195_000_000);
}

/** Go's time.Duration String() for whole and fractional seconds (`2s`, `1.5s`, `500ms`). */
export function formatDuration(seconds: number): string {
  if (seconds === 0) return '0s';
  if (seconds < 1) return `${Math.round(seconds * 1000)}ms`;
  return `${Number(seconds.toFixed(3))}s`;
}
