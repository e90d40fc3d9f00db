import type { CronJob } from 'kubernetes-types/batch/v1';
import type { Cluster } from '../cluster';
import type { KubeObject } from '../objects';
import type { Args } from './flags';
import { flag } from './flags';
import { KubectlError, formatStatus, usage } from './errors';
import type { KubectlResult } from './types';

/**
 * `kubectl create job NAME --from=cronjob/CJ` (a manual run of a CronJob's template, owned by
 * it and annotated `cronjob.kubernetes.io/instantiate: manual`) and
 * `kubectl create job NAME --image=IMAGE [-- COMMAND...]`.
 */
export function runCreateJob(cluster: Cluster, args: Args, name: string | undefined, command: string[]): KubectlResult {
  if (!name) throw usage('NAME is required');
  const namespace = flag(args, 'namespace') ?? 'default';
  const from = flag(args, 'from');
  const image = flag(args, 'image');
  let job: KubeObject;
  if (from !== undefined) {
    const [kind, cjName] = from.split('/');
    if (!cjName || !['cronjob', 'cronjobs', 'cj', 'cronjob.batch', 'cronjobs.batch'].includes((kind ?? '').toLowerCase()))
      throw usage(`from must be an existing cronjob: ${from}`);
    const cj = cluster.store.get<CronJob & KubeObject>('cronjobs.batch', namespace, cjName);
    if (!cj) throw new KubectlError(`Error from server (NotFound): cronjobs.batch "${cjName}" not found`);
    const template = cj.spec?.jobTemplate;
    job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name,
        namespace,
        labels: { ...(template?.metadata?.labels ?? {}) },
        annotations: { 'cronjob.kubernetes.io/instantiate': 'manual', ...(template?.metadata?.annotations ?? {}) },
        // kubectl sets a controller reference without blockOwnerDeletion.
        ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: cj.metadata.name, uid: cj.metadata.uid ?? '', controller: true }],
      },
      spec: structuredClone(template?.spec ?? {}),
    };
  } else if (image !== undefined) {
    job = {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name, namespace },
      spec: { template: { spec: { containers: [{ name, image, ...(command.length ? { command } : {}) }], restartPolicy: 'Never' } } },
    };
  } else throw usage('either --image or --from must be specified');
  const res = cluster.userClient().create(job, { reason: `kubectl created Job ${name}`, code: 'record.kubectl.create', params: { kind: 'Job', name } });
  if (!res.ok) throw new KubectlError(formatStatus(res.status));
  return { stdout: `job.batch/${name} created\n`, stderr: '', exitCode: 0 };
}
