import type { Cluster } from '../cluster';
import type { KubeObject } from '../objects';
import type { Args } from './flags';
import { bool, flag } from './flags';
import { KubectlError, formatStatus, usage } from './errors';
import { readFile } from './files';
import type { FileReader, KubectlResult } from './types';
import { configKeyErrors } from '../api/kinds/configmap';
import { base64OfText } from '../api/base64';
import { toJson, toYaml } from './printers/output';

/**
 * `kubectl create configmap|secret generic|secret tls|secret docker-registry NAME ...`: build the
 * object on the client from literals and files the way kubectl does, then POST it.
 */

const all = (args: Args, name: string) => args.flags.get(name) ?? [];
const basename = (p: string) => p.slice(p.lastIndexOf('/') + 1);

interface Source {
  key: string;
  value: string;
}

/** --from-literal=k=v, --from-file=[key=]path, --from-env-file=path, in kubectl's order. */
function sources(args: Args, files: FileReader): Source[] {
  const out: Source[] = [];
  for (const lit of all(args, 'from-literal')) {
    const eq = lit.indexOf('=');
    if (eq <= 0) throw new KubectlError(`error: invalid literal source ${lit}, expected key=value`);
    out.push({ key: lit.slice(0, eq), value: lit.slice(eq + 1) });
  }
  for (const f of all(args, 'from-file')) {
    const eq = f.indexOf('=');
    const [key, path] = eq > 0 ? [f.slice(0, eq), f.slice(eq + 1)] : [basename(f), f];
    if (eq === 0) throw new KubectlError(`error: key name for file path ${f.slice(1)} missing`);
    if (files(path) === undefined) throw new KubectlError(`error: error reading ${path}: no such file or directory`);
    out.push({ key, value: readFile(files, path) });
  }
  for (const path of all(args, 'from-env-file')) {
    if (files(path) === undefined) throw new KubectlError(`error: error reading ${path}: no such file or directory`);
    readFile(files, path)
      .split('\n')
      .forEach((raw, i) => {
        const line = raw.replace(/^\uFEFF/, '').trimStart();
        if (!line || line.startsWith('#')) return;
        const eq = line.indexOf('=');
        const key = eq < 0 ? line.trimEnd() : line.slice(0, eq);
        if (!key || /\s/.test(key)) throw new KubectlError(`error: "${key}" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (line ${i + 1})`);
        // A bare KEY takes its value from kubectl's own environment, which is empty here.
        out.push({ key, value: eq < 0 ? '' : line.slice(eq + 1) });
      });
  }
  return out;
}

function addAll(kind: 'ConfigMap' | 'Secret', name: string, srcs: Source[], encode: boolean): Record<string, string> {
  const data: Record<string, string> = {};
  for (const { key, value } of srcs) {
    const errs = configKeyErrors(key);
    if (errs.length)
      throw new KubectlError(kind === 'ConfigMap' ? `error: "${key}" is not a valid key name for a ConfigMap: ${errs.join(',')}` : `error: "${key}" is not valid key name for a Secret ${errs.join(';')}`);
    if (key in data) throw new KubectlError(`error: cannot add key ${key}, another key by that name already exists in Data for ${kind} "${name}"`);
    data[key] = encode ? base64OfText(value) : value;
  }
  return data;
}

function post(cluster: Cluster, args: Args, obj: KubeObject, word: string): KubectlResult {
  const dry = flag(args, 'dry-run');
  const out = flag(args, 'output');
  if (dry !== undefined && dry !== 'false' && dry !== 'none') {
    if (out === 'yaml') return { stdout: toYaml(obj), stderr: '', exitCode: 0 };
    if (out === 'json') return { stdout: toJson(obj), stderr: '', exitCode: 0 };
    return { stdout: `${word}/${obj.metadata.name} created (dry run)\n`, stderr: '', exitCode: 0 };
  }
  const res = cluster.userClient().create(obj, { reason: `kubectl created ${obj.kind} ${obj.metadata.name}`, code: 'record.kubectl.create', params: { kind: obj.kind, name: obj.metadata.name } });
  if (!res.ok) throw new KubectlError(formatStatus(res.status));
  if (out === 'yaml') return { stdout: toYaml(res.object), stderr: '', exitCode: 0 };
  if (out === 'json') return { stdout: toJson(res.object), stderr: '', exitCode: 0 };
  return { stdout: `${word}/${obj.metadata.name} created\n`, stderr: '', exitCode: 0 };
}

function meta(args: Args, name: string): KubeObject['metadata'] {
  return { name, namespace: flag(args, 'namespace') ?? 'default' };
}

export function runCreateConfigMap(cluster: Cluster, args: Args, files: FileReader, name: string | undefined, rest: string[]): KubectlResult {
  if (!name || rest.length) throw usage(`exactly one NAME is required, got ${name ? 1 + rest.length : 0}`);
  const data = addAll('ConfigMap', name, sources(args, files), false);
  const cm: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(args, name), ...(Object.keys(data).length ? { data } : {}) };
  return post(cluster, args, cm, 'configmap');
}

/** The `.dockerconfigjson` kubectl writes: auths → server → {username, password, email?, auth}. */
export function dockerConfigJson(server: string, username: string, password: string, email?: string): string {
  const entry: Record<string, string> = { username, password };
  if (email) entry.email = email;
  entry.auth = base64OfText(`${username}:${password}`);
  return JSON.stringify({ auths: { [server]: entry } });
}

function tlsPair(args: Args, files: FileReader): Record<string, string> {
  const cert = flag(args, 'cert');
  const key = flag(args, 'key');
  if (!cert || !key) throw new KubectlError('error: key and cert must be specified');
  const certText = files(cert);
  if (certText === undefined) throw new KubectlError(`error: open ${cert}: no such file or directory`);
  const keyText = files(key);
  if (keyText === undefined) throw new KubectlError(`error: open ${key}: no such file or directory`);
  // kubectl loads the pair with tls.X509KeyPair; the sim checks only that both are PEM of the right kind.
  if (!/-----BEGIN CERTIFICATE-----/.test(certText)) throw new KubectlError('error: failed to load key pair tls: failed to find any PEM data in certificate input');
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(keyText)) throw new KubectlError('error: failed to load key pair tls: failed to find any PEM data in key input');
  return { 'tls.crt': base64OfText(certText), 'tls.key': base64OfText(keyText) };
}

export function runCreateSecret(cluster: Cluster, args: Args, files: FileReader, words: string[]): KubectlResult {
  const [sub, name, ...rest] = words;
  if (!sub || !['generic', 'tls', 'docker-registry'].includes(sub))
    throw usage('Create a secret with specified type.\n\nAvailable Commands:\n  docker-registry   Create a secret for use with a Docker registry\n  generic           Create a secret from a local file, directory, or literal value\n  tls               Create a TLS secret');
  if (!name || rest.length) throw usage(`exactly one NAME is required, got ${name ? 1 + rest.length : 0}`);
  let type: string;
  let data: Record<string, string>;
  if (sub === 'generic') {
    type = flag(args, 'type') ?? '';
    data = addAll('Secret', name, sources(args, files), true);
  } else if (sub === 'tls') {
    type = 'kubernetes.io/tls';
    data = tlsPair(args, files);
  } else {
    type = 'kubernetes.io/dockerconfigjson';
    if (all(args, 'from-file').length) data = addAll('Secret', name, sources(args, files), true);
    else {
      const user = flag(args, 'docker-username');
      const pass = flag(args, 'docker-password');
      if (!user || !pass) throw new KubectlError('error: either --from-file or the combination of --docker-username, --docker-password and --docker-server is required');
      const server = flag(args, 'docker-server') ?? 'https://index.docker.io/v1/';
      data = { '.dockerconfigjson': base64OfText(dockerConfigJson(server, user, pass, flag(args, 'docker-email'))) };
    }
  }
  const secret: KubeObject = { apiVersion: 'v1', kind: 'Secret', metadata: meta(args, name), ...(Object.keys(data).length ? { data } : {}), ...(type ? { type } : {}) };
  if (bool(args, 'dry-run') && !flag(args, 'output')) return { stdout: `secret/${name} created (dry run)\n`, stderr: '', exitCode: 0 };
  return post(cluster, args, secret, 'secret');
}
