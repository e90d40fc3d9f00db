import type { DaemonSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { Cluster } from '../cluster';
import type { KubeObject } from '../objects';
import type { Args } from './flags';
import { flag } from './flags';
import { KubectlError, formatStatus, usage } from './errors';
import { kindPrefix } from './resolve';
import { resolveTargets } from './target';
import type { Target } from './target';
import { describeWrite } from './tabwriter';
import { DescribeWriter } from './describe/common';
import { writePodTemplate } from './describe/podtemplate';
import type { DeploymentObject, ReplicaSetObject } from '../controllers/deployment/util';
import { CHANGE_CAUSE, condition, equalIgnoreHash, revisionOf, templateWithoutHash } from '../controllers/deployment/util';
import type { KubectlResult } from './types';

/** What kubectl prints when it would keep watching; the sim never blocks, so it says so instead. */
export const NOT_WAITING =
  'Kube Orchestra does not wait here: the cluster only moves when it ticks. Run "tick" (or "settle") and ask again.\n';

function deploymentOnly(t: Target, sub: string): DeploymentObject {
  if (t.type.kind !== 'Deployment') throw usage(`Kube Orchestra's "rollout ${sub}" supports deployments; ${t.type.plural} are not supported yet`);
  return t.object as DeploymentObject;
}

function ownedRSs(cluster: Cluster, d: DeploymentObject): ReplicaSetObject[] {
  return cluster.store
    .list<ReplicaSetObject>('replicasets.apps', { namespace: d.metadata.namespace })
    .filter((rs) => rs.metadata.ownerReferences?.some((r) => r.controller && r.uid === d.metadata.uid));
}

/**
 * kubectl's DeploymentStatusViewer, one look: the line kubectl would print first. kubectl
 * then keeps watching until the rollout is done; here the learner steps the clock instead.
 */
export function deploymentRolloutStatus(d: DeploymentObject): Viewed {
  const name = d.metadata.name;
  const st = d.status ?? {};
  if ((d.metadata.generation ?? 0) > (st.observedGeneration ?? 0)) return { text: 'Waiting for deployment spec update to be observed...\n', done: false };
  if (condition(st, 'Progressing')?.reason === 'ProgressDeadlineExceeded') return { text: '', done: false, error: `deployment "${name}" exceeded its progress deadline` };
  const want = d.spec?.replicas ?? 1;
  const updated = st.updatedReplicas ?? 0;
  if (updated < want) return { text: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${want} new replicas have been updated...\n`, done: false };
  if ((st.replicas ?? 0) > updated)
    return { text: `Waiting for deployment "${name}" rollout to finish: ${(st.replicas ?? 0) - updated} old replicas are pending termination...\n`, done: false };
  if ((st.availableReplicas ?? 0) < updated)
    return { text: `Waiting for deployment "${name}" rollout to finish: ${st.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`, done: false };
  return { text: `deployment "${name}" successfully rolled out\n`, done: true };
}

type Viewed = { text: string; done: boolean; error?: string };

/** kubectl's DaemonSetStatusViewer. */
export function daemonSetRolloutStatus(ds: DaemonSet & KubeObject): Viewed {
  const name = ds.metadata.name;
  if (ds.spec?.updateStrategy?.type !== 'RollingUpdate') return { text: '', done: false, error: 'rollout status is only available for RollingUpdate strategy type' };
  const st = ds.status;
  if ((ds.metadata.generation ?? 0) > (st?.observedGeneration ?? 0)) return { text: 'Waiting for daemon set spec update to be observed...\n', done: false };
  const desired = st?.desiredNumberScheduled ?? 0;
  const updated = st?.updatedNumberScheduled ?? 0;
  if (updated < desired) return { text: `Waiting for daemon set "${name}" rollout to finish: ${updated} out of ${desired} new pods have been updated...\n`, done: false };
  if ((st?.numberAvailable ?? 0) < desired) return { text: `Waiting for daemon set "${name}" rollout to finish: ${st?.numberAvailable ?? 0} of ${desired} updated pods are available...\n`, done: false };
  return { text: `daemon set "${name}" successfully rolled out\n`, done: true };
}

/** kubectl's StatefulSetStatusViewer (a defaulted RollingUpdate always has a partition, hence its wording). */
export function statefulSetRolloutStatus(sts: StatefulSet & KubeObject): Viewed {
  const strategy = sts.spec?.updateStrategy;
  if (strategy?.type !== 'RollingUpdate') return { text: '', done: false, error: 'rollout status is only available for RollingUpdate strategy type' };
  const st = sts.status;
  if (!st?.observedGeneration || (sts.metadata.generation ?? 0) > st.observedGeneration) return { text: 'Waiting for statefulset spec update to be observed...\n', done: false };
  const want = sts.spec?.replicas ?? 1;
  if ((st.readyReplicas ?? 0) < want) return { text: `Waiting for ${want - (st.readyReplicas ?? 0)} pods to be ready...\n`, done: false };
  const updated = st.updatedReplicas ?? 0;
  if (strategy.rollingUpdate) {
    const partition = strategy.rollingUpdate.partition ?? 0;
    if (updated < want - partition) return { text: `Waiting for partitioned roll out to finish: ${updated} out of ${want - partition} new pods have been updated...\n`, done: false };
    return { text: `partitioned roll out complete: ${updated} new pods have been updated...\n`, done: true };
  }
  if (st.updateRevision !== st.currentRevision) return { text: `waiting for statefulset rolling update to complete ${updated} pods at revision ${st.updateRevision ?? ''}...\n`, done: false };
  return { text: `statefulset rolling update complete ${st.currentReplicas ?? 0} pods at revision ${st.currentRevision ?? ''}...\n`, done: true };
}

function status(t: Target, args: Args): KubectlResult {
  let r: Viewed;
  if (t.type.kind === 'DaemonSet') r = daemonSetRolloutStatus(t.object as DaemonSet & KubeObject);
  else if (t.type.kind === 'StatefulSet') r = statefulSetRolloutStatus(t.object as StatefulSet & KubeObject);
  else r = deploymentRolloutStatus(deploymentOnly(t, 'status'));
  if (r.error) throw usage(r.error);
  const watch = flag(args, 'watch') !== 'false';
  return { stdout: r.text, stderr: r.done || !watch ? '' : NOT_WAITING, exitCode: 0 };
}

function history(cluster: Cluster, t: Target, args: Args): KubectlResult {
  const d = deploymentOnly(t, 'history');
  const rss = ownedRSs(cluster, d).filter((rs) => revisionOf(rs) > 0);
  const head = `${kindPrefix(t.type)}/${d.metadata.name}`;
  const want = flag(args, 'revision');
  if (want !== undefined && want !== '0') {
    const rs = rss.find((x) => String(revisionOf(x)) === want);
    if (!rs) throw usage(`unable to find the specified revision`);
    const w = new DescribeWriter();
    writePodTemplate(w, rs.spec?.template);
    return { stdout: `${head} with revision #${want}\n${describeWrite(w.text)}\n`, stderr: '', exitCode: 0 };
  }
  if (!rss.length) return { stdout: `${head} \nNo rollout history found.\n`, stderr: '', exitCode: 0 };
  const rows = rss
    .sort((a, b) => revisionOf(a) - revisionOf(b))
    .map((rs) => `${revisionOf(rs)}\t${rs.metadata.annotations?.[CHANGE_CAUSE] || '<none>'}\n`)
    .join('');
  return { stdout: `${head} \n${describeWrite(`REVISION\tCHANGE-CAUSE\n${rows}`)}\n`, stderr: '', exitCode: 0 };
}

function write(cluster: Cluster, t: Target, next: KubeObject, what: string): void {
  const res = cluster.userClient().update(next, {
    reason: `kubectl rollout ${what} ${t.type.kind} ${next.metadata.name}`,
    code: `record.kubectl.rollout`,
    params: { verb: what, kind: t.type.kind, name: next.metadata.name },
  });
  if (!res.ok) throw new KubectlError(formatStatus(res.status));
}

/** kubectl's DeploymentRollbacker: copy the chosen revision's pod template back into the Deployment. */
function undo(cluster: Cluster, t: Target, args: Args): string {
  const d = deploymentOnly(t, 'undo');
  const name = d.metadata.name;
  const prefix = `${kindPrefix(t.type)}/${name}`;
  if (d.spec?.paused) throw usage(`you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/${name}' and try again`);
  const to = parseInt(flag(args, 'to-revision') ?? '0', 10);
  const rss = ownedRSs(cluster, d);
  let target: ReplicaSetObject | undefined;
  if (to > 0) {
    target = rss.find((rs) => revisionOf(rs) === to);
    if (!target) throw usage(`unable to find specified revision ${to} in history`);
  } else {
    let max = 0;
    let prev = 0;
    for (const rs of rss) {
      const v = revisionOf(rs);
      if (v > max) [prev, max] = [max, v];
      else if (v > prev && v < max) prev = v;
    }
    if (prev === 0) throw usage(`no rollout history found for deployment "${name}"`);
    target = rss.find((rs) => revisionOf(rs) === prev);
  }
  if (!target) throw usage(`no rollout history found for deployment "${name}"`);
  if (equalIgnoreHash(target.spec?.template, d.spec?.template)) return `${prefix} skipped rollback (current template already matches revision ${revisionOf(target)})\n`;
  const annotations = { ...d.metadata.annotations };
  const cause = target.metadata.annotations?.[CHANGE_CAUSE];
  if (cause) annotations[CHANGE_CAUSE] = cause;
  else delete annotations[CHANGE_CAUSE];
  write(cluster, t, { ...d, metadata: { ...d.metadata, annotations }, spec: { ...d.spec, template: templateWithoutHash(target.spec?.template) } }, 'undo');
  return `${prefix} rolled back\n`;
}

function pauseResume(cluster: Cluster, t: Target, pause: boolean): string {
  const d = deploymentOnly(t, pause ? 'pause' : 'resume');
  const prefix = `${kindPrefix(t.type)}/${d.metadata.name}`;
  const q = `${t.type.plural}.${t.type.group}`;
  if (!!d.spec?.paused === pause) throw usage(`${q} "${d.metadata.name}" is ${pause ? 'already paused' : 'not paused'}`);
  const spec = { ...d.spec, paused: pause } as NonNullable<DeploymentObject['spec']>;
  if (!pause) delete (spec as { paused?: boolean }).paused;
  write(cluster, t, { ...d, spec }, pause ? 'pause' : 'resume');
  return `${prefix} ${pause ? 'paused' : 'resumed'}\n`;
}

/** `rollout restart`: a new template annotation, so the controller replaces every pod (Deployment, StatefulSet, DaemonSet). */
function restart(cluster: Cluster, t: Target): string {
  if (!['Deployment', 'StatefulSet', 'DaemonSet'].includes(t.type.kind)) throw usage(`${t.type.plural} "${t.object.metadata.name}" restarting is not supported`);
  const o = t.object as KubeObject & { spec?: { paused?: boolean; template?: { metadata?: { annotations?: Record<string, string> } } } };
  if (o.spec?.paused) throw usage(`${t.type.plural}.${t.type.group} "${o.metadata.name}" can't restart paused deployment (run rollout resume first)`);
  const tpl = o.spec?.template ?? {};
  const annotations = { ...tpl.metadata?.annotations, 'kubectl.kubernetes.io/restartedAt': cluster.clock.nowRFC3339() };
  write(cluster, t, { ...o, spec: { ...o.spec, template: { ...tpl, metadata: { ...tpl.metadata, annotations } } } }, 'restart');
  return `${kindPrefix(t.type)}/${o.metadata.name} restarted\n`;
}

/** `kubectl rollout status|history|undo|pause|resume|restart TYPE/NAME`. */
export function runRollout(cluster: Cluster, args: Args): KubectlResult {
  const [sub, ...words] = args.positional;
  const subs = ['history', 'pause', 'restart', 'resume', 'status', 'undo'];
  if (!sub || !subs.includes(sub)) throw usage(sub ? `unknown command "${sub}" for "kubectl rollout"` : 'You must specify a subcommand: history, pause, restart, resume, status or undo');
  const targets = resolveTargets(cluster, args, words, `rollout ${sub}`);
  if (sub === 'status') {
    if (targets.length !== 1) throw usage('rollout status is only supported on individual resources and resource collections are not supported yet');
    return status(targets[0] as Target, args);
  }
  if (sub === 'history') return history(cluster, targets[0] as Target, args);
  let stdout = '';
  for (const t of targets) {
    if (sub === 'undo') stdout += undo(cluster, t, args);
    else if (sub === 'pause' || sub === 'resume') stdout += pauseResume(cluster, t, sub === 'pause');
    else stdout += restart(cluster, t);
  }
  return { stdout, stderr: '', exitCode: 0 };
}
