import { useTranslation } from 'react-i18next';
import { useTraffic } from '../../state/traffic';
import './traffic.css';

/** On another graph tab when a request is traced: a small button that opens the Services view. */
export function TrafficNotice({ hidden, onShow }: { hidden: boolean; onShow: () => void }) {
  const { t } = useTranslation('views');
  const fresh = useTraffic((s) => s.trace !== null && s.seq > s.seen);
  if (hidden || !fresh) return null;
  return (
    <button type="button" className="ko-traffic-notice" data-testid="traffic-notice" onClick={onShow} aria-live="polite">
      <span aria-hidden="true">⇢ </span>
      {t('traffic.notice')}
    </button>
  );
}
