import { useTranslation } from 'react-i18next';
import { ageOf, type EventLike } from './model';

/** The Events section of `kubectl describe`: Type, Reason, Age, Message (with From). */
export function EventsTable({ events, tick }: { events: EventLike[]; tick: number }) {
  const { t } = useTranslation('views');
  if (!events.length) return <p className="ko-hint">{t('events.empty')}</p>;
  return (
    <table className="ko-table ko-events" data-testid="details-events">
      <thead>
        <tr>
          <th scope="col">{t('events.type')}</th>
          <th scope="col">{t('events.reason')}</th>
          <th scope="col">{t('events.age')}</th>
          <th scope="col">{t('events.message')}</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e) => {
          const last = e.lastTimestamp ?? e.firstTimestamp;
          const count = e.count ?? 1;
          const age = count > 1 ? t('events.repeated', { age: ageOf(last, tick), count, first: ageOf(e.firstTimestamp, tick) }) : ageOf(last, tick);
          return (
            <tr key={e.metadata.name} className={e.type === 'Warning' ? 'ko-warning' : ''} data-reason={e.reason}>
              <td>
                <span className={e.type === 'Warning' ? 'ko-badge ko-badge-warning' : 'ko-badge'}>{e.type === 'Warning' ? '⚠ ' : ''}{e.type}</span>
              </td>
              <td className="ko-mono">{e.reason}</td>
              <td className="ko-nowrap">{age}</td>
              <td>
                {e.message}
                {/* kubectl's From column, under the message: the panel is too narrow for five columns. */}
                <span className="ko-event-from">
                  {t('events.from')}: {e.source?.component ?? e.reportingComponent ?? ''}
                  {e.source?.host ? `, ${e.source.host}` : ''}
                </span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
