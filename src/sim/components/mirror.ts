import type { KubeObject } from '../objects';
import type { NodeObject, PodObject } from '../scheduler/types';
import type { StaticComponent } from './staticPods';
import { staticPodManifest } from './staticPods';

/** FNV-1a over the manifest, 32 hex characters: stands for the md5 the kubelet puts in config.hash. */
export function configHash(text: string): string {
  let out = '';
  for (let round = 0; round < 4; round++) {
    let h = 0x811c9dc5 ^ round;
    for (let i = 0; i < text.length; i++) {
      h ^= text.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}

export function mirrorPodName(component: StaticComponent, node: string): string {
  return `${component}-${node}`;
}

/**
 * The mirror pod the kubelet posts for a static pod: the manifest named `<component>-<node>`,
 * bound to the node, owned by the Node, marked with the config annotations, tolerating every
 * NoExecute taint (the kubelet runs it whatever the API server thinks of the node).
 */
export function mirrorPod(component: StaticComponent, node: NodeObject, seen: string): PodObject {
  const ip = node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';
  const manifest = staticPodManifest(component, ip);
  const hash = configHash(JSON.stringify(manifest));
  const nodeName = node.metadata.name;
  const owner: NonNullable<KubeObject['metadata']['ownerReferences']>[number] = { apiVersion: 'v1', kind: 'Node', name: nodeName, uid: node.metadata.uid ?? '', controller: true };
  return {
    ...manifest,
    metadata: {
      ...manifest.metadata,
      name: mirrorPodName(component, nodeName),
      annotations: {
        ...manifest.metadata.annotations,
        'kubernetes.io/config.hash': hash,
        'kubernetes.io/config.mirror': hash,
        'kubernetes.io/config.seen': seen,
        'kubernetes.io/config.source': 'file',
      },
      ownerReferences: [owner],
    },
    spec: { ...manifest.spec, containers: manifest.spec?.containers ?? [], nodeName, tolerations: [{ operator: 'Exists', effect: 'NoExecute' }] },
  } as PodObject;
}
