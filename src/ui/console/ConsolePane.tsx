import { commandEcho } from '../../sim/kubectl/commandLine';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
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

export function ConsolePane() {
  const { t } = useTranslation('shell');
  const lines = useUi((s) => s.lines);
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  // Position while browsing history: null = editing a fresh line.
  const [cursor, setCursor] = useState<number | null>(null);
  const draft = useRef('');
  const outRef = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const el = outRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [lines]);

  useEffect(() => {
    fillInput = (line) => {
      setValue(line);
      setCursor(null);
    };
    return () => {
      fillInput = null;
    };
  }, []);

  useEffect(() => {
    if (ui.getState().lines.length === 0) ui.getState().print('info', t('console.welcome'));
  }, [t]);

  const submit = async () => {
    const line = value;
    setValue('');
    setCursor(null);
    setBusy(true);
    try {
      await runConsoleLine(line);
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const history = ui.getState().history;
    if (e.key === 'Enter') {
      e.preventDefault();
      void submit();
    } else if (e.key === 'ArrowUp' && history.length) {
      e.preventDefault();
      if (cursor === null) draft.current = value;
      const next = cursor === null ? history.length - 1 : Math.max(0, cursor - 1);
      setCursor(next);
      setValue(history[next] ?? '');
    } else if (e.key === 'ArrowDown' && cursor !== null) {
      e.preventDefault();
      const next = cursor + 1;
      if (next >= history.length) {
        setCursor(null);
        setValue(draft.current);
      } else {
        setCursor(next);
        setValue(history[next] ?? '');
      }
    } else if (e.key === 'l' && e.ctrlKey) {
      e.preventDefault();
      ui.getState().clear();
    }
  };

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
        <form
          className="console-input-row"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <label htmlFor="console-input" className="console-prompt">
            <span aria-hidden="true">$ kubectl </span>
            <span className="visually-hidden">{t('console.input')}</span>
          </label>
          <input
            id="console-input"
            className="console-input"
            value={value}
            onChange={(e) => {
              setValue(e.target.value);
              setCursor(null);
            }}
            onKeyDown={onKeyDown}
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
