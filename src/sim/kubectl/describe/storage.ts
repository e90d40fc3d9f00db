import type { NodeSelector, PersistentVolumeSpec } from 'kubernetes-types/core/v1';
import type { Cluster } from '../../cluster';
import { age } from '../duration';
import { DescribeWriter, eventsFor, writeAnnotations, writeEvents, writeLabels } from './common';
import type { PVCObject, PVObject, StorageClassObject } from '../../controllers/volume/storage';
import { accessModesText, claimClass, isDefaultClass, volumeClass } from '../../controllers/volume/storage';
import { podsUsingClaim } from '../../controllers/volume/protection';

function finalizers(w: DescribeWriter, list: string[] | undefined): void {
  w.write(0, `Finalizers:\t[${(list ?? []).join(' ')}]\n`);
}

function status(phase: string | undefined, deletion: string | undefined, now: number): string {
  return deletion ? `Terminating (lasts ${age(deletion, now)})` : (phase ?? '');
}

function writeNodeAffinity(w: DescribeWriter, affinity: { required?: NodeSelector } | undefined): void {
  const terms = affinity?.required?.nodeSelectorTerms;
  if (!terms?.length) return w.write(0, 'Node Affinity:\t<none>\n');
  w.write(0, 'Node Affinity:\t\n');
  w.write(1, 'Required Terms:\t\n');
  terms.forEach((t, i) => {
    const exprs = [
      ...(t.matchExpressions ?? []).map((e) => `${e.key} ${e.operator.toLowerCase()} [${(e.values ?? []).join(', ')}]`),
      ...(t.matchFields ?? []).map((e) => `${e.key} ${e.operator.toLowerCase()} [${(e.values ?? []).join(', ')}]`),
    ];
    w.write(2, `Term ${i}:\t${exprs.join('\n\t')}\n`);
  });
}

/** kubectl's per-source lines under `Source:` (printHostPathVolumeSource, printNFSVolumeSource ...). */
function writeSource(w: DescribeWriter, spec: PersistentVolumeSpec | undefined): void {
  w.write(0, 'Source:\n');
  if (spec?.hostPath) {
    w.write(2, `Type:\tHostPath (bare host directory volume)\n`);
    w.write(2, `Path:\t${spec.hostPath.path}\n`);
    w.write(2, `HostPathType:\t${spec.hostPath.type ?? ''}\n`);
  } else if (spec?.local) {
    w.write(2, `Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n`);
    w.write(2, `Path:\t${spec.local.path}\n`);
  } else if (spec?.nfs) {
    w.write(2, `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n`);
    w.write(2, `Server:\t${spec.nfs.server}\n`);
    w.write(2, `Path:\t${spec.nfs.path}\n`);
    w.write(2, `ReadOnly:\t${spec.nfs.readOnly ? 'true' : 'false'}\n`);
  } else if (spec?.csi) {
    w.write(2, `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n`);
    w.write(2, `Driver:\t${spec.csi.driver}\n`);
    w.write(2, `FSType:\t${spec.csi.fsType ?? ''}\n`);
    w.write(2, `VolumeHandle:\t${spec.csi.volumeHandle}\n`);
    w.write(2, `ReadOnly:\t${spec.csi.readOnly ? 'true' : 'false'}\n`);
    const attrs = Object.entries(spec.csi.volumeAttributes ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
    if (!attrs.length) w.write(2, 'VolumeAttributes:\t<none>\n');
    else attrs.forEach(([k, v], i) => w.write(2, `${i ? '\t' : 'VolumeAttributes:\t'}   ${k}=${v}\n`));
  } else {
    const kind = Object.keys(spec ?? {}).find((k) => !['accessModes', 'capacity', 'claimRef', 'persistentVolumeReclaimPolicy', 'storageClassName', 'volumeMode', 'nodeAffinity', 'mountOptions', 'volumeAttributesClassName'].includes(k));
    w.write(2, `Type:\t${kind ?? '<unknown>'}\n`);
  }
}

/** `kubectl describe pv` (PersistentVolumeDescriber). */
export function describePersistentVolume(cluster: Cluster, pv: PVObject): string {
  const w = new DescribeWriter();
  const now = cluster.clock.nowMillis();
  const ref = pv.spec?.claimRef;
  w.write(0, `Name:\t${pv.metadata.name}\n`);
  writeLabels(w, 'Labels', pv.metadata.labels);
  writeAnnotations(w, pv.metadata.annotations);
  finalizers(w, pv.metadata.finalizers);
  w.write(0, `StorageClass:\t${volumeClass(pv)}\n`);
  w.write(0, `Status:\t${status(pv.status?.phase, pv.metadata.deletionTimestamp, now)}\n`);
  w.write(0, `Claim:\t${ref ? `${ref.namespace ?? ''}/${ref.name ?? ''}` : ''}\n`);
  w.write(0, `Reclaim Policy:\t${pv.spec?.persistentVolumeReclaimPolicy ?? ''}\n`);
  w.write(0, `Access Modes:\t${accessModesText(pv.spec?.accessModes)}\n`);
  w.write(0, `VolumeMode:\t${pv.spec?.volumeMode ?? 'Filesystem'}\n`);
  w.write(0, `Capacity:\t${pv.spec?.capacity?.storage ?? ''}\n`);
  writeNodeAffinity(w, pv.spec?.nodeAffinity);
  w.write(0, `Message:\t${pv.status?.message ?? ''}\n`);
  writeSource(w, pv.spec);
  writeEvents(w, eventsFor(cluster, pv), now);
  return w.text;
}

/** `kubectl describe pvc` (PersistentVolumeClaimDescriber), with the pods that use it. */
export function describePersistentVolumeClaim(cluster: Cluster, pvc: PVCObject): string {
  const w = new DescribeWriter();
  const now = cluster.clock.nowMillis();
  const bound = !!pvc.spec?.volumeName;
  w.write(0, `Name:\t${pvc.metadata.name}\n`);
  w.write(0, `Namespace:\t${pvc.metadata.namespace ?? ''}\n`);
  w.write(0, `StorageClass:\t${claimClass(pvc) ?? ''}\n`);
  w.write(0, `Status:\t${status(pvc.status?.phase, pvc.metadata.deletionTimestamp, now)}\n`);
  w.write(0, `Volume:\t${pvc.spec?.volumeName ?? ''}\n`);
  writeLabels(w, 'Labels', pvc.metadata.labels);
  writeAnnotations(w, pvc.metadata.annotations);
  finalizers(w, pvc.metadata.finalizers);
  w.write(0, `Capacity:\t${bound ? (pvc.status?.capacity?.storage ?? '') : ''}\n`);
  w.write(0, `Access Modes:\t${bound ? accessModesText(pvc.status?.accessModes) : ''}\n`);
  w.write(0, `VolumeMode:\t${pvc.spec?.volumeMode ?? 'Filesystem'}\n`);
  const ds = pvc.spec?.dataSource;
  if (ds) {
    w.write(0, 'DataSource:\n');
    if (ds.apiGroup) w.write(1, `APIGroup:\t${ds.apiGroup}\n`);
    w.write(1, `Kind:\t${ds.kind}\n`);
    w.write(1, `Name:\t${ds.name}\n`);
  }
  const users = podsUsingClaim(cluster.store, pvc).map((p) => p.metadata.name).sort();
  w.write(0, `Used By:\t${users.length ? users.join('\n\t') : '<none>'}\n`);
  const conds = pvc.status?.conditions ?? [];
  if (conds.length) {
    w.write(0, 'Conditions:\n');
    w.write(1, 'Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conds) w.write(1, `${c.type}\t${c.status}\t${c.lastProbeTime ?? 'Mon, 01 Jan 0001 00:00:00 +0000'}\t${c.lastTransitionTime ?? ''}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
  }
  writeEvents(w, eventsFor(cluster, pvc), now);
  return w.text;
}

/** `kubectl describe storageclass` (StorageClassDescriber). */
export function describeStorageClass(cluster: Cluster, sc: StorageClassObject): string {
  const w = new DescribeWriter();
  const kv = (m: Record<string, string> | undefined) => {
    const keys = Object.keys(m ?? {}).sort();
    return keys.length ? keys.map((k) => `${k}=${(m as Record<string, string>)[k]}`).join(',') : '<none>';
  };
  w.write(0, `Name:\t${sc.metadata.name}\n`);
  w.write(0, `IsDefaultClass:\t${isDefaultClass(sc) ? 'Yes' : 'No'}\n`);
  const ann = { ...sc.metadata.annotations };
  delete ann['kubectl.kubernetes.io/last-applied-configuration'];
  w.write(0, `Annotations:\t${kv(ann)}\n`);
  w.write(0, `Provisioner:\t${sc.provisioner}\n`);
  w.write(0, `Parameters:\t${kv(sc.parameters)}\n`);
  w.write(0, `AllowVolumeExpansion:\t${sc.allowVolumeExpansion === undefined ? '<unset>' : sc.allowVolumeExpansion ? 'True' : 'False'}\n`);
  w.write(0, `MountOptions:${sc.mountOptions?.length ? '\n' + sc.mountOptions.map((o) => `  ${o}\n`).join('') : '\t<none>\n'}`);
  w.write(0, `ReclaimPolicy:\t${sc.reclaimPolicy ?? 'Delete'}\n`);
  w.write(0, `VolumeBindingMode:\t${sc.volumeBindingMode ?? 'Immediate'}\n`);
  const topo = sc.allowedTopologies ?? [];
  if (topo.length) {
    w.write(0, 'AllowedTopologies:\t\n');
    topo.forEach((t, i) => {
      const exprs = (t.matchLabelExpressions ?? []).map((e) => `${e.key} in [${e.values.join(', ')}]`);
      w.write(0, `  Term ${i}:\t${exprs.join('\n\t')}\n`);
    });
  }
  writeEvents(w, eventsFor(cluster, sc), cluster.clock.nowMillis());
  return w.text;
}
