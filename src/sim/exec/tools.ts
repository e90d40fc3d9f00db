import type { Container } from 'kubernetes-types/core/v1';
import { lookupImage } from '../kubelet/registry';
import type { ExecContext } from './types';

/**
 * Which programs an image ships, because `kubectl exec web -- nslookup web` fails in nginx
 * (Debian, no dnsutils) and works in busybox. Facts about the real images: busybox and alpine
 * have busybox's wget/nslookup and no curl; nginx (Debian) has curl but no wget/nslookup;
 * httpd and the other Debian-based images have neither; curlimages/curl has both curl and
 * busybox; distroless/scratch images (pause, agnhost, hello-app, coredns) have no shell.
 */
const COREUTILS = ['sh', 'echo', 'cat', 'ls', 'env', 'printenv', 'hostname', 'sleep', 'true', 'false', 'date', 'head', 'tail', 'id', 'pwd', 'uname', 'ps', 'touch', 'rm', 'mkdir', 'df', 'mount'];
const BUSYBOX = [...COREUTILS, 'wget', 'nslookup', 'ip', 'ping', 'nc', 'ifconfig', 'route', 'kill'];

export function toolsOf(c: Container): { tools: Set<string>; shell: ExecContext['shell'] } {
  const l = lookupImage(c.image ?? '');
  if (!l.found) return { tools: new Set(), shell: undefined };
  const repo = l.entry.repository;
  const name = repo.slice(repo.lastIndexOf('/') + 1);
  if (['busybox', 'alpine'].includes(name) || repo.includes('busybox')) return { tools: new Set(BUSYBOX), shell: 'ash' };
  if (repo === 'docker.io/curlimages/curl') return { tools: new Set([...BUSYBOX, 'curl']), shell: 'ash' };
  if (repo === 'docker.io/alpine/socat') return { tools: new Set([...BUSYBOX, 'socat']), shell: 'ash' };
  if (!l.entry.shell) return { tools: new Set(), shell: undefined };
  const alpine = (c.image ?? '').includes('alpine');
  const tools = new Set(alpine ? BUSYBOX : COREUTILS);
  if (l.entry.product === 'nginx' || name === 'nginx') tools.add('curl');
  if (name === 'bash') tools.add('bash');
  if (['ubuntu', 'debian', 'fedora', 'python', 'node', 'golang', 'perl', 'wordpress'].includes(name)) tools.add('bash');
  if (['python', 'node', 'golang', 'wordpress'].includes(name)) tools.add('curl');
  if (['python', 'node', 'golang'].includes(name)) tools.add('wget');
  return { tools, shell: alpine ? 'ash' : tools.has('bash') && name === 'bash' ? 'bash' : 'dash' };
}
