import { DEFAULT_SETTINGS } from '../../sim/settings';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../sim/cluster';
import type { KubeObject } from '../../sim/objects';
import { applyDelta, applySnapshot, mirror } from './mirror';

const deployment: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } },
  },
};

describe('mirror', () => {
  it('follows the deltas of a Deployment rollout to the same objects as the cluster, bumping only the resources a delta touched', () => {
    const cluster = createCluster({ seed: 3, nodes: 2 });
    const dump = cluster.store.dump();
    applySnapshot({ tick: cluster.tick, objects: dump.objects, records: [], settings: DEFAULT_SETTINGS });
    const nodesAt = mirror.getState().versions.nodes;
    const before = mirror.getState().objects;
    expect(cluster.api.create(deployment).ok).toBe(true);
    applyDelta(cluster.tickN(1));
    const after = mirror.getState();
    // A new record each delta, so readers memoised on `objects` recompute.
    expect(after.objects).not.toBe(before);
    expect(after.versions['deployments.apps']).toBe(after.version);
    expect(after.versions.nodes).toBe(nodesAt);
    for (let i = 0; i < 30; i++) applyDelta(cluster.tickN(1));
    const st = mirror.getState();
    for (const resource of cluster.store.resources()) {
      const want = cluster.store.list(resource).map((o) => `${o.metadata.namespace ?? ''}/${o.metadata.name}@${o.metadata.resourceVersion}`).sort();
      const got = [...(st.objects[resource]?.values() ?? [])].map((o) => `${o.metadata.namespace ?? ''}/${o.metadata.name}@${o.metadata.resourceVersion}`).sort();
      expect(got, resource).toEqual(want);
    }
    expect([...(st.objects.pods?.values() ?? [])].filter((p) => p.metadata.namespace === 'default').map((p) => (p.status as { phase?: string }).phase)).toEqual(['Running', 'Running']);
  });
});
