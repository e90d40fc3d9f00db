import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { messagesOfTick, type ArchMessage } from '../../../sim/trace';
import type { ReconcileRecord } from '../../../sim/controllers/types';
import { useRecentDeltas, type RecentDelta } from '../../state/recentDeltas';
import { useMirror } from '../../state/useMirror';
import { selectObject } from '../../state/selection';
import { recordText } from '../../i18n';
import { runConsoleLine } from '../../console/runCommand';
import { ArchDiagram } from './diagram';
import { layoutArchitecture } from './layout';
import { nextWorkerName, workerNames } from './nodes';
import '../views.css';
import './architecture.css';

/** Messages drawn in the list per delta; stepping still walks every one. */
const LIST_LIMIT = 200;

interface Traced {
  serial: number;
  tick: number;
  messages: ArchMessage[];
  records: readonly ReconcileRecord[];
}

function traceAll(deltas: readonly RecentDelta[]): Traced[] {
  return deltas.map(({ serial, delta }) => ({ serial, tick: delta.tick, messages: messagesOfTick(delta, { idPrefix: `${serial}:` }), records: delta.records }));
}

/**
 * The control plane and the workers as boxes with their components, and the messages the last
 * few deltas really carried (derived on demand from the deltas the UI already received), one
 * at a time: ←/→ or the buttons step, a click selects the message's object.
 */
export function ArchitectureView() {
  const { t, i18n } = useTranslation('views');
  const { t: tShell } = useTranslation('shell');
  const deltas = useRecentDeltas((s) => s.deltas);
  const nodesMap = useMirror((s) => s.objects.nodes);
  // The Map is updated in place; its version says when it moved.
  const nodesVersion = useMirror((s) => s.versions.nodes);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const workers = useMemo(() => workerNames(nodesMap ? [...nodesMap.values()] : []), [nodesMap, nodesVersion]);
  const traced = useMemo(() => traceAll(deltas), [deltas]);
  const all = useMemo(() => traced.flatMap((x) => x.messages), [traced]);
  const latest = traced[traced.length - 1];
  const [activeId, setActiveId] = useState<string | null>(null);
  const [width, setWidth] = useState(800);
  const hostRef = useRef<HTMLDivElement>(null);
  const diagramRef = useRef<ArchDiagram | null>(null);
  const listBoxRef = useRef<HTMLDivElement>(null);

  // A new delta: start at its first message.
  const latestSerial = latest?.serial;
  useEffect(() => {
    setActiveId(latest?.messages[0]?.id ?? null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [latestSerial]);

  const index = all.findIndex((m) => m.id === activeId);
  const active = index >= 0 ? (all[index] as ArchMessage) : null;
  const activeRecord = active && active.record !== undefined ? traced.find((x) => active.id.startsWith(`${x.serial}:`))?.records[active.record] : undefined;

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const d = new ArchDiagram(host, t);
    diagramRef.current = d;
    const ro = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width;
      if (w) setWidth(Math.floor(w));
    });
    ro.observe(host);
    setWidth(host.clientWidth || 800);
    return () => {
      ro.disconnect();
      d.destroy();
      diagramRef.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const focusNodes = useMemo(() => (active?.node ? [active.node] : []), [active?.node]);
  const layout = useMemo(() => layoutArchitecture(workers, width, focusNodes), [workers, width, focusNodes]);
  useEffect(() => {
    diagramRef.current?.setTranslate(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [i18n.language]);
  useEffect(() => diagramRef.current?.draw(layout), [layout]);
  useEffect(() => {
    diagramRef.current?.show(active);
    // Scroll only the list (scrollIntoView would also scroll the graph panel and hide its tabs).
    const list = listBoxRef.current;
    const el = list?.querySelector<HTMLElement>('[aria-current="step"]');
    if (list && el && (el.offsetTop < list.scrollTop || el.offsetTop + el.offsetHeight > list.scrollTop + list.clientHeight)) list.scrollTop = Math.max(0, el.offsetTop - list.clientHeight / 3);
  }, [active]);

  const step = (by: number) => {
    if (!all.length) return;
    const next = Math.min(all.length - 1, Math.max(0, (index < 0 ? 0 : index) + by));
    setActiveId((all[next] as ArchMessage).id);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const el = e.target as HTMLElement;
    if (el.closest('input, textarea, select, [contenteditable="true"]')) return;
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      e.preventDefault();
      step(e.key === 'ArrowRight' ? 1 : -1);
    }
  };

  const open = (m: ArchMessage) => {
    setActiveId(m.id);
    if (m.ref) selectObject(m.ref);
  };

  const hop = (m: ArchMessage) => `${m.from}${m.from === 'kubelet' && m.node ? ` (${m.node})` : ''} → ${m.to}${m.to !== 'kube-apiserver' && m.to !== 'etcd' && m.to !== 'kube-controller-manager' && m.to !== 'kube-scheduler' && m.to !== 'coredns' ? ` (${m.node ?? t('architecture.everyNode')})` : ''}`;
  const say = (m: ArchMessage) => t(m.code, { ...m.params, defaultValue: m.text });

  return (
    <section className="ko-views ko-arch" aria-label={t('architecture.label')} data-testid="architecture-view" onKeyDown={onKeyDown}>
      <div className="ko-arch-toolbar">
        <button type="button" className="ko-arch-step" aria-label={t('architecture.prev')} title={t('architecture.prev')} aria-disabled={index <= 0} onClick={() => step(-1)}>
          ←
        </button>
        <span className="ko-arch-position" data-testid="architecture-position">
          {all.length ? t('architecture.position', { n: index + 1, total: all.length }) : t('architecture.none')}
        </span>
        <button type="button" className="ko-arch-step" aria-label={t('architecture.next')} title={t('architecture.next')} aria-disabled={index >= all.length - 1} onClick={() => step(1)}>
          →
        </button>
        <span className="ko-arch-hint">{t('architecture.keysHint')}</span>
        <span className="ko-arch-spacer" />
        <button type="button" className="ko-arch-add" onClick={() => void runConsoleLine(`node add ${nextWorkerName(nodesMap ? [...nodesMap.keys()] : [])}`)}>
          {t('architecture.addNode')}
        </button>
      </div>
      {active && (
        <div className="ko-arch-current" aria-live="polite" data-testid="architecture-current" data-message-kind={active.kind} data-from={active.from} data-to={active.to}>
          <span className="ko-arch-kind">{t(`architecture.kind.${active.kind}`)}</span>
          <span className="ko-arch-hop">{hop(active)}</span>
          <span className="ko-arch-say">{say(active)}</span>
          {activeRecord && (
            <span className="ko-arch-why">
              <span className="ko-arch-key">{t('architecture.why')}</span> {recordText(tShell, activeRecord)}
            </span>
          )}
        </div>
      )}
      <div className="ko-arch-body">
        <div className="ko-arch-diagram" ref={hostRef} />
        <div className="ko-arch-list" ref={listBoxRef} aria-label={t('architecture.messages')} role="region">
          {!traced.length && <p className="ko-arch-empty">{t('architecture.empty')}</p>}
          {traced.map((group) => (
            <div key={group.serial} className="ko-arch-group" data-tick={group.tick}>
              <h3>{t('architecture.tick', { tick: group.tick, count: group.messages.length })}</h3>
              <ol>
                {group.messages.slice(0, LIST_LIMIT).map((m) => (
                  <li key={m.id}>
                    <button type="button" className="ko-arch-item" data-message-kind={m.kind} data-from={m.from} data-to={m.to} data-node={m.node} aria-current={m.id === activeId ? 'step' : undefined} onClick={() => open(m)}>
                      <span className="ko-arch-seq">{m.seq}</span>
                      <span className="ko-arch-hop">{hop(m)}</span>
                      <span className="ko-arch-say">{say(m)}</span>
                    </button>
                  </li>
                ))}
              </ol>
              {group.messages.length > LIST_LIMIT && <p className="ko-arch-more">{t('architecture.moreMessages', { count: group.messages.length - LIST_LIMIT })}</p>}
            </div>
          ))}
        </div>
      </div>
      <div className="ko-arch-nodes" aria-label={t('architecture.workers')} role="group">
        {workers.slice(0, 12).map((n) => (
          <span key={n} className="ko-arch-node-chip" data-node={n}>
            {n}
            <button type="button" className="ko-arch-remove" aria-label={t('architecture.removeNode', { node: n })} title={t('architecture.removeNode', { node: n })} onClick={() => void runConsoleLine(`node remove ${n}`)}>
              ×
            </button>
          </span>
        ))}
        {workers.length > 12 && <span className="ko-arch-node-chip">{t('architecture.moreNodes', { count: workers.length - 12 })}</span>}
      </div>
    </section>
  );
}
