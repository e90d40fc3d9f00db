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
  return (
    <div className="ko-table-scroll">
    <table className="ko-table ko-sched-table" data-testid="scheduling-table">
      <thead>
        <tr>
          <th scope="col">{t('scheduling.node')}</th>
          <th scope="col">
            {t('scheduling.filter')} · {t('scheduling.scores')}
          </th>
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
              {n.passed ? (
                <>
                  {/* Verdict and scores share a cell so the table fits the narrow details panel. */}
                  <td>
                    <span className="ko-verdict ko-ph-running">✓ {t('scheduling.passed')}</span>
                    {n.scores && Object.keys(n.scores).length > 0 && (
                      <dl className="ko-scores">
                        {Object.entries(n.scores).map(([plugin, score]) => (
                          <div key={plugin}>
                            <dt title={plugin}>{plugin}</dt>
                            <dd>{score}</dd>
                          </div>
                        ))}
                      </dl>
                    )}
                  </td>
                  <td className="ko-num">{n.total ?? '—'}</td>
                </>
              ) : (
                // A filtered-out node is never scored: its reason gets the whole row.
                <td colSpan={2}>
                  <span className="ko-verdict ko-ph-failed">✕ {n.reasons.length ? n.reasons.join('; ') : t('scheduling.failed')}</span>
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
    </div>
  );
}
