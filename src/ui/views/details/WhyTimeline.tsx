import { useTranslation } from 'react-i18next';
import type { ObjectRef } from '../../../sim/objects';
import { selectObject } from '../../state/selection';
import type { WhyStep } from './model';
import { translateRecord } from './recordText';

export function WhyTimeline({ steps }: { steps: WhyStep[] }) {
  const { t } = useTranslation('views');
  if (!steps.length) return <p className="ko-hint">{t('why.empty')}</p>;
  return (
    <ol className="ko-timeline" data-testid="why-timeline">
      {steps.map(({ record: r, own }, i) => (
        <li key={`${r.tick}-${i}`} className={own ? 'ko-step' : 'ko-step ko-step-owner'} data-controller={r.controller} data-action={r.action}>
          <span className="ko-step-tick" title={t('why.tickTitle', { tick: r.tick })}>
            {t('why.tick', { tick: r.tick })}
          </span>
          <span className="ko-step-dot" aria-hidden="true" />
          <div className="ko-step-body">
            <div className="ko-step-head">
              <span className="ko-controller">{r.controller}</span>
              <span className="ko-action">{t(`action.${r.action}`, { defaultValue: r.action })}</span>
              {!own && <OwnerLink target={r.target} />}
            </div>
            <p className="ko-step-text">{translateRecord(t, r)}</p>
          </div>
        </li>
      ))}
    </ol>
  );
}

function OwnerLink({ target }: { target: ObjectRef }) {
  return (
    <button type="button" className="ko-link" onClick={() => selectObject(target)}>
      {target.kind}/{target.name}
    </button>
  );
}
