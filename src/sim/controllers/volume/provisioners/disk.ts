import type { SimProvisioner } from './types';
import type { NodeObject } from '../../../scheduler/types';

export const ZONE_LABEL = 'topology.kubernetes.io/zone';

const DRIVERS: Record<string, string> = {
  'kubernetes.io/aws-ebs': 'ebs.csi.aws.com',
  'kubernetes.io/gce-pd': 'pd.csi.storage.gke.io',
  'kubernetes.io/azure-disk': 'disk.csi.azure.com',
};

function handle(driver: string, zone: string | undefined, pvName: string): string {
  const hex = pvName.replace(/[^0-9a-f]/g, '').slice(0, 17);
  if (driver === 'ebs.csi.aws.com') return `vol-0${hex}`;
  if (driver === 'pd.csi.storage.gke.io') return `projects/sim-project/zones/${zone ?? 'us-central1-a'}/disks/${pvName}`;
  return `/subscriptions/sim/resourceGroups/sim/providers/Microsoft.Compute/disks/${pvName}`;
}

function zoneOf(node: NodeObject | undefined, nodes: NodeObject[], allowed: string[] | undefined): string | undefined {
  if (node) return node.metadata.labels?.[ZONE_LABEL];
  const zones = [...new Set(nodes.map((n) => n.metadata.labels?.[ZONE_LABEL]).filter((z): z is string => !!z))].sort();
  return (allowed?.length ? zones.filter((z) => allowed.includes(z)) : zones)[0] ?? allowed?.[0];
}

/**
 * A cloud block disk (EBS, Persistent Disk, Azure Disk): created on demand, attached to one
 * node at a time (ReadWriteOnce), and living in one zone, so the volume is pinned to the
 * zone of the node the scheduler chose (when nodes carry zone labels).
 */
export const cloudDisk: SimProvisioner = {
  family: 'disk',
  names: ['ebs.csi.aws.com', 'pd.csi.storage.gke.io', 'disk.csi.azure.com', ...Object.keys(DRIVERS)],
  accessModes: ['ReadWriteOnce', 'ReadWriteOncePod'],
  provision({ sc, node, nodes, pvName }) {
    const driver = DRIVERS[sc.provisioner] ?? sc.provisioner;
    const allowed = sc.allowedTopologies?.flatMap((t) => t.matchLabelExpressions?.flatMap((e) => e.values) ?? []);
    const zone = zoneOf(node, nodes, allowed);
    const fsType = sc.parameters?.['csi.storage.k8s.io/fstype'] ?? sc.parameters?.fsType ?? 'ext4';
    return {
      ok: true,
      source: { csi: { driver, volumeHandle: handle(driver, zone, pvName), fsType, volumeAttributes: { 'storage.kubernetes.io/csiProvisionerIdentity': `sim-${driver}` } } },
      ...(zone ? { nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: ZONE_LABEL, operator: 'In', values: [zone] }] }] } } } : {}),
    };
  },
};
