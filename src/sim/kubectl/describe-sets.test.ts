import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import { createCluster } from '../cluster';
import type { KubeObject } from '../objects';
import { runKubectl } from './run';

const CORPUS = resolve(__dirname, '../../../../shared/corpus/k8s-website-examples');
const files = (n: string) => readFileSync(resolve(CORPUS, n), 'utf8');

/** The lines from `from` up to (not including) `to`: the blocks this describer owns, byte for byte. */
function block(text: string, from: string, to: string): string {
  const lines = text.split('\n');
  const a = lines.findIndex((l) => l.startsWith(from));
  const b = lines.findIndex((l, i) => i > a && l.startsWith(to));
  return lines.slice(a, b).join('\n');
}

describe('kubectl describe statefulset / daemonset', () => {
  it('statefulset web (application/web/web.yaml): header, strategy, pods, pod template, volume claims, events', () => {
    const c = createCluster({ seed: 3, nodes: 2 });
    expect(runKubectl(c, 'apply -f application/web/web.yaml', files).exitCode).toBe(0);
    c.runUntilSettled();
    const r = runKubectl(c, 'describe statefulset web', files);
    expect(r.stderr).toBe('');
    expect(block(r.stdout, 'Name:', 'Pods Status:')).toBe(
      [
        'Name:               web',
        'Namespace:          default',
        'CreationTimestamp:  Thu, 01 Jan 2026 09:00:00 +0000',
        'Selector:           app=nginx',
        'Labels:             <none>',
        'Annotations:        <none>',
        'Replicas:           2 desired | ' + String(c.store.get<StatefulSet & KubeObject>('statefulsets.apps', 'default', 'web')?.status?.replicas ?? 0) + ' total',
        'Update Strategy:    RollingUpdate',
        '  Partition:        0',
      ].join('\n'),
    );
    expect(r.stdout).toMatch(/\nPods Status:        \d+ Running \/ \d+ Waiting \/ 0 Succeeded \/ 0 Failed\nPod Template:\n  Labels:  app=nginx\n  Containers:\n   nginx:\n    Image:        registry.k8s.io\/nginx-slim:0.7\n/);
    expect(block(r.stdout, 'Volume Claims:', 'Events:')).toBe(
      ['Volume Claims:', '  Name:          www', '  StorageClass:  ', '  Labels:        <none>', '  Annotations:   <none>', '  Capacity:      1Gi', '  Access Modes:  [ReadWriteOnce]'].join('\n'),
    );
    expect(r.stdout).toMatch(/\nEvents:\n  Type    Reason            Age   From                    Message\n/);
    expect(r.stdout).toContain('statefulset-controller  create Pod web-0 in StatefulSet web successful');
  });

  it('statefulset without claim templates says <none>; OnDelete has no Partition line', () => {
    const c = createCluster({ seed: 3, nodes: 1 });
    const yaml = files('application/web/web.yaml')
      .replace(/  volumeClaimTemplates:[\s\S]*$/, '')
      .replace(/        volumeMounts:\n        - name: www\n          mountPath: \/usr\/share\/nginx\/html\n/, '')
      .replace('  serviceName: "nginx"\n', '  serviceName: "nginx"\n  updateStrategy:\n    type: OnDelete\n');
    expect(runKubectl(c, 'apply -f web.yaml', () => yaml).stderr).toBe('');
    c.runUntilSettled();
    const out = runKubectl(c, 'describe sts web', files).stdout;
    expect(out).toContain('\nUpdate Strategy:    OnDelete\nPods Status:        2 Running / 0 Waiting / 0 Succeeded / 0 Failed\n');
    // One tab block with the pod template above it, so Go's tabwriter pads it to that column.
    expect(out).toMatch(/\n  Tolerations: +<none>\nVolume Claims: +<none>\nEvents:\n/);
  });

  it('daemonset fluentd-elasticsearch (controllers/daemonset.yaml): node counts outside the aligned column, as kubectl writes them', () => {
    const c = createCluster({ seed: 3, nodes: 2 });
    expect(runKubectl(c, 'apply -f controllers/daemonset.yaml', files).exitCode).toBe(0);
    c.runUntilSettled();
    const r = runKubectl(c, 'describe ds fluentd-elasticsearch -n kube-system', files);
    expect(r.stderr).toBe('');
    expect(block(r.stdout, 'Name:', '  Containers:')).toBe(
      [
        'Name:           fluentd-elasticsearch',
        'Namespace:      kube-system',
        'Selector:       name=fluentd-elasticsearch',
        'Node-Selector:  <none>',
        'Labels:         k8s-app=fluentd-logging',
        'Annotations:    deprecated.daemonset.template.generation: 1',
        'Desired Number of Nodes Scheduled: 2',
        'Current Number of Nodes Scheduled: 2',
        'Number of Nodes Scheduled with Up-to-date Pods: 2',
        'Number of Nodes Scheduled with Available Pods: 2',
        'Number of Nodes Misscheduled: 0',
        'Pods Status:  2 Running / 0 Waiting / 0 Succeeded / 0 Failed',
        'Pod Template:',
        '  Labels:  name=fluentd-elasticsearch',
      ].join('\n'),
    );
    expect(r.stdout).toMatch(/\nEvents:\n  Type    Reason            Age   From                  Message\n  ----    ------            ----  ----                  -------\n  Normal  SuccessfulCreate  \S+ +daemonset-controller  Created pod: fluentd-elasticsearch-\w{5}\n/);
  });

  it('daemonset with a nodeSelector prints it on Node-Selector as labels.FormatLabels does', () => {
    const c = createCluster({ seed: 3, nodes: 2 });
    const yaml = files('controllers/daemonset.yaml').replace(/^(\s+)containers:/m, '$1nodeSelector:\n$1  kubernetes.io/os: linux\n$1  kubernetes.io/arch: amd64\n$1containers:');
    expect(runKubectl(c, 'apply -f ds.yaml', () => yaml).stderr).toBe('');
    c.runUntilSettled();
    const out = runKubectl(c, 'describe daemonset fluentd-elasticsearch -n kube-system', files).stdout;
    expect(out).toContain('\nNode-Selector:  kubernetes.io/arch=amd64,kubernetes.io/os=linux\n');
    expect(out).toContain('\n  Node-Selectors:  kubernetes.io/arch=amd64\n                   kubernetes.io/os=linux\n');
  });
});
