import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { createCluster } from '../cluster';
import type { KubeObject } from '../objects';
import { findByKind } from './resources';

const CORPUS = resolve(__dirname, '../../../../shared/corpus/k8s-website-examples');

function entries(): string[] {
  return readFileSync(resolve(CORPUS, 'INDEX.tsv'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\t'))
    .filter(([, , kinds]) => /(^|,)v1\/(ConfigMap|Secret)(,|$)/.test(kinds ?? ''))
    .map(([path]) => path as string);
}

function docs(path: string): KubeObject[] {
  return parseAllDocuments(readFileSync(resolve(CORPUS, path), 'utf8'))
    .map((d) => d.toJS() as KubeObject | null)
    .filter((d): d is KubeObject => !!d && typeof d === 'object');
}

/** Corpus files a real cluster also refuses, with the reason (a substring of the sim's message). */
const EXPECTED_REJECTIONS: Record<string, string> = {
  // Placeholders, not base64: `_` is outside the alphabet, so the JSON decoder stops at byte 7.
  'secret/tls-auth-secret.yaml': 'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 7',
  // `annotations` written as a list: ObjectMeta.annotations is a map.
  'secret/serviceaccount/mysecretname.yaml':
    'json: cannot unmarshal array into Go struct field ObjectMeta.metadata.annotations of type map[string]string',
};

/** Every document of the file, in order, on a fresh cluster: the whole file applies or says why not. */
function applyFile(path: string): string {
  const cluster = createCluster();
  const out: string[] = [];
  for (const doc of docs(path)) {
    const t = typeof doc.apiVersion === 'string' && typeof doc.kind === 'string' ? findByKind(doc.apiVersion, doc.kind) : undefined;
    if (t && !t.simulated) {
      out.push(`${doc.kind} skipped (not simulated)`);
      continue;
    }
    const ns = doc.metadata?.namespace;
    if (ns && !cluster.store.get('namespaces', undefined, ns)) cluster.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
    const res = cluster.api.create(doc);
    out.push(res.ok ? `${doc.kind}/${res.object.metadata.name} created` : `rejected: ${res.status.message}`);
  }
  return out.join('; ');
}

describe.skipIf(!existsSync(CORPUS))('k8s website examples: ConfigMaps and Secrets', () => {
  it('applies every file with a ConfigMap or Secret, or rejects it for its stated reason', () => {
    const outcomes: Record<string, string> = {};
    for (const path of entries()) outcomes[path] = applyFile(path);
    // The list itself is the report: every file and what happened to it.
    expect(Object.keys(outcomes).length).toBeGreaterThanOrEqual(17);
    const rejected = Object.entries(outcomes).filter(([, o]) => o.includes('rejected:'));
    for (const [p, o] of rejected) expect(o, p).toContain(EXPECTED_REJECTIONS[p] ?? 'unexpected rejection');
    expect(rejected.map(([p]) => p).sort()).toEqual(Object.keys(EXPECTED_REJECTIONS).sort());
    expect(outcomes['secret/basicauth-secret.yaml']).toBe('Secret/secret-basic-auth created');
    expect(outcomes['secret/dotfile-secret.yaml']).toBe('Secret/dotfile-secret created; Pod/secret-dotfiles-pod created');
  });

  it('stores the literal and the base64 bootstrap token Secrets identically', () => {
    const data = (path: string) => {
      const c = createCluster();
      c.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kube-system' } });
      for (const d of docs(path)) c.api.create(d);
      return (c.store.get('secrets', 'kube-system', 'bootstrap-token-5emitj') as { data?: unknown } | undefined)?.data;
    };
    expect(data('secret/bootstrap-token-secret-literal.yaml')).toEqual(data('secret/bootstrap-token-secret-base64.yaml'));
  });
});
