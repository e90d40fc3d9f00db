import { parseAllDocuments } from 'yaml';
import { createCluster, type Cluster } from '../../../sim/cluster';
import type { KubeObject } from '../../../sim/objects';
import type { Objects } from '../../state/mirror';
import { keyOf } from '../../../sim/objects';
import type { Translate } from '../cluster/drawNodes';

/** A key-echoing translator: tests read which sentence was chosen and with what. */
export const echoT: Translate = (key, opts) => (opts ? `${key} ${JSON.stringify(opts)}` : key);

/** A cluster with these manifests applied and settled. */
export function clusterWith(yaml: string, seed = 3): Cluster {
  const c = createCluster({ seed });
  for (const d of parseAllDocuments(yaml)) {
    const r = c.api.create(d.toJS() as KubeObject);
    if (!r.ok) throw new Error(JSON.stringify(r));
  }
  c.runUntilSettled();
  return c;
}

/** The store as the UI's mirror holds it. */
export function mirrorObjects(c: Cluster): Objects {
  const out: Objects = {};
  for (const r of c.store.resources()) out[r] = new Map(c.store.list(r).map((o) => [keyOf(o), o]));
  return out;
}
