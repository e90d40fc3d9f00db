import type { Pod } from 'kubernetes-types/core/v1';
import { Cluster } from '../cluster';
import type { KubeObject } from '../objects';
import { formatRFC3339 } from '../clock';

/** A bootstrapped cluster with no controllers, so tests can place objects as they please. */
export function quietCluster(): Cluster {
  const c = new Cluster({ seed: 7 }, []).bootstrap();
  c.drainDelta();
  return c;
}

/** Seconds since the sim epoch as an RFC 3339 timestamp. */
export function at(cluster: Cluster, seconds: number): string {
  return formatRFC3339(cluster.clock.epoch + seconds * 1000);
}

/** Puts a pod straight into the store, as if the control plane had got it this far. */
export function putPod(cluster: Cluster, name: string, status: Pod['status'], extra: { node?: string; labels?: Record<string, string>; createdAt?: number; namespace?: string; deleting?: boolean } = {}): KubeObject {
  const pod: Pod & KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: extra.namespace ?? 'default',
      uid: `uid-${name}`,
      creationTimestamp: at(cluster, extra.createdAt ?? 0),
      ...(extra.labels ? { labels: extra.labels } : {}),
      ...(extra.deleting ? { deletionTimestamp: at(cluster, 500), deletionGracePeriodSeconds: 30 } : {}),
    },
    spec: { containers: [{ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80, protocol: 'TCP' }] }], ...(extra.node ? { nodeName: extra.node } : {}) },
    status,
  };
  return cluster.store.create('pods', pod);
}

export function running(cluster: Cluster, ip: string, startedAt = 3): Pod['status'] {
  return {
    phase: 'Running',
    hostIP: '172.18.0.3',
    podIP: ip,
    podIPs: [{ ip }],
    startTime: at(cluster, 1),
    qosClass: 'BestEffort',
    conditions: [
      { type: 'PodReadyToStartContainers', status: 'True' },
      { type: 'Initialized', status: 'True' },
      { type: 'Ready', status: 'True' },
      { type: 'ContainersReady', status: 'True' },
      { type: 'PodScheduled', status: 'True' },
    ],
    containerStatuses: [
      {
        name: 'web',
        image: 'docker.io/library/nginx:1.27',
        imageID: 'docker.io/library/nginx@sha256:0000',
        containerID: 'containerd://abc123',
        ready: true,
        started: true,
        restartCount: 0,
        state: { running: { startedAt: at(cluster, startedAt) } },
      },
    ],
  };
}

export const noFiles = () => undefined;
