import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUi } from '../state/ui';
import { Panel } from '../shell/Panel';
import { CheckIcon, ErrorIcon, SpinnerIcon } from '../shell/icons';
import type { EditorMarker } from './buffer';
import { editorBuffer } from './buffer';
import type { ApplyOutcome, DiffOutcome } from './applyEditor';
import { applyEditor, diffEditor } from './applyEditor';
import { WorkspaceTabs } from './WorkspaceTabs';
import { DiffView } from './DiffView';
import type { MonacoHandle } from './monaco';
import './editor.css';

type Status = { kind: 'idle' } | { kind: 'applying' } | ({ kind: 'done' } & ApplyOutcome);

export function EditorPane({ onCollapse }: { onCollapse?: () => void }) {
  const { t } = useTranslation('shell');
  const { t: tw } = useTranslation('views', { keyPrefix: 'editorWorkspace' });
  const theme = useUi((s) => s.theme);
  const host = useRef<HTMLDivElement>(null);
  const handle = useRef<MonacoHandle | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [placeholderText, setPlaceholderText] = useState(() => editorBuffer.getText());
  const [markers, setMarkers] = useState<EditorMarker[]>([]);
  const [file, setFile] = useState(editorBuffer.file);
  const [files, setFiles] = useState(() => editorBuffer.list());
  const [diff, setDiff] = useState<DiffOutcome | null>(null);
  const applyRef = useRef<() => void>(() => {});

  const apply = async (part = false) => {
    if (status.kind === 'applying') return;
    const range = part ? editorBuffer.partRange() : null;
    setStatus({ kind: 'applying' });
    setDiff(null);
    try {
      setStatus({ kind: 'done', ...(await applyEditor(range ?? undefined)) });
    } catch {
      setStatus({ kind: 'done', ok: false, problems: 1 });
    }
  };
  const showDiff = async () => {
    try {
      setDiff(await diffEditor());
    } catch (e) {
      setDiff({ diff: '', error: String(e) });
    }
  };
  applyRef.current = () => void apply();

  useEffect(() => {
    let cancelled = false;
    const themeAtLoad = theme;
    // Deferred until the first paint is done, so the graph and console never wait for Monaco.
    const start = () =>
      import('./monaco').then(({ createEditor }) => {
        if (cancelled || !host.current) return;
        const h = createEditor(host.current, { text: editorBuffer.getText(), theme: themeAtLoad, ariaLabel: t('editor.textLabel'), file: editorBuffer.file });
        h.addApplyCommand(() => applyRef.current());
        h.onDidChange(() => {
          editorBuffer.noteTyped();
          setStatus((s) => (s.kind === 'done' ? { kind: 'idle' } : s));
        });
        handle.current = h;
        editorBuffer.attach(h);
        setLoaded(true);
      });
    const id = requestAnimationFrame(() => setTimeout(() => void start(), 0));
    return () => {
      cancelled = true;
      cancelAnimationFrame(id);
      editorBuffer.attach(null);
      handle.current?.dispose();
      handle.current = null;
    };
    // Monaco is created once; theme and labels are updated through the handle below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => handle.current?.setTheme(theme), [theme, loaded]);

  useEffect(
    () =>
      editorBuffer.subscribe(() => {
        setPlaceholderText(editorBuffer.getText());
        setFile(editorBuffer.file);
        setFiles(editorBuffer.list());
        setMarkers(editorBuffer.markers().filter((m) => m.owner === 'apiserver'));
      }),
    [],
  );

  const statusView =
    status.kind === 'applying' ? (
      <span className="editor-status" role="status">
        <SpinnerIcon /> {t('editor.applying')}
      </span>
    ) : status.kind === 'done' ? (
      <span className="editor-status" role="status" data-ok={status.ok}>
        {status.ok ? <CheckIcon /> : <ErrorIcon />}
        {status.ok ? t('editor.applied') : t('editor.rejected', { count: status.problems })}
      </span>
    ) : (
      <span className="editor-status" role="status" />
    );

  return (
    <Panel
      id="editor"
      title={t('panels.editor')}
      className="editor-panel"
      side="right"
      onToggle={onCollapse}
      actions={
        <>
          <button type="button" className="btn" onClick={() => void showDiff()} title={tw('diffButtonTitle')} data-testid="diff">
            {tw('diff')}
          </button>
          <button type="button" className="btn" onClick={() => void apply(true)} disabled={status.kind === 'applying'} title={tw('applyPartTitle')} data-testid="apply-part">
            {tw('applyPart')}
          </button>
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => void apply()}
            disabled={status.kind === 'applying'}
            title={t('editor.applyTitle')}
            aria-keyshortcuts="Control+Enter Meta+Enter"
            data-testid="apply"
          >
            {t('editor.apply')}
          </button>
        </>
      }
    >
      <WorkspaceTabs files={files} active={file} />
      <div className="editor-host" id="editor-body" role="tabpanel" aria-label={file} data-loaded={loaded} data-testid="editor">
        <div className="monaco-mount" ref={host} />
        {!loaded && (
          <textarea
            className="editor-placeholder"
            aria-label={t('editor.textLabel')}
            value={placeholderText}
            spellCheck={false}
            onChange={(e) => {
              setPlaceholderText(e.target.value);
              editorBuffer.noteTyped(e.target.value);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                void apply();
              }
            }}
          />
        )}
      </div>
      {diff && <DiffView text={diff.diff} error={diff.error} onClose={() => setDiff(null)} />}
      <div className="editor-statusbar">
        <span className="editor-file" title={t('editor.fileName')}>
          {file}
        </span>
        {statusView}
        <span className="editor-hint">
          <kbd>Ctrl</kbd>/<kbd>⌘</kbd>+<kbd>Enter</kbd>
        </span>
      </div>
      {!loaded && markers.length > 0 && (
        <ul className="editor-problems">
          {markers.map((m, i) => (
            <li key={i}>
              <ErrorIcon /> {m.startLineNumber}: {m.message}
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
