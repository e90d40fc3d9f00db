import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { createCluster } from '../cluster';
import type { KubeObject } from '../objects';

/** Beside the clone: /work/main → /work/shared, and CI lays shared/ at the same relative place. */
const CORPUS = resolve(__dirname, '../../../../shared/corpus/k8s-website-examples');

interface Entry {
  path: string;
  kinds: string[];
}

function index(): Entry[] {
  return readFileSync(resolve(CORPUS, 'INDEX.tsv'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [path, , kinds] = line.split('\t');
      return { path: path as string, kinds: (kinds ?? '').split(',') };
    });
}

function docs(path: string): KubeObject[] {
  return parseAllDocuments(readFileSync(resolve(CORPUS, path), 'utf8'))
    .map((d) => d.toJS() as KubeObject | null)
    .filter((d): d is KubeObject => !!d && typeof d === 'object');
}

/**
 * Corpus documents a real cluster also refuses, with the reason (a substring of the sim's
 * message). Every other v1 Pod and Namespace document must be accepted.
 */
const EXPECTED_REJECTIONS: Record<string, string> = {
  // Its `apiVersion` line is missing: the docs show only a fragment of a Pod.
  'pods/inject/pod-single-secret-env-variable.yaml': "Object 'apiVersion' is missing in the request body",
  // A tab before the second `env:` puts it at the top level (kubectl's YAML reader refuses the tab outright).
  'pods/inject/pod-multiple-secret-env-variable.yaml': 'strict decoding error: unknown field "env"',
  // requiredDuringScheduling... is a NodeSelector object, not a list: the example is wrong.
  'pods/pod-with-node-affinity.yaml':
    'json: cannot unmarshal array into Go struct field NodeAffinity.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution of type v1.NodeSelector',
  // emptyDir.mode is newer than the v1.34 API the sim serves.
  'pods/emptydir-volume-mode.yaml': 'strict decoding error: unknown field "spec.volumes[0].emptyDir.mode"',
};

const REMOVED_VERSIONS = /^(extensions\/v1beta1|apps\/v1beta[12]|policy\/v1beta1|batch\/v1beta1|networking\.k8s\.io\/v1beta1|rbac\.authorization\.k8s\.io\/v1beta1|autoscaling\/v2beta[12]|storage\.k8s\.io\/v1beta1|scheduling\.k8s\.io\/v1beta1)$/;

describe.skipIf(!existsSync(CORPUS))('k8s website examples', () => {
  it('accepts every v1 Pod and Namespace, or rejects it for its stated reason', () => {
    const outcomes: Record<string, string> = {};
    const entries = index().filter((e) => e.kinds.some((k) => k === 'v1/Pod' || k === 'v1/Namespace' || k === '?/Pod'));
    expect(entries.length).toBeGreaterThan(100);
    for (const e of entries) {
      const cluster = createCluster();
      for (const doc of docs(e.path)) {
        if (doc.kind !== 'Pod' && doc.kind !== 'Namespace') continue;
        const ns = doc.metadata?.namespace;
        if (ns && !cluster.store.get('namespaces', undefined, ns)) cluster.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
        const res = cluster.api.create(doc);
        if (!res.ok) outcomes[e.path] = res.status.message;
      }
    }
    const unexpected = Object.entries(outcomes).filter(([p, msg]) => !(EXPECTED_REJECTIONS[p] && msg.includes(EXPECTED_REJECTIONS[p])));
    expect(unexpected).toEqual([]);
    expect(Object.keys(outcomes).sort()).toEqual(Object.keys(EXPECTED_REJECTIONS).sort());
  });

  it('rejects every document of a removed API version with `no matches for kind`', () => {
    let seen = 0;
    for (const e of index()) {
      for (const doc of docs(e.path)) {
        if (typeof doc.apiVersion !== 'string' || !REMOVED_VERSIONS.test(doc.apiVersion)) continue;
        seen++;
        const res = createCluster().api.create(doc);
        expect(res.ok).toBe(false);
        if (!res.ok) expect(res.status.message).toBe(`no matches for kind "${doc.kind}" in version "${doc.apiVersion}"`);
      }
    }
    expect(seen).toBeGreaterThanOrEqual(2);
  });
});
