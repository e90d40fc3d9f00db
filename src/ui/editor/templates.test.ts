import { describe, expect, it } from 'vitest';
import { createCluster } from '../../sim/cluster';
import { applyManifest } from '../../sim/kubectl/apply';
import { parseManifest } from '../../sim/yaml/parse';
import { TEMPLATES } from './templates';

describe('new-file templates', () => {
  it.each(TEMPLATES.map((t) => [t.kind, t] as const))('%s applies cleanly to a fresh cluster', (_kind, t) => {
    const c = createCluster({ seed: 1 });
    const res = applyManifest(c, t.text, t.file, { atomic: true });
    expect(res.stderr).toBe('');
    expect(res.exitCode).toBe(0);
    const kinds = parseManifest(t.text).documents.map((d) => d.object?.kind);
    expect(kinds).toContain(t.kind);
  });

  it('covers the kinds learners write', () => {
    const kinds = TEMPLATES.map((t) => t.kind);
    for (const k of ['Pod', 'Deployment', 'Service', 'ConfigMap', 'Secret', 'PersistentVolumeClaim', 'StorageClass', 'Job', 'CronJob', 'StatefulSet', 'DaemonSet', 'Ingress', 'NetworkPolicy', 'Role', 'RoleBinding'])
      expect(kinds).toContain(k);
    expect(new Set(TEMPLATES.map((t) => t.file)).size).toBe(TEMPLATES.length);
  });
});
