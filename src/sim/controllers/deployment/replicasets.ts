import type { ReplicaSetSpec } from 'kubernetes-types/apps/v1';
import { clone, ownerRefTo } from '../../objects';
import { matchesSelector } from '../../store/labels';
import { controllerRefOf } from '../replicapods';
import type { Sync } from './state';
import type { DeploymentObject, MutableStatus, ReplicaSetObject } from './util';
import {
  DESIRED_REPLICAS,
  MAX_REPLICAS,
  POD_TEMPLATE_HASH,
  REVISION,
  REVISION_HISTORY,
  byCreation,
  condition,
  copiedAnnotations,
  equalIgnoreHash,
  maxRevision,
  maxSurge,
  newCondition,
  replicas,
  revisionOf,
  setCondition,
} from './util';
import { podTemplateHash } from './hash';
import { newRSReplicas } from './rolling';

/**
 * getReplicaSetsForDeployment: the ReplicaSets this Deployment controls, adopting orphans
 * its selector matches and releasing those it no longer matches.
 */
export function claimReplicaSets(s: Sync): void {
  const { ctx, d } = s;
  const sel = d.spec?.selector;
  const owned: ReplicaSetObject[] = [];
  for (const rs of ctx.store.list<ReplicaSetObject>('replicasets.apps', { namespace: d.metadata.namespace })) {
    const ref = controllerRefOf(rs);
    const matches = !!sel && matchesSelector(sel, rs.metadata.labels);
    if (ref) {
      if (ref.uid !== d.metadata.uid) continue;
      if (matches) owned.push(rs);
      else {
        ctx.client.update(
          { ...rs, metadata: { ...rs.metadata, ownerReferences: (rs.metadata.ownerReferences ?? []).filter((r) => r.uid !== d.metadata.uid) } },
          { reason: `ReplicaSet ${rs.metadata.name} no longer matches Deployment ${s.name}'s selector, so the Deployment releases it`, code: 'record.deployment.releaseReplicaSet', params: { deployment: s.name, replicaSet: rs.metadata.name } },
        );
      }
    } else if (matches && !rs.metadata.deletionTimestamp && !d.metadata.deletionTimestamp) {
      const res = ctx.client.update(
        { ...rs, metadata: { ...rs.metadata, ownerReferences: [...(rs.metadata.ownerReferences ?? []), ownerRefTo(d)] } },
        { reason: `ReplicaSet ${rs.metadata.name} has no controller and matches Deployment ${s.name}'s selector, so the Deployment adopts it`, code: 'record.deployment.adoptReplicaSet', params: { deployment: s.name, replicaSet: rs.metadata.name } },
      );
      if (res.ok) owned.push(res.object as ReplicaSetObject);
    }
  }
  s.rsList = owned.sort(byCreation);
}

/** FindNewReplicaSet: the oldest ReplicaSet whose template is the Deployment's. */
export function findNewRS(s: Sync): ReplicaSetObject | undefined {
  return s.rsList.find((rs) => equalIgnoreHash(rs.spec?.template, s.d.spec?.template));
}

export function oldRSs(s: Sync, newRS: ReplicaSetObject | undefined): ReplicaSetObject[] {
  return s.rsList.filter((rs) => rs !== newRS && rs.metadata.uid !== newRS?.metadata.uid);
}

function writeStatus(s: Sync, status: MutableStatus, reason: string, code: string): void {
  const res = s.ctx.client.updateStatus({ ...s.d, status }, { reason, code, params: { deployment: s.name } });
  if (res.ok) s.d = res.object as DeploymentObject;
}

/** The Deployment carries the revision of its newest ReplicaSet, so `rollout history` can show it. */
function syncDeploymentRevision(s: Sync, revision: number): void {
  if (revisionOf(s.d) === revision) return;
  const res = s.ctx.client.update(
    { ...s.d, metadata: { ...s.d.metadata, annotations: { ...s.d.metadata.annotations, [REVISION]: String(revision) } } },
    { reason: `Deployment ${s.name} is at revision ${revision}`, code: 'record.deployment.revision', params: { deployment: s.name, revision } },
  );
  if (res.ok) s.d = res.object as DeploymentObject;
}

/**
 * getNewReplicaSet: bring the new ReplicaSet's revision and annotations up to date, or
 * create it (named `<deployment>-<pod-template-hash>`) when asked to.
 */
export function syncNewRS(s: Sync, create: boolean): ReplicaSetObject | undefined {
  const existing = findNewRS(s);
  const olds = oldRSs(s, existing);
  const newRevision = maxRevision(olds) + 1;
  const d = s.d;
  if (existing) {
    const ann = { ...existing.metadata.annotations };
    const prev = revisionOf(existing);
    let changed = false;
    if (prev < newRevision) {
      if (prev > 0) ann[REVISION_HISTORY] = ann[REVISION_HISTORY] ? `${ann[REVISION_HISTORY]},${prev}` : String(prev);
      ann[REVISION] = String(newRevision);
      changed = true;
    }
    for (const [k, v] of Object.entries(copiedAnnotations(d))) {
      if (ann[k] === v) continue;
      ann[k] = v;
      changed = true;
    }
    let rs = existing;
    if (changed || (existing.spec?.minReadySeconds ?? 0) !== (d.spec?.minReadySeconds ?? 0)) {
      const next = { ...existing, metadata: { ...existing.metadata, annotations: ann }, spec: { ...(existing.spec as ReplicaSetSpec), minReadySeconds: d.spec?.minReadySeconds ?? 0 } };
      if (!next.spec.minReadySeconds) delete (next.spec as { minReadySeconds?: number }).minReadySeconds;
      const res = s.ctx.client.update(next, {
        reason: `ReplicaSet ${existing.metadata.name} has Deployment ${s.name}'s current template, so it becomes revision ${ann[REVISION]}`,
        code: 'record.deployment.newRevision',
        params: { deployment: s.name, replicaSet: existing.metadata.name, revision: ann[REVISION] ?? '' },
      });
      if (res.ok) s.replace((rs = res.object as ReplicaSetObject));
    }
    syncDeploymentRevision(s, revisionOf(rs));
    if (!condition(s.d.status, 'Progressing') && (d.spec?.progressDeadlineSeconds ?? 600) > 0) {
      const status: MutableStatus = { ...s.d.status };
      setCondition(status, newCondition('Progressing', 'True', 'FoundNewReplicaSet', `Found new replica set "${rs.metadata.name}"`, s.ctx.clock.nowRFC3339()));
      writeStatus(s, status, `Deployment ${s.name} found its new ReplicaSet ${rs.metadata.name}`, 'record.deployment.foundNewReplicaSet');
    }
    return rs;
  }
  if (!create) return undefined;
  const collisionCount = d.status?.collisionCount;
  const template = clone(d.spec?.template ?? {});
  const hash = podTemplateHash(template, collisionCount);
  const labels = { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH]: hash };
  (template as { metadata: object }).metadata = { ...template.metadata, labels };
  const sel = d.spec?.selector ?? {};
  const name = `${s.name}-${hash}`;
  const count = newRSReplicas(s.d, s.rsList, undefined);
  const rs: ReplicaSetObject = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: d.metadata.namespace,
      labels,
      annotations: {
        ...copiedAnnotations(d),
        [DESIRED_REPLICAS]: String(replicas(d)),
        [MAX_REPLICAS]: String(replicas(d) + maxSurge(d)),
        [REVISION]: String(newRevision),
      },
      ownerReferences: [ownerRefTo(d)],
    },
    spec: {
      replicas: count,
      selector: { ...sel, matchLabels: { ...(sel.matchLabels ?? {}), [POD_TEMPLATE_HASH]: hash } },
      template,
      ...(d.spec?.minReadySeconds ? { minReadySeconds: d.spec.minReadySeconds } : {}),
    },
  };
  const res = s.ctx.client.create(rs, {
    reason: `Deployment ${s.name} has a pod template no ReplicaSet runs yet, so it creates ReplicaSet ${name} (revision ${newRevision}) with ${count} replicas`,
    code: 'record.deployment.createReplicaSet',
    params: { deployment: s.name, replicaSet: name, revision: newRevision, replicas: count },
  });
  if (!res.ok) {
    if (res.status.reason === 'AlreadyExists') {
      // Same name, another template: hash again with a bumped collisionCount next sync.
      const status: MutableStatus = { ...s.d.status, collisionCount: (collisionCount ?? 0) + 1 };
      writeStatus(s, status, `ReplicaSet ${name} already exists with another template, so Deployment ${s.name} counts a hash collision`, 'record.deployment.collision');
    }
    return undefined;
  }
  const created = res.object as ReplicaSetObject;
  s.replace(created);
  if (count > 0) s.event('Normal', 'ScalingReplicaSet', `Scaled up replica set ${name} from 0 to ${count}`);
  syncDeploymentRevision(s, newRevision);
  if ((d.spec?.progressDeadlineSeconds ?? 600) > 0) {
    const status: MutableStatus = { ...s.d.status };
    setCondition(status, newCondition('Progressing', 'True', 'NewReplicaSetCreated', `Created new replica set "${name}"`, s.ctx.clock.nowRFC3339()));
    writeStatus(s, status, `Deployment ${s.name} created its new ReplicaSet ${name}`, 'record.deployment.newReplicaSetCreated');
  }
  return created;
}

/**
 * cleanupDeployment: keep only revisionHistoryLimit old ReplicaSets that are fully scaled
 * down; delete the oldest revisions beyond that.
 */
export function cleanupOldRSs(s: Sync, olds: ReplicaSetObject[]): void {
  const limit = s.d.spec?.revisionHistoryLimit ?? 10;
  const alive = olds.filter((rs) => !rs.metadata.deletionTimestamp);
  const diff = alive.length - limit;
  if (diff <= 0) return;
  const sorted = [...alive].sort((a, b) => revisionOf(a) - revisionOf(b) || byCreation(a, b));
  for (const rs of sorted.slice(0, diff)) {
    if ((rs.status?.replicas ?? 0) !== 0 || (rs.spec?.replicas ?? 0) !== 0) continue;
    if ((rs.metadata.generation ?? 0) > (rs.status?.observedGeneration ?? 0)) continue;
    s.ctx.client.delete(rs, {
      reason: `Deployment ${s.name} keeps ${limit} old ReplicaSets (revisionHistoryLimit), so it deletes ReplicaSet ${rs.metadata.name} (revision ${revisionOf(rs)})`,
      code: 'record.deployment.cleanupReplicaSet',
      params: { deployment: s.name, replicaSet: rs.metadata.name, limit, revision: revisionOf(rs) },
    });
  }
}
