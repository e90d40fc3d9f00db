import type { Cluster } from '../../cluster';
import type { KubeObject } from '../../objects';
import type { ClusterRoleObject, RoleBindingObject, RoleObject } from '../../api/kinds/rbac';
import type { ServiceAccountObject } from '../../api/kinds/serviceaccount';
import { clusterRoleRules } from '../../api/authz/rbac';
import { ruleRows } from '../auth';
import { DescribeWriter, eventsFor, writeAnnotations, writeEvents, writeLabels } from './common';

function head(w: DescribeWriter, obj: KubeObject): void {
  w.write(0, `Name:\t${obj.metadata.name}\n`);
  writeLabels(w, 'Labels', obj.metadata.labels);
  writeAnnotations(w, obj.metadata.annotations);
}

/** kubectl's RoleDescriber / ClusterRoleDescriber: the rules as can-i --list prints them. */
export function describeRole(cluster: Cluster, obj: KubeObject): string {
  const w = new DescribeWriter();
  head(w, obj);
  const rules = obj.kind === 'ClusterRole' ? clusterRoleRules(cluster.store, obj as ClusterRoleObject) : ((obj as RoleObject).rules ?? []);
  w.write(0, 'PolicyRule:\n');
  w.write(1, 'Resources\tNon-Resource URLs\tResource Names\tVerbs\n');
  w.write(1, '---------\t-----------------\t--------------\t-----\n');
  for (const row of ruleRows(rules)) w.write(1, row.join('\t') + '\n');
  return w.text;
}

/** kubectl's RoleBindingDescriber / ClusterRoleBindingDescriber. */
export function describeRoleBinding(_cluster: Cluster, obj: KubeObject): string {
  const b = obj as RoleBindingObject;
  const w = new DescribeWriter();
  head(w, b);
  w.write(0, 'Role:\n');
  w.write(1, `Kind:\t${b.roleRef?.kind ?? ''}\n`);
  w.write(1, `Name:\t${b.roleRef?.name ?? ''}\n`);
  w.write(0, 'Subjects:\n');
  w.write(1, 'Kind\tName\tNamespace\n');
  w.write(1, '----\t----\t---------\n');
  for (const s of b.subjects ?? []) w.write(1, `${s.kind}\t${s.name}\t${s.namespace ?? ''}\n`);
  return w.text;
}

function writeNames(w: DescribeWriter, title: string, names: string[]): void {
  w.write(0, `${title}:\t`);
  if (!names.length) return w.write(0, '<none>\n');
  names.forEach((n, i) => w.write(0, `${i > 0 ? '\t' : ''}${n}\n`));
}

/** kubectl's ServiceAccountDescriber (no token Secrets since 1.24: Tokens stays <none>). */
export function describeServiceAccount(cluster: Cluster, obj: KubeObject): string {
  const sa = obj as ServiceAccountObject;
  const w = new DescribeWriter();
  w.write(0, `Name:\t${sa.metadata.name}\n`);
  w.write(0, `Namespace:\t${sa.metadata.namespace ?? ''}\n`);
  writeLabels(w, 'Labels', sa.metadata.labels);
  writeAnnotations(w, sa.metadata.annotations);
  writeNames(w, 'Image pull secrets', (sa.imagePullSecrets ?? []).map((r) => r.name ?? ''));
  writeNames(w, 'Mountable secrets', (sa.secrets ?? []).map((r) => r.name ?? ''));
  writeNames(w, 'Tokens', []);
  writeEvents(w, eventsFor(cluster, sa), cluster.clock.nowMillis());
  return w.text;
}
