import type { Pod } from 'kubernetes-types/core/v1';
import type { Objects } from '../../state/mirror';
import type { KubeObject } from '../../../sim/objects';
import type { Translate } from '../cluster/drawNodes';
import type { PhaseCategory } from '../model/podStatus';
import { podDisplayStatus } from '../model/podStatus';
import { naturalCompare } from '../cluster/layout';
import {
  accessModesText,
  ANN_SELECTED_NODE,
  claimClass,
  isDefaultClass,
  NO_PROVISIONER,
  volumeClass,
  volumeSourceOf,
  type PVCObject,
  type PVObject,
  type StorageClassObject,
} from '../../../sim/controllers/volume/storage';
import { isBoundTo, mismatch } from '../../../sim/controllers/volume/matching';
import type { ColumnItem, ColumnLink, ColumnScene } from './columns';

export const STORAGE_RESOURCES = { classes: 'storageclasses.storage.k8s.io', volumes: 'persistentvolumes', claims: 'persistentvolumeclaims', pods: 'pods' } as const;

/** Why a Pending claim is still waiting, as the PV controller would tell it. */
export type WaitReason = 'noClassAtAll' | 'noMatch' | 'classMissing' | 'waitConsumer' | 'provisioning' | 'binding' | 'volumeMissing' | 'noProvisioner';

const list = (objects: Objects, r: string) => [...(objects[r]?.values() ?? [])];
const byKey = (a: KubeObject, b: KubeObject) => naturalCompare(`${a.metadata.namespace ?? ''}/${a.metadata.name}`, `${b.metadata.namespace ?? ''}/${b.metadata.name}`);

export function pvPhaseCategory(phase: string): PhaseCategory {
  return phase === 'Bound' ? 'running' : phase === 'Available' ? 'succeeded' : phase === 'Released' ? 'terminating' : phase === 'Failed' ? 'failed' : 'pending';
}

export function pvcPhaseCategory(phase: string): PhaseCategory {
  return phase === 'Bound' ? 'running' : phase === 'Lost' ? 'failed' : phase === 'Terminating' ? 'terminating' : 'pending';
}

/** The claim's phase as `kubectl get pvc` shows it: Terminating once deletion started. */
export function claimPhase(pvc: PVCObject): string {
  if (pvc.metadata.deletionTimestamp) return 'Terminating';
  return pvc.status?.phase ?? 'Pending';
}

/** Why a Pending claim waits, worked out from the objects alone (the binder's decision in words). */
export function waitReason(pvc: PVCObject, classes: ReadonlyMap<string, StorageClassObject>, volumes: readonly PVObject[]): WaitReason | undefined {
  if (claimPhase(pvc) !== 'Pending') return undefined;
  if (pvc.spec?.volumeName) {
    return volumes.some((v) => v.metadata.name === pvc.spec?.volumeName) ? 'binding' : 'volumeMissing';
  }
  const fits = volumes.some((pv) => (pv.status?.phase === 'Available' && !pv.spec?.claimRef && !mismatch(pv, pvc)) || isBoundTo(pv, pvc));
  let name = claimClass(pvc);
  if (name === undefined) {
    const def = [...classes.values()].find(isDefaultClass);
    if (def) name = def.metadata.name;
  }
  if (!name) {
    if (fits) return 'binding';
    return classes.size === 0 ? 'noClassAtAll' : 'noMatch';
  }
  const sc = classes.get(name);
  if (!sc) return fits ? 'binding' : 'classMissing';
  if (sc.volumeBindingMode === 'WaitForFirstConsumer' && !pvc.metadata.annotations?.[ANN_SELECTED_NODE]) return 'waitConsumer';
  if (fits) return 'binding';
  if (sc.provisioner === NO_PROVISIONER) return 'noProvisioner';
  return 'provisioning';
}

/** Claims a pod mounts, by name. */
export function podClaims(pod: Pod): string[] {
  return (pod.spec?.volumes ?? []).flatMap((v) => (v.persistentVolumeClaim?.claimName ? [v.persistentVolumeClaim.claimName] : []));
}

const id = (kind: string, ns: string, name: string) => `${kind}/${ns}/${name}`;

/**
 * StorageClass → PV ⇄ PVC → Pod from the mirror: each class with its provisioner, reclaim policy,
 * binding mode and the default mark; each volume and claim with phase, size, access modes, class
 * and reclaim policy; a Pending claim says why it waits; pods that mount claims, and claims
 * a pod names that do not exist (drawn missing, the link broken).
 */
export function buildStorageScene(objects: Objects, t: Translate): ColumnScene {
  const r = STORAGE_RESOURCES;
  const classObjs = (list(objects, r.classes) as StorageClassObject[]).sort(byKey);
  const classes = new Map(classObjs.map((c) => [c.metadata.name, c]));
  const volumes = (list(objects, r.volumes) as PVObject[]).sort(byKey);
  const claims = (list(objects, r.claims) as PVCObject[]).sort(byKey);
  const items: ColumnItem[] = [];
  const links: ColumnLink[] = [];

  for (const sc of classObjs) {
    const name = sc.metadata.name;
    const def = isDefaultClass(sc);
    const mode = sc.volumeBindingMode ?? 'Immediate';
    const reclaim = sc.reclaimPolicy ?? 'Delete';
    const lines = [sc.provisioner, t('storage.reclaim', { policy: reclaim }), t('storage.bindingMode', { mode }), t(sc.allowVolumeExpansion ? 'storage.expandable' : 'storage.notExpandable')];
    items.push({
      id: id('StorageClass', '', name),
      column: 0,
      kind: 'StorageClass',
      name,
      namespace: '',
      phase: '',
      category: 'running',
      heading: 'StorageClass',
      ...(def ? { badge: t('storage.default') } : {}),
      lines,
      resource: r.classes,
      key: name,
      aria: t('storage.aria.class', { name, provisioner: sc.provisioner, reclaim, mode, isDefault: def ? t('storage.default') : '' }),
      data: { default: String(def), provisioner: sc.provisioner, 'binding-mode': mode },
    });
  }

  const claimIds = new Map(claims.map((c) => [`${c.metadata.namespace ?? 'default'}/${c.metadata.name}`, c]));
  for (const pv of volumes) {
    const name = pv.metadata.name;
    const phase = pv.metadata.deletionTimestamp ? 'Terminating' : (pv.status?.phase ?? 'Pending');
    const cls = volumeClass(pv);
    const reclaim = pv.spec?.persistentVolumeReclaimPolicy ?? 'Retain';
    const modes = accessModesText(pv.spec?.accessModes);
    const size = String(pv.spec?.capacity?.storage ?? '?');
    const claim = pv.spec?.claimRef ? `${pv.spec.claimRef.namespace ?? 'default'}/${pv.spec.claimRef.name}` : '';
    items.push({
      id: id('PersistentVolume', '', name),
      column: 1,
      kind: 'PersistentVolume',
      name,
      namespace: '',
      phase,
      category: pvPhaseCategory(phase),
      heading: 'PersistentVolume',
      lines: [phase, `${size} · ${modes}`, t('storage.reclaim', { policy: reclaim }), cls ? t('storage.class', { name: cls }) : t('storage.noClass'), volumeSourceOf(pv) ?? ''].filter(Boolean),
      resource: r.volumes,
      key: name,
      aria: t('storage.aria.volume', { name, phase, size, modes, reclaim, claim: claim || '—' }),
      data: { reclaim, 'access-modes': modes, capacity: size, 'claim-ref': claim },
    });
    if (cls && classes.has(cls)) links.push({ id: `sc|${cls}|${name}`, from: id('StorageClass', '', cls), to: id('PersistentVolume', '', name), style: 'solid', title: t('storage.link.provides', { cls, pv: name }) });
    const c = claim ? claimIds.get(claim) : undefined;
    if (c) {
      const both = c.spec?.volumeName === name;
      links.push({
        id: `bind|${name}|${claim}`,
        from: id('PersistentVolume', '', name),
        to: id('PersistentVolumeClaim', c.metadata.namespace ?? 'default', c.metadata.name),
        style: both ? 'bound' : 'pending',
        title: both ? t('storage.link.bound', { pv: name, pvc: claim }) : t('storage.link.reserved', { pv: name, pvc: claim }),
      });
    }
  }

  for (const pvc of claims) {
    const ns = pvc.metadata.namespace ?? 'default';
    const name = pvc.metadata.name;
    const phase = claimPhase(pvc);
    const reason = waitReason(pvc, classes, volumes);
    const cls = claimClass(pvc);
    const modes = accessModesText(pvc.spec?.accessModes);
    const size = String(pvc.spec?.resources?.requests?.storage ?? '?');
    const note = reason ? t(`storage.wait.${reason}`, { cls: cls ?? '', volume: pvc.spec?.volumeName ?? '' }) : undefined;
    items.push({
      id: id('PersistentVolumeClaim', ns, name),
      column: 2,
      kind: 'PersistentVolumeClaim',
      name,
      namespace: ns,
      phase,
      category: pvcPhaseCategory(phase),
      heading: ns === 'default' ? 'PersistentVolumeClaim' : `PVC · ${ns}`,
      lines: [phase, `${size} · ${modes}`, cls === undefined ? t('storage.classUnset') : cls ? t('storage.class', { name: cls }) : t('storage.noClass')],
      ...(note ? { note } : {}),
      resource: r.claims,
      key: `${ns}/${name}`,
      aria: t('storage.aria.claim', { name, namespace: ns, phase, size, modes, volume: pvc.spec?.volumeName || '—', reason: note ?? '' }),
      data: { 'access-modes': modes, request: size, volume: pvc.spec?.volumeName ?? '', ...(reason ? { reason } : {}) },
    });
    // A claim whose volume is gone (Lost) still points at it.
    if (pvc.spec?.volumeName && !volumes.some((v) => v.metadata.name === pvc.spec?.volumeName)) {
      const vid = id('PersistentVolume', '', pvc.spec.volumeName);
      if (!items.some((i) => i.id === vid)) {
        items.push(missingItem(vid, 1, 'PersistentVolume', '', pvc.spec.volumeName, r.volumes, t));
      }
      links.push({ id: `bind|${pvc.spec.volumeName}|${ns}/${name}`, from: vid, to: id('PersistentVolumeClaim', ns, name), style: 'broken', title: t('storage.link.lost', { pv: pvc.spec.volumeName, pvc: `${ns}/${name}` }) });
    }
  }

  const pods = (list(objects, r.pods) as (Pod & KubeObject)[]).sort(byKey);
  for (const pod of pods) {
    const names = podClaims(pod);
    if (!names.length) continue;
    const ns = pod.metadata.namespace ?? 'default';
    const status = podDisplayStatus(pod);
    const podId = id('Pod', ns, pod.metadata.name);
    items.push({
      id: podId,
      column: 3,
      kind: 'Pod',
      name: pod.metadata.name,
      namespace: ns,
      phase: status.text,
      category: status.category,
      heading: ns === 'default' ? 'Pod' : `Pod · ${ns}`,
      lines: [status.text, pod.spec?.nodeName ? t('storage.onNode', { node: pod.spec.nodeName }) : t('storage.unscheduled')],
      resource: r.pods,
      key: `${ns}/${pod.metadata.name}`,
      aria: t('storage.aria.pod', { name: pod.metadata.name, namespace: ns, status: status.text, claims: names.join(', ') }),
      data: { claims: names.join(' '), node: pod.spec?.nodeName ?? '' },
    });
    for (const claim of names) {
      const cid = id('PersistentVolumeClaim', ns, claim);
      const c = claimIds.get(`${ns}/${claim}`);
      if (!c && !items.some((i) => i.id === cid)) items.push(missingItem(cid, 2, 'PersistentVolumeClaim', ns, claim, r.claims, t));
      const bound = c && claimPhase(c) === 'Bound';
      links.push({
        id: `use|${ns}/${claim}|${pod.metadata.name}`,
        from: cid,
        to: podId,
        style: !c ? 'broken' : bound ? 'solid' : 'pending',
        title: !c ? t('storage.link.claimMissing', { pvc: claim, pod: pod.metadata.name }) : t('storage.link.mounts', { pvc: claim, pod: pod.metadata.name }),
      });
    }
  }

  const banners: ColumnScene['banners'] = [];
  if (classObjs.length === 0) banners.push({ id: 'storage-no-class', text: t('storage.noStorageClass') });
  if (volumes.length === 0 && claims.length === 0) banners.push({ id: 'storage-empty', text: t('storage.empty') });
  const columns = [t('storage.col.classes'), t('storage.col.volumes'), t('storage.col.claims'), t('storage.col.pods')];
  return { columns, items, links, banners };
}

function missingItem(itemId: string, column: number, kind: string, ns: string, name: string, resource: string, t: Translate): ColumnItem {
  return {
    id: itemId,
    column,
    kind,
    name,
    namespace: ns,
    phase: 'Missing',
    category: 'failed',
    heading: ns && ns !== 'default' ? `${kind} · ${ns}` : kind,
    lines: [t('storage.missing')],
    missing: true,
    resource,
    key: ns ? `${ns}/${name}` : name,
    aria: t('storage.aria.missing', { kind, name }),
  };
}
