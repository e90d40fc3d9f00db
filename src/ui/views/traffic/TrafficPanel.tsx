import { useEffect, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrafficHop, TrafficTrace } from '../../../sim/network/types';
import { traffic, useTraffic } from '../../state/traffic';
import './traffic.css';

type T = (key: string, opts?: Record<string, unknown>) => string;

/** A sentence from the sim in the learner's language: its code when translated, its English text otherwise. */
function said(t: T, code: string | undefined, params: Record<string, string | number> | undefined, text: string): string {
  if (!code) return text;
  return t(code, { ...params, ns: ['shell', 'views'], defaultValue: text });
}

/** What a hop pill names: the node for kube-proxy and the overlay (where it happened), else the object. */
function refName(h: TrafficHop): string {
  if ((h.kind === 'kube-proxy' || h.kind === 'overlay' || h.kind === 'node-port') && h.node) return h.node;
  return h.ref?.name ?? h.node ?? '';
}

/** Where and why the request stopped, for a failed trace. */
export function failureText(trace: TrafficTrace, t: T): string {
  const outcome = t(`traffic.outcome.${trace.outcome}`, { status: trace.status ?? '' });
  const p = trace.policy;
  if (p && (trace.outcome === 'denied' || trace.outcome === 'timeout')) return `${outcome}: ${said(t, p.code, p.params, p.reason)}`;
  return outcome;
}

export function servedByKey(trace: TrafficTrace): string {
  const s = trace.servedBy;
  return s ? `${s.namespace ?? 'default'}/${s.name}` : '';
}

/**
 * The traced request as a chain of hops (client → Service → kube-proxy → [overlay] → pod)
 * with a packet moving along it, and the same hops as a numbered caption that screen readers
 * get. A failed request stops at its hop with ✕ and the reason. CSS does the motion, so
 * prefers-reduced-motion simply shows every hop lit.
 */
export function TrafficPanel() {
  const { t } = useTranslation('views');
  const trace = useTraffic((s) => s.trace);
  const seq = useTraffic((s) => s.seq);
  useEffect(() => {
    traffic.getState().markSeen();
  }, [seq]);
  if (!trace) return null;
  const ok = trace.outcome === 'ok';
  const last = trace.hops.length - 1;
  const verdict = ok ? t('traffic.outcome.ok', { status: trace.status ?? 200, pod: trace.servedBy?.name ?? '' }) : failureText(trace, t as T);
  return (
    <section
      key={seq}
      className={`ko-traffic ${ok ? 'ko-traffic-ok' : 'ko-traffic-failed'}`}
      data-testid="traffic"
      data-outcome={trace.outcome}
      data-served-by={servedByKey(trace)}
      aria-label={t('traffic.label')}
      style={{ '--hops': trace.hops.length } as CSSProperties}
    >
      <header className="ko-traffic-head">
        <span className="ko-traffic-title">{t('traffic.title')}</span>
        <code className="ko-traffic-request">{trace.request}</code>
        <span className={`ko-traffic-verdict ${ok ? 'ko-traffic-verdict-ok' : 'ko-traffic-verdict-fail'}`} data-testid="traffic-verdict">
          <span aria-hidden="true">{ok ? '✓ ' : '✕ '}</span>
          {verdict}
        </span>
        <button type="button" className="ko-traffic-close" onClick={() => traffic.getState().dismiss()} aria-label={t('traffic.dismiss')} title={t('traffic.dismiss')}>
          ×
        </button>
      </header>
      <ol className="ko-traffic-hops" aria-hidden="true">
        {trace.hops.map((h, i) => {
          const failed = !ok && i === last;
          return (
            <li key={i} className={`ko-hop ko-hop-${h.kind}${failed ? ' ko-hop-failed' : ''}`} style={{ '--i': i } as CSSProperties} data-hop={h.kind}>
              {i > 0 && <span className="ko-hop-link" />}
              <span className="ko-hop-pill" title={said(t as T, h.code, h.params, h.text)}>
                <span className="ko-hop-kind">{t(`traffic.hop.${h.kind}`)}</span>
                {refName(h) && <span className="ko-hop-name">{refName(h)}</span>}
                {failed && <span className="ko-hop-x">✕</span>}
              </span>
            </li>
          );
        })}
      </ol>
      <ol className="ko-traffic-caption" aria-live="polite">
        {trace.hops.map((h, i) => (
          <li key={i} className={!ok && i === last ? 'ko-caption-failed' : undefined}>
            {said(t as T, h.code, h.params, h.text)}
          </li>
        ))}
        {!ok && <li className="ko-caption-failed">✕ {verdict}</li>}
      </ol>
    </section>
  );
}
