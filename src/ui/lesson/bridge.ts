import { createStore } from 'zustand/vanilla';
import type { LastResult, Lesson } from '../../lessons/types';

/**
 * The lesson panel's only link to the editor, the console and the worker. The shell
 * registers handlers; the panel calls them. Neither side imports the other.
 */
export interface LessonBridgeHandlers {
  /** Put a lesson file into the editor (the learner edits and applies it). */
  loadEditor(file: string, yaml: string): void;
  /** Type a kubectl line into the console's prompt without running it. */
  fillConsole(line: string): void;
  /** Replace the cluster with the lesson's start scenario (a `reset` message to the worker). */
  resetCluster(scenario: Lesson['scenario']): void;
}

interface BridgeState {
  /** The learner's most recent apply or kubectl answer, reported by the shell. */
  lastResult: LastResult | undefined;
  /** Which handlers are registered, so the panel can disable buttons that would do nothing. */
  available: Record<keyof LessonBridgeHandlers, boolean>;
}

export const bridgeState = createStore<BridgeState>(() => ({
  lastResult: undefined,
  available: { loadEditor: false, fillConsole: false, resetCluster: false },
}));

let handlers: Partial<LessonBridgeHandlers> = {};

function refreshAvailable(): void {
  bridgeState.setState({
    available: { loadEditor: !!handlers.loadEditor, fillConsole: !!handlers.fillConsole, resetCluster: !!handlers.resetCluster },
  });
}

export const lessonBridge = {
  /** Registers some or all handlers; returns a function that removes exactly those. */
  register(next: Partial<LessonBridgeHandlers>): () => void {
    handlers = { ...handlers, ...next };
    refreshAvailable();
    return () => {
      for (const key of Object.keys(next) as (keyof LessonBridgeHandlers)[]) {
        if (handlers[key] === next[key]) delete handlers[key];
      }
      refreshAvailable();
    };
  },
  /** Returns false when no editor is registered. */
  loadEditor(file: string, yaml: string): boolean {
    if (!handlers.loadEditor) return false;
    handlers.loadEditor(file, yaml);
    return true;
  },
  fillConsole(line: string): boolean {
    if (!handlers.fillConsole) return false;
    handlers.fillConsole(line);
    return true;
  },
  resetCluster(scenario: Lesson['scenario']): boolean {
    bridgeState.setState({ lastResult: undefined });
    if (!handlers.resetCluster) return false;
    handlers.resetCluster(scenario);
    return true;
  },
  /**
   * The shell calls this after every editor Apply (`command: 'apply -f FILE'`) and every
   * console line, so goals can read what the API server answered.
   */
  reportResult(result: LastResult): void {
    bridgeState.setState({ lastResult: result });
  },
};
