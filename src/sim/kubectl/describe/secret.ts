import type { SecretObject } from '../../api/kinds/secret';
import { base64ByteLength, textOfBase64 } from '../../api/base64';
import { DescribeWriter, writeAnnotations, writeLabels } from './common';

/**
 * kubectl's SecretDescriber: sizes only (`password:  11 bytes`), never the values — except a
 * service account token, which kubectl prints. `get -o yaml` shows the base64 anyway.
 */
export function describeSecret(s: SecretObject): string {
  const w = new DescribeWriter();
  w.write(0, `Name:\t${s.metadata.name}\n`);
  w.write(0, `Namespace:\t${s.metadata.namespace ?? ''}\n`);
  writeLabels(w, 'Labels', s.metadata.labels);
  writeAnnotations(w, s.metadata.annotations);
  w.write(0, `\nType:\t${s.type ?? ''}\n`);
  w.write(0, '\nData\n====\n');
  const data = (s.data ?? {}) as Record<string, string>;
  for (const k of Object.keys(data).sort()) {
    const v = data[k] ?? '';
    if (k === 'token' && s.type === 'kubernetes.io/service-account-token') w.write(0, `${k}:\t${textOfBase64(v) ?? ''}\n`);
    else w.write(0, `${k}:\t${base64ByteLength(v)} bytes\n`);
  }
  return w.text;
}
