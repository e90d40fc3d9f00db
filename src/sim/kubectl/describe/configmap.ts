import type { Cluster } from '../../cluster';
import type { ConfigMapObject } from '../../api/kinds/configmap';
import { base64ByteLength } from '../../api/base64';
import { DescribeWriter, eventsFor, writeAnnotations, writeEvents, writeLabels } from './common';

/** kubectl's ConfigMapDescriber: every value printed in full under its key, binary data by size. */
export function describeConfigMap(cluster: Cluster, cm: ConfigMapObject): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${cm.metadata.name}\n`);
  w.write(0, `Namespace:\t${cm.metadata.namespace ?? ''}\n`);
  writeLabels(w, 'Labels', cm.metadata.labels);
  writeAnnotations(w, cm.metadata.annotations);
  w.write(0, '\nData\n====\n');
  for (const k of Object.keys(cm.data ?? {}).sort()) {
    w.write(0, `${k}:\n----\n`);
    w.write(0, `${(cm.data ?? {})[k]}\n\n`);
  }
  w.write(0, '\nBinaryData\n====\n');
  for (const k of Object.keys(cm.binaryData ?? {}).sort()) w.write(0, `${k}: ${base64ByteLength((cm.binaryData ?? {})[k] ?? '')} bytes\n`);
  w.write(0, '\n');
  writeEvents(w, eventsFor(cluster, cm), cluster.clock.nowMillis());
  return w.text;
}
