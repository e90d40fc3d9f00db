import { settle, step, togglePlaying } from '../state/playback';
import { focusConsole } from '../console/ConsolePane';
import { applyEditor } from '../editor/applyEditor';

/** True where a key press belongs to what has focus (typing, or a control's own keys). */
function ownsKeys(el: Element | null, key: string): boolean {
  if (!el || el === document.body) return false;
  if (el.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"], .monaco-editor')) return true;
  // Space activates buttons and links: leave it to them.
  return key === ' ' && el.closest('button, a[href], [role="button"], [role="separator"]') !== null;
}

/** The app's global keys: `.` step, Space play/pause, ` console, Ctrl/Cmd+Enter apply. */
export function installShortcuts(): () => void {
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.defaultPrevented) return;
    const target = document.activeElement;
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      if (target?.closest('.editor-host')) return;
      e.preventDefault();
      void applyEditor();
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey || ownsKeys(target, e.key)) return;
    if (e.key === '.') {
      e.preventDefault();
      void step();
    } else if (e.key === ' ') {
      e.preventDefault();
      togglePlaying();
    } else if (e.key === '`') {
      e.preventDefault();
      focusConsole();
    } else if (e.key === 'S' && e.shiftKey) {
      e.preventDefault();
      void settle();
    }
  };
  window.addEventListener('keydown', onKeyDown);
  return () => window.removeEventListener('keydown', onKeyDown);
}
