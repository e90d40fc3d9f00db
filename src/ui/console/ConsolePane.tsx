import { commandEcho } from '../../sim/kubectl/commandLine';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ClipboardEvent, KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import { complete } from '../../sim/kubectl/complete';
import type { CompletionSource } from '../../sim/kubectl/complete';
import { storageKey } from '../../sim/api/resources';
import { mirror } from '../state/mirror';
import { persistHistory, reverseSearch } from './history';
import { splitInput } from './input';
import type { ConsoleCommand } from './input';
import { consoleWatch, stopWatch } from './watchState';
import { useTranslation } from 'react-i18next';
import { ui, useUi } from '../state/ui';
import { Panel } from '../shell/Panel';
import { runConsoleLine } from './runCommand';
import './console.css';

/** Focuses the console input (the backquote shortcut). */
export function focusConsole(): void {
  document.getElementById('console-input')?.focus();
}

let fillInput: ((line: string) => void) | null = null;

/** Puts a line at the prompt without running it (lessons suggest commands this way). */
export function fillConsole(line: string): void {
  fillInput?.(line);
  focusConsole();
}

/** Object names for Tab, from the UI's mirror of the cluster. */
const mirrorNames: CompletionSource = {
  names(type, namespace) {
    const out: string[] = [];
    for (const o of mirror.getState().objects[storageKey(type)]?.values() ?? []) if (!type.namespaced || o.metadata.namespace === namespace) out.push(o.metadata.name);
    return out;
  },
};

interface Search {
  query: string;
  /** The history entry shown, -1 when nothing matches. */
  index: number;
  /** The line being edited before Ctrl+R, restored by Esc. */
  draft: string;
}

export function ConsolePane() {
  const { t } = useTranslation('shell');
  const lines = useUi((s) => s.lines);
  const watching = useStore(consoleWatch, (s) => s.active);
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  // Position while browsing history: null = editing a fresh line.
  const [cursor, setCursor] = useState<number | null>(null);
  const [search, setSearch] = useState<Search | null>(null);
  // Candidates listed by a second Tab (bash's double Tab), until the next key.
  const [listed, setListed] = useState<string[]>([]);
  const lastTab = useRef<string | null>(null);
  const draft = useRef('');
  const outRef = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const el = outRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [lines]);

  useEffect(() => persistHistory(), []);

  useEffect(() => {
    fillInput = (line) => {
      setValue(line);
      setCursor(null);
      setSearch(null);
    };
    return () => {
      fillInput = null;
    };
  }, []);

  useEffect(() => {
    if (ui.getState().lines.length === 0) ui.getState().print('info', t('console.welcome'));
  }, [t]);

  const runAll = async (commands: ConsoleCommand[]) => {
    setBusy(true);
    try {
      for (const c of commands) await runConsoleLine(c.line, c.stdin, c.raw);
    } finally {
      setBusy(false);
    }
  };

  const submit = (text: string): boolean => {
    const split = splitInput(text, true);
    // An open heredoc or a trailing backslash: Enter continues the command on a new line.
    if (split.rest.trim()) return false;
    setValue('');
    setCursor(null);
    setListed([]);
    void runAll(split.commands.length ? split.commands : []);
    return true;
  };

  const searchFor = (query: string, from: number, prevDraft: string) => {
    const history = ui.getState().history;
    const index = reverseSearch(history, query, from);
    setSearch({ query, index, draft: prevDraft });
    if (index >= 0 && query) setValue(history[index] ?? '');
  };

  const onSearchKey = (e: KeyboardEvent<HTMLTextAreaElement>, s: Search): void => {
    const history = ui.getState().history;
    if (e.key === 'r' && e.ctrlKey) {
      e.preventDefault();
      searchFor(s.query, (s.index < 0 ? history.length : s.index) - 1, s.draft);
    } else if (e.key === 'Escape' || (e.key === 'g' && e.ctrlKey) || (e.key === 'c' && e.ctrlKey)) {
      e.preventDefault();
      setSearch(null);
      setValue(s.draft);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      setSearch(null);
      if (s.index >= 0) submit(history[s.index] ?? '');
    } else if (e.key === 'Backspace') {
      e.preventDefault();
      searchFor(s.query.slice(0, -1), history.length - 1, s.draft);
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      searchFor(s.query + e.key, s.index < 0 ? history.length - 1 : s.index, s.draft);
    } else if (!['Shift', 'Control', 'Alt', 'Meta'].includes(e.key)) {
      // Any other key (arrows, Tab, Home ...) keeps the found line for editing, as bash does.
      setSearch(null);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (search) return onSearchKey(e, search);
    const history = ui.getState().history;
    const el = e.currentTarget;
    const caret = el.selectionStart;
    if (e.key !== 'Tab') {
      lastTab.current = null;
      if (listed.length && !['Shift', 'Control', 'Alt', 'Meta'].includes(e.key)) setListed([]);
    }
    const firstLineEnd = value.indexOf('\n') < 0 ? value.length : value.indexOf('\n');
    if (e.key === 'Enter' && !e.shiftKey) {
      if (submit(value)) e.preventDefault();
    } else if (e.key === 'Tab' && !e.shiftKey && value.trim() && caret === value.length) {
      e.preventDefault();
      const c = complete(value, mirrorNames);
      if (c.line !== value) {
        setValue(c.line);
        setCursor(null);
      } else if (c.candidates.length > 1 && lastTab.current === value) setListed(c.candidates);
      lastTab.current = c.line;
    } else if (e.key === 'ArrowUp' && history.length && caret <= firstLineEnd) {
      e.preventDefault();
      if (cursor === null) draft.current = value;
      const next = cursor === null ? history.length - 1 : Math.max(0, cursor - 1);
      setCursor(next);
      setValue(history[next] ?? '');
    } else if (e.key === 'ArrowDown' && cursor !== null && caret >= value.lastIndexOf('\n') + 1) {
      e.preventDefault();
      const next = cursor + 1;
      if (next >= history.length) {
        setCursor(null);
        setValue(draft.current);
      } else {
        setCursor(next);
        setValue(history[next] ?? '');
      }
    } else if (e.key === 'r' && e.ctrlKey) {
      e.preventDefault();
      searchFor('', history.length - 1, value);
    } else if (e.key === 'c' && e.ctrlKey && el.selectionStart === el.selectionEnd) {
      // Ctrl+C with nothing selected interrupts, as in a terminal; with a selection it copies.
      e.preventDefault();
      if (consoleWatch.getState().active) stopWatch();
      else if (value) {
        ui.getState().print('input', value + '^C');
        setValue('');
        setCursor(null);
      }
    } else if (e.key === 'l' && e.ctrlKey) {
      e.preventDefault();
      ui.getState().clear();
    }
  };

  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    const pasted = e.clipboardData.getData('text');
    if (!pasted.includes('\n')) return;
    e.preventDefault();
    const el = e.currentTarget;
    const full = value.slice(0, el.selectionStart) + pasted + value.slice(el.selectionEnd);
    // Several pasted lines run one after another; an unfinished last one waits at the prompt.
    const split = splitInput(full, false);
    setValue(split.rest);
    setCursor(null);
    if (split.commands.length) void runAll(split.commands);
  };

  const history = ui.getState().history;
  const found = search && search.query && search.index >= 0 ? history[search.index] : undefined;

  return (
    <Panel
      id="console"
      title={t('console.title')}
      className="console-panel"
      actions={
        <>
          <span className="hint">
            <kbd>`</kbd> {t('console.focusHint')}
          </span>
          <button type="button" className="btn btn-ghost" onClick={() => ui.getState().clear()} title={t('console.clearTitle')}>
            {t('console.clear')}
          </button>
        </>
      }
    >
      <div className="console" onClick={(e) => (e.target === e.currentTarget ? focusConsole() : undefined)}>
        <div className="console-output" ref={outRef} role="log" aria-label={t('console.output')} aria-live="polite" data-testid="console-output">
          {lines.map((l) =>
            l.stream === 'input' ? (
              <pre key={l.id} className="console-line" data-stream="input">
                <span className="console-prompt" aria-hidden="true">
                  ${' '}
                </span>
                {commandEcho(l.text)}
              </pre>
            ) : (
              <pre key={l.id} className="console-line" data-stream={l.stream}>
                {l.stream === 'stderr' && (
                  <span className="console-err-mark" aria-label={t('console.errorPrefix')} role="img">
                    ✖{' '}
                  </span>
                )}
                {l.text}
              </pre>
            ),
          )}
        </div>
        {watching && (
          <div className="console-watch" role="status">
            <span>{t('console.watching', { what: watching.resource })}</span>
            <button type="button" className="btn btn-ghost" onClick={() => stopWatch()}>
              {t('console.stopWatch')}
            </button>
          </div>
        )}
        {listed.length > 0 && (
          <div className="console-completions" role="status" aria-label={t('console.completions')} data-testid="console-completions">
            {listed.map((c) => (
              <span key={c}>{c}</span>
            ))}
          </div>
        )}
        <form
          className="console-input-row"
          onSubmit={(e) => {
            e.preventDefault();
            submit(value);
          }}
        >
          <label htmlFor="console-input" className="console-prompt">
            {search ? (
              <span className="console-search" role="status" aria-label={t('console.search')} data-testid="console-search">
                {search.index < 0 && search.query ? '(failed reverse-i-search)' : '(reverse-i-search)'}`{search.query}':{' '}
              </span>
            ) : (
              <span aria-hidden="true">$ kubectl </span>
            )}
            <span className="visually-hidden">{t('console.input')}</span>
          </label>
          <textarea
            id="console-input"
            className="console-input"
            value={search ? (found ?? '') : value}
            rows={Math.min(8, value.split('\n').length)}
            onChange={(e) => {
              setValue(e.target.value);
              setCursor(null);
              setSearch(null);
            }}
            onKeyDown={onKeyDown}
            onPaste={onPaste}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            aria-busy={busy}
            title={t('console.historyHint')}
            data-testid="console-input"
          />
        </form>
      </div>
    </Panel>
  );
}
