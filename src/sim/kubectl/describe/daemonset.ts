import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Cluster } from '../../cluster';
import type { KubeObject } from '../../objects';
import { formatLabelSelector } from '../printers/workloads';
import { DescribeWriter, eventsFor, writeEvents, writeAnnotations, writeLabels } from './common';
import { writePodTemplate } from './podtemplate';
import { podsStatusLine } from './workloadpods';

type DaemonSetObject = DaemonSet & KubeObject;

/** labels.FormatLabels: sorted k=v pairs joined by commas, `<none>` when empty. */
function formatLabels(m: Record<string, string> | undefined): string {
  const keys = Object.keys(m ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${(m as Record<string, string>)[k]}`).join(',') : '<none>';
}

/**
 * `kubectl describe daemonset`, laid out as kubectl's DaemonSetDescriber does. The node counts are
 * written with a space, not a tab, in kubectl too, so they stay out of the aligned column.
 */
export function describeDaemonSet(cluster: Cluster, ds: DaemonSetObject): string {
  const w = new DescribeWriter();
  const st = ds.status;
  w.write(0, `Name:\t${ds.metadata.name}\n`);
  w.write(0, `Namespace:\t${ds.metadata.namespace ?? ''}\n`);
  w.write(0, `Selector:\t${formatLabelSelector(ds.spec?.selector)}\n`);
  w.write(0, `Node-Selector:\t${formatLabels(ds.spec?.template?.spec?.nodeSelector)}\n`);
  writeLabels(w, 'Labels', ds.metadata.labels);
  writeAnnotations(w, ds.metadata.annotations);
  w.write(0, `Desired Number of Nodes Scheduled: ${st?.desiredNumberScheduled ?? 0}\n`);
  w.write(0, `Current Number of Nodes Scheduled: ${st?.currentNumberScheduled ?? 0}\n`);
  w.write(0, `Number of Nodes Scheduled with Up-to-date Pods: ${st?.updatedNumberScheduled ?? 0}\n`);
  w.write(0, `Number of Nodes Scheduled with Available Pods: ${st?.numberAvailable ?? 0}\n`);
  w.write(0, `Number of Nodes Misscheduled: ${st?.numberMisscheduled ?? 0}\n`);
  w.write(0, podsStatusLine(cluster, ds));
  writePodTemplate(w, ds.spec?.template);
  writeEvents(w, eventsFor(cluster, ds), cluster.clock.nowMillis());
  return w.text;
}
