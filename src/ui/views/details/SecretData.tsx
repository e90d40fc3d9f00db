import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KubeObject } from '../../../sim/objects';
import { useMirror } from '../../state/useMirror';
import { secretEtcd, secretRows } from './secretData';
import './secretData.css';

const ETCD_CHARS = 1200;

/**
 * A Secret's data as stored in the object (base64) and, behind a toggle, decoded: base64 is
 * not encryption. Then what etcd holds for it: plaintext bytes, or the aescbc envelope when it
 * was written while encryption at rest was on.
 */
export function SecretData({ secret }: { secret: KubeObject }) {
  const { t } = useTranslation('views');
  const settings = useMirror((s) => s.settings);
  const [shown, setShown] = useState(false);
  const noteId = useId();
  const rows = useMemo(() => secretRows(secret), [secret]);
  const etcd = useMemo(() => secretEtcd(secret, settings), [secret, settings]);
  const state = etcd.encrypted ? 'encrypted' : 'plaintext';
  return (
    <section className="ko-secret" data-testid="secret-data" aria-label={t('secretDetails.data')}>
      <div className="ko-secret-head">
        <h3 className="ko-secret-title">{t('secretDetails.data')}</h3>
        {rows.length > 0 && (
          <button type="button" className="ko-secret-toggle" aria-pressed={shown} aria-describedby={noteId} data-testid="secret-toggle" onClick={() => setShown((v) => !v)}>
            {shown ? t('secretDetails.hide') : t('secretDetails.show')}
          </button>
        )}
      </div>
      <p className="ko-hint" id={noteId}>
        {t('secretDetails.notEncryption')}
      </p>
      {rows.length === 0 ? (
        <p className="ko-hint">{t('secretDetails.empty')}</p>
      ) : (
        <dl className="ko-secret-list">
          {rows.map((r) => (
            <div key={r.key} className="ko-secret-row" data-key={r.key}>
              <dt>
                <code>{r.key}</code>
              </dt>
              <dd>
                <span className="ko-secret-label">{t('secretDetails.base64')}</span>
                <code className="ko-secret-b64" data-testid="secret-base64">
                  {r.base64}
                </code>
              </dd>
              <dd>
                <span className="ko-secret-label">{t('secretDetails.decoded')}</span>
                <code className="ko-secret-decoded" data-testid="secret-decoded" data-shown={String(shown)}>
                  {shown ? (r.text ?? t('secretDetails.binary', { count: r.bytes })) : t('secretDetails.hidden')}
                </code>
              </dd>
            </div>
          ))}
        </dl>
      )}
      <h3 className="ko-secret-title">{t('secretDetails.etcd')}</h3>
      <p className="ko-secret-etcd-meta">
        <span className={`ko-secret-state ko-secret-${state}`} data-testid="secret-etcd-state" data-state={state}>
          {etcd.encrypted ? '🔒 ' : '⚠ '}
          {etcd.encrypted ? t('secretDetails.encrypted') : t('secretDetails.plaintext')}
        </span>{' '}
        <span className="ko-secret-etcd-key">
          {t('secretDetails.etcdKey')} <code>{etcd.key}</code>
        </span>
      </p>
      <p className="ko-hint">{etcd.encrypted ? t('secretDetails.encNote') : etcd.stale ? t('secretDetails.staleNote') : t('secretDetails.plainNote')}</p>
      <pre className="ko-secret-etcd" data-testid="secret-etcd" aria-label={t('secretDetails.bytes', { count: etcd.bytes })}>
        {etcd.text.length > ETCD_CHARS ? `${etcd.text.slice(0, ETCD_CHARS)}…` : etcd.text}
      </pre>
      <p className="ko-hint">{t('secretDetails.switchNote')}</p>
    </section>
  );
}
