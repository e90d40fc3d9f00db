import { useTranslation } from 'react-i18next';

/**
 * `kubectl diff`'s output, one line per row: the +/- prefix stays visible (colour is not
 * the only signal), with a word for screen readers.
 */
export function DiffView({ text, error, onClose }: { text: string; error: string; onClose: () => void }) {
  const { t } = useTranslation('views', { keyPrefix: 'editorWorkspace' });
  const lines = text.replace(/\n$/, '').split('\n');
  return (
    <section className="editor-diff" aria-label={t('diffTitle')} data-testid="editor-diff">
      <div className="editor-diff-header">
        <h3>{t('diffTitle')}</h3>
        <button type="button" className="btn btn-ghost" onClick={onClose}>
          {t('diffClose')}
        </button>
      </div>
      {error ? (
        <pre className="editor-diff-error">{error}</pre>
      ) : !text ? (
        <p className="editor-diff-none">{t('diffNone')}</p>
      ) : (
        <pre className="editor-diff-body">
          {lines.map((l, i) => {
            const kind = l.startsWith('+++') || l.startsWith('---') || l.startsWith('diff ') ? 'file' : l.startsWith('@@') ? 'hunk' : l.startsWith('+') ? 'add' : l.startsWith('-') ? 'del' : 'ctx';
            return (
              <div key={i} className="editor-diff-line" data-kind={kind}>
                {kind === 'add' && <span className="visually-hidden">{t('diffAdded')} </span>}
                {kind === 'del' && <span className="visually-hidden">{t('diffRemoved')} </span>}
                {l}
              </div>
            );
          })}
        </pre>
      )}
    </section>
  );
}
