import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceFile } from './buffer';
import { editorBuffer, validFileName } from './buffer';
import { TEMPLATES } from './templates';

/**
 * The workspace's files as a tablist (WAI-ARIA tabs: arrow keys move between tabs, Home/End,
 * F2 renames, Delete closes), each with a close button, and a "New file" menu of templates.
 */
export function WorkspaceTabs({ files, active }: { files: WorkspaceFile[]; active: string }) {
  const { t } = useTranslation('views', { keyPrefix: 'editorWorkspace' });
  const [renaming, setRenaming] = useState<string | null>(null);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState(false);
  const tabs = useRef(new Map<string, HTMLButtonElement>());
  const focusNext = useRef<string | null>(null);

  useEffect(() => {
    if (focusNext.current) tabs.current.get(focusNext.current)?.focus();
    focusNext.current = null;
  });

  const openAndFocus = (name: string) => {
    focusNext.current = name;
    editorBuffer.open(name);
  };

  const onKeyDown = (e: KeyboardEvent, i: number, name: string) => {
    const go = (j: number) => {
      const f = files[(j + files.length) % files.length];
      if (f) openAndFocus(f.name);
    };
    if (e.key === 'ArrowRight') go(i + 1);
    else if (e.key === 'ArrowLeft') go(i - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(files.length - 1);
    else if (e.key === 'F2') startRename(name);
    else if (e.key === 'Delete') editorBuffer.close(name);
    else return;
    e.preventDefault();
  };

  const startRename = (name: string) => {
    setRenaming(name);
    setDraft(name);
    setError(false);
  };

  const commitRename = () => {
    if (!renaming) return;
    const to = draft.trim();
    if (to === renaming || editorBuffer.rename(renaming, to)) {
      focusNext.current = to;
      setRenaming(null);
    } else setError(true);
  };

  return (
    <div className="editor-tabs">
      <div role="tablist" aria-label={t('files')} className="editor-tablist">
        {files.map((f, i) =>
          renaming === f.name ? (
            <span key={f.name} className="editor-tab" data-active={f.name === active}>
              <input
                className="editor-rename"
                aria-label={t('renameLabel', { name: f.name })}
                aria-invalid={error}
                title={error ? t('renameInvalid') : undefined}
                value={draft}
                autoFocus
                spellCheck={false}
                onChange={(e) => {
                  setDraft(e.target.value);
                  setError(!validFileName(e.target.value.trim()));
                }}
                onBlur={() => setRenaming(null)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') commitRename();
                  if (e.key === 'Escape') {
                    focusNext.current = f.name;
                    setRenaming(null);
                  }
                }}
              />
            </span>
          ) : (
            <span key={f.name} className="editor-tab" data-active={f.name === active}>
              <button
                type="button"
                role="tab"
                ref={(el) => {
                  if (el) tabs.current.set(f.name, el);
                  else tabs.current.delete(f.name);
                }}
                aria-selected={f.name === active}
                aria-controls="editor-body"
                tabIndex={f.name === active ? 0 : -1}
                title={t('tabTitle')}
                className="editor-tab-name"
                data-file={f.name}
                onClick={() => editorBuffer.open(f.name)}
                onDoubleClick={() => startRename(f.name)}
                onKeyDown={(e) => onKeyDown(e, i, f.name)}
              >
                {f.name}
              </button>
              <button type="button" className="editor-tab-close" tabIndex={-1} aria-label={t('closeFile', { name: f.name })} title={t('closeFile', { name: f.name })} onClick={() => editorBuffer.close(f.name)}>
                ×
              </button>
            </span>
          ),
        )}
      </div>
      <button type="button" className="btn btn-ghost editor-tab-action" onClick={() => startRename(active)} aria-label={t('renameLabel', { name: active })}>
        {t('rename')}
      </button>
      <select
        className="editor-new"
        aria-label={t('newFile')}
        value=""
        onChange={(e) => {
          const kind = e.target.value;
          const tpl = TEMPLATES.find((x) => x.kind === kind);
          const name = tpl ? editorBuffer.add(tpl.file, tpl.text) : editorBuffer.add('untitled.yaml', '');
          focusNext.current = name;
        }}
      >
        <option value="" disabled>
          {t('newFile')}
        </option>
        <option value="blank">{t('blankFile')}</option>
        {TEMPLATES.map((tpl) => (
          <option key={tpl.kind} value={tpl.kind}>
            {tpl.kind}
          </option>
        ))}
      </select>
    </div>
  );
}
