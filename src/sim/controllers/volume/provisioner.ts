import type { PersistentVolume } from 'kubernetes-types/core/v1';
import type { Controller, ReconcileContext } from '../types';
import type { WatchEvent } from '../../store/store';
import { keyOf, splitKey } from '../../objects';
import type { NodeObject } from '../../scheduler/types';
import type { PVCObject, PVObject, StorageClassObject } from './storage';
import { ANN_PROVISIONED_BY, ANN_SELECTED_NODE, ANN_STORAGE_PROVISIONER, claimClass, provisionedName } from './storage';
import { CSI_CAPABILITY, provisionerFor } from './provisioners';

export const PROVISIONER_CONTROLLER = 'external-provisioner';

function wantsProvisioning(pvc: PVCObject | undefined): pvc is PVCObject {
  return !!pvc && !pvc.spec?.volumeName && !pvc.metadata.deletionTimestamp && !!provisionerFor(pvc.metadata.annotations?.[ANN_STORAGE_PROVISIONER]);
}

function mapClaim(ev: WatchEvent): string[] {
  return ev.type !== 'DELETED' && wantsProvisioning(ev.object as PVCObject) ? [keyOf(ev.object)] : [];
}

/**
 * The simulated external provisioners (the CSI provisioner sidecars of local-path, NFS and
 * cloud-disk drivers): for a claim the PV controller handed to them, create a volume named
 * `pvc-<claim uid>` already reserved for the claim (claimRef), with the class's reclaim
 * policy, on the node or in the zone the scheduler chose for WaitForFirstConsumer classes.
 */
function reconcile(ctx: ReconcileContext): void {
  const { namespace, name } = splitKey(ctx.key);
  const pvc = ctx.store.get<PVCObject>('persistentvolumeclaims', namespace, name);
  if (!wantsProvisioning(pvc)) return;
  const provisionerName = pvc.metadata.annotations?.[ANN_STORAGE_PROVISIONER] as string;
  const prov = provisionerFor(provisionerName);
  const className = claimClass(pvc) ?? '';
  const sc = ctx.store.get<StorageClassObject>('storageclasses.storage.k8s.io', undefined, className);
  if (!prov || !sc || sc.provisioner !== provisionerName) return;
  const pvName = provisionedName(pvc);
  if (ctx.store.get('persistentvolumes', undefined, pvName)) return;
  const source = { component: `${provisionerName}_${provisionerName.split(/[./]/)[0]}-provisioner` };
  const claimKey = keyOf(pvc);
  const fail = (error: string) => {
    const message = `failed to provision volume with StorageClass "${className}": ${error}`;
    ctx.events.record(pvc, 'Warning', 'ProvisioningFailed', message, source);
  };
  const selected = pvc.metadata.annotations?.[ANN_SELECTED_NODE];
  if (sc.volumeBindingMode === 'WaitForFirstConsumer' && !selected) return;
  ctx.events.record(pvc, 'Normal', 'Provisioning', `External provisioner is provisioning volume for claim "${claimKey}"`, source);
  const modes = pvc.spec?.accessModes ?? [];
  const unsupported = modes.filter((m) => !prov.accessModes.includes(m));
  if (unsupported.length) {
    const caps = unsupported.map((m) => CSI_CAPABILITY[m] ?? m).join(', ');
    fail(`rpc error: code = InvalidArgument desc = Volume capabilities not supported: access mode ${caps} is not supported by ${provisionerName}; it supports ${prov.accessModes.join(', ')}`);
    return;
  }
  const node = selected ? ctx.store.get<NodeObject>('nodes', undefined, selected) : undefined;
  const nodes = prov.family === 'disk' ? ctx.store.list<NodeObject>('nodes') : [];
  const result = prov.provision({ sc, pvc, node, nodes, pvName });
  if (!result.ok) {
    fail(result.error);
    return;
  }
  const storage = pvc.spec?.resources?.requests?.storage ?? '0';
  const spec: PersistentVolume['spec'] = {
    accessModes: modes,
    capacity: { storage: String(storage) },
    claimRef: { kind: 'PersistentVolumeClaim', namespace: pvc.metadata.namespace, name: pvc.metadata.name, uid: pvc.metadata.uid, apiVersion: 'v1', resourceVersion: pvc.metadata.resourceVersion },
    ...result.source,
    ...(sc.mountOptions?.length ? { mountOptions: [...sc.mountOptions] } : {}),
    ...(result.nodeAffinity ? { nodeAffinity: result.nodeAffinity } : {}),
    persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? 'Delete',
    storageClassName: className,
    volumeMode: pvc.spec?.volumeMode ?? 'Filesystem',
  };
  const pv: PVObject = { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: pvName, annotations: { [ANN_PROVISIONED_BY]: provisionerName } }, spec };
  const where = node ? ` on node ${node.metadata.name}` : '';
  const res = ctx.client.create(pv, {
    reason: `Claim ${claimKey} of StorageClass ${className} has no volume, so ${provisionerName} creates ${prov.family === 'local' ? 'a node-local directory' : prov.family === 'nfs' ? 'a shared NFS export' : 'a cloud disk'}${where} and PersistentVolume ${pvName} (${storage}) for it`,
    code: 'record.provisioner.create',
    params: { claim: claimKey, class: className, provisioner: provisionerName, volume: pvName, size: String(storage), node: node?.metadata.name ?? '', family: prov.family },
  });
  if (res.ok) ctx.events.record(pvc, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${pvName}`, source);
  else fail(res.status.message);
}

export function createProvisionerController(): Controller {
  return { name: PROVISIONER_CONTROLLER, watches: [{ resource: 'persistentvolumeclaims', map: mapClaim }], reconcile };
}

export type { PVObject };
