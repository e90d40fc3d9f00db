import { useTranslation } from 'react-i18next';

/** One node's row in the scheduler's filter/score table (the sim's NodeResult shape). */
export interface SchedulingNodeRow {
  node: string;
  passed: boolean;
  reasons: string[];
  /** Plugin name → weighted score, for nodes that passed every filter. */
  scores?: Record<string, number>;
  total?: number;
}

export interface SchedulingTableProps {
  nodes: SchedulingNodeRow[];
  chosen?: string;
}

/**
 * "Why this node?": every node, whether it passed the filters (and if not, the filter's
 * message), its per-plugin scores, and which one the scheduler chose.
 */
export function SchedulingTable({ nodes, chosen }: SchedulingTableProps) {
  const { t } = useTranslation('views');
  const plugins = [...new Set(nodes.flatMap((n) => Object.keys(n.scores ?? {})))].sort();
  return (
    <table className="ko-table ko-sched-table" data-testid="scheduling-table">
      <thead>
        <tr>
          <th scope="col">{t('scheduling.node')}</th>
          <th scope="col">{t('scheduling.filter')}</th>
          {plugins.map((p) => (
            <th scope="col" key={p} className="ko-num">
              {p}
            </th>
          ))}
          <th scope="col" className="ko-num">
            {t('scheduling.total')}
          </th>
        </tr>
      </thead>
      <tbody>
        {nodes.map((n) => {
          const isChosen = n.node === chosen;
          return (
            <tr key={n.node} className={isChosen ? 'ko-chosen' : n.passed ? '' : 'ko-filtered'} data-node={n.node} data-passed={String(n.passed)}>
              <th scope="row">
                {n.node}
                {isChosen && <span className="ko-badge ko-badge-accent">{t('scheduling.chosen')}</span>}
              </th>
              <td>
                {n.passed ? (
                  <span className="ko-verdict ko-ph-running">✓ {t('scheduling.passed')}</span>
                ) : (
                  <span className="ko-verdict ko-ph-failed">
                    ✕ {n.reasons.length ? n.reasons.join('; ') : t('scheduling.failed')}
                  </span>
                )}
              </td>
              {plugins.map((p) => (
                <td key={p} className="ko-num">
                  {n.scores?.[p] ?? '—'}
                </td>
              ))}
              <td className="ko-num">{n.total ?? '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
