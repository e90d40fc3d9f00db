import type { Cluster } from '../cluster';
import { usage } from './errors';
import type { KubectlResult } from './types';
import { etcdEntry, etcdKey, etcdText } from '../api/etcdView';
import { decodeBase64, base64OfText, utf8Text } from '../api/base64';

/**
 * Kube Orchestra's `etcdctl get KEY [--prefix] [--keys-only]`: what the cluster's etcd holds
 * for Secrets and ConfigMaps (`/registry/secrets/NS/NAME`), printed as etcdctl prints a
 * key and its value (non-printable bytes as \xNN).
 */
const RESOURCES = ['secrets', 'configmaps'];

export function runEtcdctl(cluster: Cluster, words: string[]): KubectlResult {
  const [verb, ...rest] = words;
  if (verb !== 'get') throw usage('Kube Orchestra\'s etcdctl knows one command: etcdctl get /registry/secrets/NAMESPACE/NAME [--prefix] [--keys-only]');
  const prefix = rest.includes('--prefix');
  const keysOnly = rest.includes('--keys-only');
  const key = rest.find((w) => !w.startsWith('--'));
  if (!key) throw usage('etcdctl get: a key is required, e.g. /registry/secrets/default/db-pass');
  const entries = [];
  for (const resource of RESOURCES) {
    for (const obj of cluster.store.list(resource)) {
      const k = etcdKey(resource, obj.metadata.namespace, obj.metadata.name);
      if (prefix ? k.startsWith(key) : k === key) entries.push(etcdEntry(resource, obj, cluster.settings));
    }
  }
  entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  // etcdctl prints nothing (and exits 0) for a key that is not there.
  const stdout = entries.map((e) => (keysOnly ? `${e.key}\n\n` : `${e.key}\n${etcdText(e)}\n`)).join('');
  return { stdout, stderr: '', exitCode: 0 };
}

/**
 * Kube Orchestra's `base64 TEXT` / `base64 -d TEXT` (the console has no pipes, so the text is an
 * argument): encode as `echo -n TEXT | base64` would, decode as `base64 -d` would.
 */
export function runBase64(words: string[]): KubectlResult {
  const decode = words[0] === '-d' || words[0] === '--decode';
  const text = (decode ? words.slice(1) : words).join(' ');
  if (!decode) return { stdout: `${base64OfText(text)}\n`, stderr: '', exitCode: 0 };
  const r = decodeBase64(text);
  if (!r.ok) return { stdout: '', stderr: 'base64: invalid input\n', exitCode: 1 };
  return { stdout: utf8Text(r.bytes), stderr: '', exitCode: 0 };
}
