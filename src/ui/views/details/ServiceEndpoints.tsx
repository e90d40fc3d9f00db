import { useMemo } from 'react';
import '../services/services.css';
import { useTranslation } from 'react-i18next';
import type { KubeObject } from '../../../sim/objects';
import type { Objects } from '../../state/mirror';
import { selectObject } from '../../state/selection';
import { serviceEndpoints } from './serviceEndpoints';

const ROW_LIMIT = 200;

/** A Service's selector and endpoints (ready / not ready, pod, node) and its EndpointSlices. */
export function ServiceEndpoints({ service, objects }: { service: KubeObject; objects: Objects }) {
  const { t } = useTranslation('views');
  const m = useMemo(() => serviceEndpoints(objects, service), [objects, service]);
  const ns = service.metadata.namespace ?? 'default';
  const rows = m.rows.slice(0, ROW_LIMIT);
  return (
    <section className="ko-svc-details" data-testid="service-endpoints" aria-label={t('serviceDetails.title')}>
      <h3 className="ko-svc-details-title">{t('serviceDetails.selector')}</h3>
      {m.externalName !== undefined ? (
        <p className="ko-hint">{t('serviceDetails.externalName', { target: m.externalName })}</p>
      ) : m.selector.length ? (
        <p className="ko-svc-details-chips">
          {m.selector.map((s) => (
            <code key={s} className="ko-svc-chip" data-selector={s}>
              {s}
            </code>
          ))}
          <span className="ko-hint-inline">{t('serviceDetails.matched', { count: m.matched })}</span>
        </p>
      ) : (
        <p className="ko-hint">{t('serviceDetails.noSelector')}</p>
      )}
      {m.externalName === undefined && (
        <>
          <h3 className="ko-svc-details-title">{t('serviceDetails.title')}</h3>
          {m.rows.length === 0 ? (
            <p className="ko-hint">{t('serviceDetails.none')}</p>
          ) : (
            <div className="ko-table-scroll">
              <table className="ko-table ko-svc-endpoints">
                <thead>
                  <tr>
                    <th scope="col">{t('serviceDetails.address')}</th>
                    <th scope="col">{t('serviceDetails.ready')}</th>
                    <th scope="col">
                      {t('serviceDetails.pod')} · {t('serviceDetails.node')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={`${r.slice}|${r.address}`} data-endpoint={r.ready ? 'ready' : 'not-ready'} data-pod={r.pod ?? ''}>
                      <td className="ko-mono ko-nowrap">{r.address}</td>
                      <td className="ko-nowrap">
                        <span className={r.ready ? 'ko-ep-yes' : 'ko-ep-no'}>
                          <span aria-hidden="true">{r.ready ? '✓ ' : '◐ '}</span>
                          {r.ready ? t('serviceDetails.ready') : t('serviceDetails.notReady')}
                        </span>
                      </td>
                      <td className="ko-svc-ep-pod">
                        {r.pod ? (
                          <button type="button" className="ko-link-button" onClick={() => selectObject({ kind: 'Pod', namespace: ns, name: r.pod as string })}>
                            {r.pod}
                          </button>
                        ) : (
                          '—'
                        )}
                        <span className="ko-svc-ep-node">{r.node ?? '—'}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {m.rows.length > ROW_LIMIT && <p className="ko-hint">+{m.rows.length - ROW_LIMIT}</p>}
            </div>
          )}
          <h3 className="ko-svc-details-title">{t('serviceDetails.slices')}</h3>
          {m.slices.length ? (
            <p className="ko-svc-details-chips">
              {m.slices.map((s) => (
                <button key={s} type="button" className="ko-link-button ko-mono" onClick={() => selectObject({ kind: 'EndpointSlice', namespace: ns, name: s })}>
                  {s}
                </button>
              ))}
            </p>
          ) : (
            <p className="ko-hint">{t('serviceDetails.noSlices')}</p>
          )}
        </>
      )}
    </section>
  );
}
