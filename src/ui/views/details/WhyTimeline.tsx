import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { ObjectRef } from '../../../sim/objects';
import type { ReconcileRecord } from '../../../sim/controllers/types';
import { selectObject } from '../../state/selection';
import type { WhyStep } from './model';
import { recordText } from '../../i18n';

export interface WhyTimelineProps {
  steps: WhyStep[];
  /** Controlling owners, outermost first: drawn as a clickable path above the timeline. */
  owners?: ObjectRef[];
  /** The object the panel shows, the end of the path. */
  self?: ObjectRef;
}

export function WhyTimeline({ steps, owners = [], self }: WhyTimelineProps) {
  const { t } = useTranslation('views');
  return (
    <>
      {owners.length > 0 && self && (
        <nav className="ko-owner-path" aria-label={t('why.ownerPath')} data-testid="why-owner-path">
          {owners.map((o) => (
            <Fragment key={`${o.kind}/${o.name}`}>
              <ObjectLink target={o} />
              <span className="ko-owner-path-sep" aria-hidden="true">
                →
              </span>
            </Fragment>
          ))}
          <span className="ko-owner-path-self" aria-current="true">
            {self.kind}/{self.name}
          </span>
        </nav>
      )}
      {!steps.length ? (
        <p className="ko-hint">{t('why.empty')}</p>
      ) : (
        <ol className="ko-timeline" data-testid="why-timeline">
          {steps.map(({ record: r, own }, i) => (
            <li key={`${r.tick}-${i}`} className={own ? 'ko-step' : 'ko-step ko-step-owner'} data-controller={r.controller} data-action={r.action} data-target-kind={r.target.kind} data-target-name={r.target.name}>
              <span className="ko-step-tick" title={t('why.tickTitle', { tick: r.tick })}>
                {t('why.tick', { tick: r.tick })}
              </span>
              <span className="ko-step-dot" aria-hidden="true" />
              <div className="ko-step-body">
                <div className="ko-step-head">
                  <span className="ko-controller">{r.controller}</span>
                  <span className="ko-action">{t(`action.${r.action}`, { defaultValue: r.action })}</span>
                  {!own && <ObjectLink target={r.target} />}
                  {own && boundNode(r) && <ObjectLink target={{ kind: 'Node', name: boundNode(r) as string }} />}
                </div>
                <p className="ko-step-text">{recordText(t, r)}</p>
              </div>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

/** The node a scheduler bind record names, so the learner can jump to it. */
function boundNode(r: ReconcileRecord): string | undefined {
  const node = r.action === 'bind' ? r.params?.node : undefined;
  return typeof node === 'string' && node ? node : undefined;
}

function ObjectLink({ target }: { target: ObjectRef }) {
  return (
    <button type="button" className="ko-link" data-link-kind={target.kind} data-link-name={target.name} onClick={() => selectObject(target)}>
      {target.kind}/{target.name}
    </button>
  );
}
