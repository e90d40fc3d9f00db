import type { Event, Pod, PodCondition } from 'kubernetes-types/core/v1';
import type { KubeObject, ObjectRef } from '../../../sim/objects';
import type { ReconcileRecord } from '../../../sim/controllers/types';
import type { Objects } from '../../state/mirror';
import { SimClock } from '../../../sim/clock';
import { age } from '../../../sim/kubectl/duration';

/** The mirror is keyed by resource, the selection by kind: find the object whichever bucket holds it. */
export function findObject(objects: Objects, ref: ObjectRef): KubeObject | undefined {
  const key = ref.namespace ? `${ref.namespace}/${ref.name}` : ref.name;
  for (const bucket of Object.values(objects)) {
    const o = bucket.get(key);
    if (o && o.kind === ref.kind) return o;
  }
  return undefined;
}

function sameTarget(a: ObjectRef, b: ObjectRef): boolean {
  return a.kind === b.kind && a.name === b.name && (a.namespace ?? '') === (b.namespace ?? '');
}

/**
 * Records about this object, starting at its latest creation: an object deleted and
 * created again under the same name has a new story, and the old one would mislead.
 */
export function recordsFor(records: readonly ReconcileRecord[], ref: ObjectRef): ReconcileRecord[] {
  const mine = records.filter((r) => sameTarget(r.target, ref));
  let start = 0;
  for (let i = mine.length - 1; i >= 0; i--) {
    if ((mine[i] as ReconcileRecord).action === 'create') {
      start = i;
      break;
    }
  }
  return mine.slice(start);
}

export interface WhyStep {
  record: ReconcileRecord;
  /** True for records about this object, false for the creation of an owner further up. */
  own: boolean;
}

/**
 * The controlling owners of an object, outermost first (Deployment, then ReplicaSet), as far
 * as the mirror still holds them; bounded, so an ownership cycle cannot hang the panel.
 */
export function ownerPath(objects: Objects, obj: KubeObject): ObjectRef[] {
  const owners: ObjectRef[] = [];
  const seen = new Set<string>();
  let current: KubeObject | undefined = obj;
  while (current && owners.length < 5) {
    const owner = current.metadata.ownerReferences?.find((o) => o.controller) ?? current.metadata.ownerReferences?.[0];
    if (!owner) break;
    const ref: ObjectRef = { kind: owner.kind, name: owner.name, ...(obj.metadata.namespace ? { namespace: obj.metadata.namespace } : {}) };
    const id = `${ref.kind}/${ref.name}`;
    if (seen.has(id)) break;
    seen.add(id);
    owners.unshift(ref);
    current = findObject(objects, ref) ?? findObject(objects, { kind: ref.kind, name: ref.name });
  }
  return owners;
}

/** Writes a person made (the editor's Apply and the console both go through kubectl). */
function isUserWrite(r: ReconcileRecord): boolean {
  return r.controller === 'kubectl' && (r.action === 'create' || r.action === 'update');
}

/**
 * The record that explains why an owner made its child: the last time someone applied the
 * owner before the child appeared (so a rolling update's new ReplicaSet points at the apply
 * that changed the image, not at the first create), else the owner's own creation (a
 * ReplicaSet made by its Deployment's controller).
 */
function ownerStep(records: readonly ReconcileRecord[], owner: ObjectRef, before: number): ReconcileRecord | undefined {
  const mine = recordsFor(records, owner);
  let applied: ReconcileRecord | undefined;
  for (const r of mine) if (isUserWrite(r) && r.tick <= before) applied = r;
  return applied ?? mine.find((r) => r.action === 'create');
}

/**
 * The chain that explains an object: how each controlling owner came to exist (the
 * Deployment applied with kubectl, the ReplicaSet its controller made), then everything
 * done to the object itself, in tick order.
 */
export function whyChain(objects: Objects, records: readonly ReconcileRecord[], obj: KubeObject): WhyStep[] {
  const owners = ownerPath(objects, obj);
  const self: ObjectRef = { kind: obj.kind, name: obj.metadata.name, ...(obj.metadata.namespace ? { namespace: obj.metadata.namespace } : {}) };
  const own = recordsFor(records, self);
  // Walk inwards from the object: each owner's step must come no later than its child's creation.
  const steps: WhyStep[] = [];
  let before = own.find((r) => r.action === 'create')?.tick ?? Number.POSITIVE_INFINITY;
  for (let i = owners.length - 1; i >= 0; i--) {
    const step = ownerStep(records, owners[i] as ObjectRef, before);
    if (!step) continue;
    steps.unshift({ record: step, own: false });
    const created = recordsFor(records, owners[i] as ObjectRef).find((r) => r.action === 'create');
    before = created?.tick ?? step.tick;
  }
  for (const r of own) steps.push({ record: r, own: true });
  // Stable by tick: within a tick the records are already in the order they happened.
  return steps.map((s, i) => ({ s, i })).sort((a, b) => a.s.record.tick - b.s.record.tick || a.i - b.i).map((x) => x.s);
}

export type EventLike = Event & KubeObject;

/** core/v1 Events about this object, oldest first, as `kubectl describe` lists them. */
export function eventsFor(objects: Objects, obj: KubeObject): EventLike[] {
  const out: EventLike[] = [];
  for (const e of objects.events?.values() ?? []) {
    const ev = e as EventLike;
    const io = ev.involvedObject;
    if (!io || io.kind !== obj.kind || io.name !== obj.metadata.name) continue;
    if ((io.namespace ?? '') !== (obj.metadata.namespace ?? '')) continue;
    if (io.uid && obj.metadata.uid && io.uid !== obj.metadata.uid) continue;
    out.push(ev);
  }
  return out.sort((a, b) => timeOf(a.lastTimestamp ?? a.firstTimestamp) - timeOf(b.lastTimestamp ?? b.firstTimestamp));
}

function timeOf(ts: string | undefined): number {
  return ts ? Date.parse(ts) : 0;
}

/** The cluster runs a default SimClock, so a default one maps the mirror's tick to its time. */
const simClock = new SimClock();

/** Sim time of a tick. */
export function simNow(tick: number): number {
  return simClock.millisAt(tick);
}

/** An Events row's age on the sim clock, in kubectl's AGE format (`5s`, `2m30s`, `3d`). */
export function ageOf(ts: string | undefined, tick: number): string {
  return age(ts, simNow(tick));
}

export interface PodScheduling {
  node: string;
  condition?: PodCondition;
}

export function podScheduling(obj: KubeObject): PodScheduling {
  const pod = obj as unknown as Pod;
  const condition = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
  return { node: pod.spec?.nodeName ?? '', ...(condition ? { condition } : {}) };
}
