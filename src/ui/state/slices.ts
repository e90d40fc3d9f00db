import type { StateCreator } from 'zustand/vanilla';
import type { ObjectRef } from '../../sim/objects';

export type Speed = 1 | 2 | 4 | 8;
export const SPEEDS: Speed[] = [1, 2, 4, 8];

export interface PlaybackSlice {
  playing: boolean;
  /** Ticks per second while playing. */
  speed: Speed;
  /** A settle request is in flight. */
  settling: boolean;
  /** What the last tick/settle reply said: nothing left to reconcile. */
  settled: boolean;
  setPlaying(playing: boolean): void;
  setSpeed(speed: Speed): void;
  setSettling(settling: boolean): void;
  setSettled(settled: boolean): void;
}

export type Selection = ObjectRef | null;

export interface SelectionSlice {
  selection: Selection;
  select(ref: Selection): void;
}

export type ConsoleStream = 'input' | 'stdout' | 'stderr' | 'info';
export interface ConsoleLine {
  id: number;
  stream: ConsoleStream;
  text: string;
}

export interface ConsoleSlice {
  lines: ConsoleLine[];
  /** Commands entered, oldest first, for Up/Down. */
  history: string[];
  print(stream: ConsoleStream, text: string): void;
  remember(command: string): void;
  clear(): void;
}

export type Language = 'ko' | 'en';
export type Theme = 'light' | 'dark';
export type PanelId = 'lesson' | 'side' | 'log';

export interface PreferencesSlice {
  language: Language;
  theme: Theme;
  collapsed: Record<PanelId, boolean>;
  /** Pixel sizes of the resizable panels. */
  sizes: { lesson: number; side: number; log: number };
  setLanguage(language: Language): void;
  setTheme(theme: Theme): void;
  toggleCollapsed(panel: PanelId): void;
  setSize(panel: PanelId, px: number): void;
}

export type UiState = PlaybackSlice & SelectionSlice & ConsoleSlice & PreferencesSlice;
type Slice<T> = StateCreator<UiState, [], [], T>;

const CONSOLE_LIMIT = 2000;
const HISTORY_LIMIT = 200;
let lineId = 0;

export const playbackSlice: Slice<PlaybackSlice> = (set) => ({
  playing: false,
  speed: 1,
  settling: false,
  settled: false,
  setPlaying: (playing) => set({ playing }),
  setSpeed: (speed) => set({ speed }),
  setSettling: (settling) => set({ settling }),
  setSettled: (settled) => set({ settled }),
});

export const selectionSlice: Slice<SelectionSlice> = (set) => ({
  selection: null,
  select: (selection) => set({ selection }),
});

export const consoleSlice: Slice<ConsoleSlice> = (set) => ({
  lines: [],
  history: [],
  print: (stream, text) => set((s) => ({ lines: [...s.lines, { id: ++lineId, stream, text }].slice(-CONSOLE_LIMIT) })),
  remember: (command) =>
    set((s) => (s.history[s.history.length - 1] === command ? s : { history: [...s.history, command].slice(-HISTORY_LIMIT) })),
  clear: () => set({ lines: [] }),
});

export const preferencesSlice =
  (initial: Pick<PreferencesSlice, 'language' | 'theme' | 'collapsed' | 'sizes'>): Slice<PreferencesSlice> =>
  (set) => ({
    ...initial,
    setLanguage: (language) => set({ language }),
    setTheme: (theme) => set({ theme }),
    toggleCollapsed: (panel) => set((s) => ({ collapsed: { ...s.collapsed, [panel]: !s.collapsed[panel] } })),
    setSize: (panel, px) => set((s) => ({ sizes: { ...s.sizes, [panel]: Math.round(px) } })),
  });
