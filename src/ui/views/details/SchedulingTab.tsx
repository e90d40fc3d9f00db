import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KubeObject } from '../../../sim/objects';
import { keyOf } from '../../../sim/objects';
import { podScheduling } from './model';
import { SchedulingTable, type SchedulingTableProps } from './SchedulingTable';

export interface SchedulingResultLike extends SchedulingTableProps {
  tick?: number;
  message?: string;
}

export type FetchScheduling = (podKey: string) => Promise<SchedulingResultLike | null>;

/**
 * Where the pod went and why: its node and PodScheduled condition from the object itself,
 * plus the scheduler's per-node filter/score table when the worker can provide one.
 */
export function SchedulingTab({ pod, fetchScheduling }: { pod: KubeObject; fetchScheduling?: FetchScheduling }) {
  const { t } = useTranslation('views');
  const { node, condition } = podScheduling(pod);
  const [result, setResult] = useState<SchedulingResultLike | null>(null);
  const key = keyOf(pod);
  // Ask again when the pod's scheduling state changes (bound, or a new failed attempt).
  const attempt = `${node}|${condition?.status ?? ''}|${condition?.message ?? ''}|${condition?.lastTransitionTime ?? ''}`;
  useEffect(() => {
    if (!fetchScheduling) return;
    let alive = true;
    fetchScheduling(key)
      .then((r) => {
        if (alive) setResult(r);
      })
      .catch(() => {
        if (alive) setResult(null);
      });
    return () => {
      alive = false;
    };
  }, [fetchScheduling, key, attempt]);

  return (
    <div className="ko-sched" data-testid="details-scheduling">
      <dl className="ko-facts">
        <dt>{t('scheduling.assigned')}</dt>
        <dd className="ko-mono" data-node={node}>
          {node || <span className="ko-muted">{t('scheduling.notYet')}</span>}
        </dd>
        <dt>PodScheduled</dt>
        <dd>
          {condition ? (
            <>
              <span className={condition.status === 'True' ? 'ko-badge ko-badge-ok' : 'ko-badge ko-badge-warning'}>{condition.status}</span>
              {condition.reason && <span className="ko-mono"> {condition.reason}</span>}
              {condition.message && <p className="ko-cond-message">{condition.message}</p>}
            </>
          ) : (
            <span className="ko-muted">{t('scheduling.noCondition')}</span>
          )}
        </dd>
      </dl>
      {result && result.nodes.length > 0 ? (
        <>
          <h4 className="ko-subhead">{t('scheduling.tableTitle')}</h4>
          {result.message && <p className="ko-cond-message">{result.message}</p>}
          <SchedulingTable nodes={result.nodes} {...(result.chosen ? { chosen: result.chosen } : {})} />
        </>
      ) : (
        <p className="ko-hint">{t('scheduling.tablePending')}</p>
      )}
    </div>
  );
}
