import type { Container, PodTemplateSpec } from 'kubernetes-types/core/v1';
import { DescribeWriter, writeAnnotations, writeLabels, writeTolerations } from './common';

function ports(c: Container, host: boolean): string {
  return (c.ports ?? []).map((p) => `${host ? (p.hostPort ?? 0) : p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ');
}

function writeContainer(w: DescribeWriter, c: Container): void {
  w.write(0, `   ${c.name}:\n`);
  const pad = '    ';
  w.write(0, `${pad}Image:\t${c.image ?? ''}\n`);
  const p = ports(c, false);
  w.write(0, p.includes(',') ? `${pad}Ports:\t${p}\n` : `${pad}Port:\t${p || '<none>'}\n`);
  const hp = ports(c, true);
  w.write(0, hp.includes(',') ? `${pad}Host Ports:\t${hp}\n` : `${pad}Host Port:\t${hp || '<none>'}\n`);
  if (c.command?.length) {
    w.write(0, `${pad}Command:\n`);
    for (const x of c.command) w.write(0, `${pad}  ${x}\n`);
  }
  if (c.args?.length) {
    w.write(0, `${pad}Args:\n`);
    for (const x of c.args) w.write(0, `${pad}  ${x}\n`);
  }
  for (const [title, list] of [['Limits', c.resources?.limits], ['Requests', c.resources?.requests]] as const) {
    const keys = Object.keys(list ?? {}).sort();
    if (!keys.length) continue;
    w.write(0, `${pad}${title}:\n`);
    for (const k of keys) w.write(0, `${pad}  ${k}:\t${String((list as Record<string, unknown>)[k])}\n`);
  }
  const env = c.env ?? [];
  if (!env.length) w.write(0, `${pad}Environment:\t<none>\n`);
  else {
    w.write(0, `${pad}Environment:\n`);
    for (const e of env) w.write(0, `${pad}  ${e.name}:\t${e.value ?? (e.valueFrom ? '<set from a reference>' : '')}\n`);
  }
  const mounts = c.volumeMounts ?? [];
  if (!mounts.length) w.write(0, `${pad}Mounts:\t<none>\n`);
  else {
    w.write(0, `${pad}Mounts:\n`);
    for (const m of mounts) w.write(0, `${pad}  ${m.mountPath} from ${m.name} (${m.readOnly ? 'ro' : 'rw'})\n`);
  }
}

/** DescribePodTemplate: the `Pod Template:` block of describe deployment / replicaset. */
export function writePodTemplate(w: DescribeWriter, t: PodTemplateSpec | undefined): void {
  w.write(0, 'Pod Template:\n');
  if (!t) return w.write(1, '<unset>\n');
  const sub = new DescribeWriter();
  writeLabels(sub, 'Labels', t.metadata?.labels as Record<string, string> | undefined);
  if (Object.keys(t.metadata?.annotations ?? {}).length) writeAnnotations(sub, t.metadata?.annotations as Record<string, string>);
  w.text += sub.text.split('\n').map((l) => (l ? `  ${l}` : l)).join('\n');
  const spec = t.spec;
  if (spec?.serviceAccountName) w.write(1, `Service Account:\t${spec.serviceAccountName}\n`);
  if (spec?.initContainers?.length) {
    w.write(1, 'Init Containers:\n');
    for (const c of spec.initContainers) writeContainer(w, c);
  }
  w.write(1, 'Containers:\n');
  for (const c of spec?.containers ?? []) writeContainer(w, c);
  const vols = spec?.volumes ?? [];
  if (!vols.length) w.write(1, 'Volumes:\t<none>\n');
  else {
    w.write(1, 'Volumes:\n');
    for (const v of vols) {
      const type = Object.keys(v).find((k) => k !== 'name') ?? '<unknown>';
      w.write(1, `   ${v.name}:\n`);
      w.write(1, `    Type:\t${type}\n`);
    }
  }
  const sel = spec?.nodeSelector;
  const tmp = new DescribeWriter();
  writeLabels(tmp, 'Node-Selectors', sel as Record<string, string> | undefined);
  writeTolerations(tmp, 'Tolerations', spec?.tolerations);
  w.text += tmp.text.split('\n').map((l) => (l ? `  ${l}` : l)).join('\n');
}
