import type { ManifestDiagnostic } from '../../sim/kubectl/types';
import type { LineRange } from './parts';
import { documentRange } from './parts';

/** A marker as the UI knows it: Monaco's shape without importing Monaco. */
export interface EditorMarker {
  owner: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

/** What the editor pane talks to: the textarea placeholder first, then Monaco once loaded. */
export interface EditorBackend {
  getText(): string;
  setText(text: string): void;
  setApiMarkers(markers: EditorMarker[]): void;
  markers(): EditorMarker[];
  focus(): void;
  /** The selected lines, or null when nothing is selected. */
  selectedLines?(): LineRange | null;
  /** The cursor's 1-based line. */
  cursorLine?(): number;
}

export const DEFAULT_MANIFEST = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    ports:
    - containerPort: 80
`;

export interface WorkspaceFile {
  name: string;
  text: string;
}

export const WORKSPACE_KEY = 'kube-orchestra.workspace';
const DEFAULT_FILE = 'manifest.yaml';

function loadWorkspace(): { files: WorkspaceFile[]; active: string } | null {
  try {
    const raw = typeof localStorage === 'undefined' ? null : localStorage.getItem(WORKSPACE_KEY);
    if (!raw) return null;
    const v = JSON.parse(raw) as { files?: unknown; active?: unknown };
    if (!Array.isArray(v.files)) return null;
    const files = v.files.filter((f): f is WorkspaceFile => !!f && typeof f.name === 'string' && typeof f.text === 'string' && !!f.name);
    if (!files.length) return null;
    const active = typeof v.active === 'string' && files.some((f) => f.name === v.active) ? v.active : (files[0] as WorkspaceFile).name;
    return { files, active };
  } catch {
    return null;
  }
}

/** `service.yaml`, then `service-2.yaml`, `service-3.yaml` … */
export function uniqueName(wanted: string, taken: string[]): string {
  if (!taken.includes(wanted)) return wanted;
  const dot = wanted.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [wanted.slice(0, dot), wanted.slice(dot)] : [wanted, ''];
  for (let i = 2; ; i++) if (!taken.includes(`${stem}-${i}${ext}`)) return `${stem}-${i}${ext}`;
}

/** A name `kubectl apply -f NAME` can read from the console: no spaces or slashes. */
export function validFileName(name: string): boolean {
  return /^[A-Za-z0-9._-]+$/.test(name) && name !== '.' && name !== '..';
}

/**
 * The editor's workspace lives here, not in React state, so the test hook, lessons and the
 * console's `-f` can read and set it whether or not Monaco has loaded yet. The editor
 * shows one file at a time (the active tab); the others are kept as text and persisted.
 */
class EditorBuffer {
  private files: WorkspaceFile[] = [{ name: DEFAULT_FILE, text: DEFAULT_MANIFEST }];
  private active = DEFAULT_FILE;
  private apiMarkers: EditorMarker[] = [];
  private backend: EditorBackend | null = null;
  private readonly listeners = new Set<() => void>();
  private saveTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    const saved = loadWorkspace();
    if (saved) {
      this.files = saved.files;
      this.active = saved.active;
    }
  }

  /** The active file's name (what Apply reports as `apply -f NAME`). */
  get file(): string {
    return this.active;
  }

  private current(): WorkspaceFile {
    return this.files.find((f) => f.name === this.active) ?? (this.files[0] as WorkspaceFile);
  }

  /** Pulls the live text out of Monaco into the active file's record. */
  private sync(): void {
    if (this.backend) this.current().text = this.backend.getText();
  }

  private changed(): void {
    this.scheduleSave();
    for (const l of this.listeners) l();
  }

  private scheduleSave(): void {
    if (typeof localStorage === 'undefined') return;
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.save(), 300);
  }

  save(): void {
    this.sync();
    try {
      localStorage.setItem(WORKSPACE_KEY, JSON.stringify({ files: this.files, active: this.active }));
    } catch {
      // Storage full or blocked: the workspace still works for this session.
    }
  }

  attach(backend: EditorBackend | null): void {
    if (this.backend && !backend) this.sync();
    this.backend = backend;
    if (backend) {
      backend.setText(this.current().text);
      backend.setApiMarkers(this.apiMarkers);
    }
  }

  getText(): string {
    return this.backend ? this.backend.getText() : this.current().text;
  }

  /**
   * Replaces the active file's text; with a file name (lesson files), opens that file as a
   * tab (created or overwritten) and makes it active.
   */
  setText(text: string, file?: string): void {
    this.sync();
    if (file && file !== this.active) {
      const existing = this.files.find((f) => f.name === file);
      if (existing) existing.text = text;
      else this.files.push({ name: file, text });
      this.active = file;
    } else this.current().text = text;
    this.show();
  }

  /** Puts the active file into the editor, with no stale API markers. */
  private show(): void {
    this.apiMarkers = [];
    if (this.backend) {
      this.backend.setText(this.current().text);
      this.backend.setApiMarkers([]);
    }
    this.changed();
  }

  /** Called by the placeholder on each keystroke and by Monaco on each edit. */
  noteTyped(text?: string): void {
    if (text !== undefined) this.current().text = text;
    this.scheduleSave();
  }

  list(): WorkspaceFile[] {
    this.sync();
    return this.files.map((f) => ({ ...f }));
  }

  /** Every file by name: what the console's `kubectl apply -f NAME` reads. */
  fileMap(): Record<string, string> {
    return Object.fromEntries(this.list().map((f) => [f.name, f.text]));
  }

  open(name: string): void {
    if (name === this.active || !this.files.some((f) => f.name === name)) return;
    this.sync();
    this.active = name;
    this.show();
  }

  /** Adds a file (its name made unique) and opens it; returns the name it got. */
  add(wanted: string, text: string): string {
    this.sync();
    const name = uniqueName(wanted, this.files.map((f) => f.name));
    this.files.push({ name, text });
    this.active = name;
    this.show();
    return name;
  }

  /** Renames a file; false when the name is invalid or taken. */
  rename(from: string, to: string): boolean {
    const f = this.files.find((x) => x.name === from);
    if (!f || !validFileName(to) || (to !== from && this.files.some((x) => x.name === to))) return false;
    f.name = to;
    if (this.active === from) this.active = to;
    this.changed();
    return true;
  }

  /** Closes a file; the last one is replaced by an empty manifest.yaml. */
  close(name: string): void {
    this.sync();
    const i = this.files.findIndex((f) => f.name === name);
    if (i < 0) return;
    this.files.splice(i, 1);
    if (!this.files.length) this.files.push({ name: DEFAULT_FILE, text: '' });
    if (this.active === name) {
      this.active = (this.files[Math.max(0, i - 1)] as WorkspaceFile).name;
      this.show();
    } else this.changed();
  }

  setDiagnostics(diags: ManifestDiagnostic[]): void {
    this.apiMarkers = diags.map(diagnosticToMarker);
    this.backend?.setApiMarkers(this.apiMarkers);
    for (const l of this.listeners) l();
  }

  markers(): EditorMarker[] {
    return this.backend ? this.backend.markers() : this.apiMarkers;
  }

  focus(): void {
    this.backend?.focus();
  }

  /** The part the learner means: the selected lines, else the document under the cursor. */
  partRange(): LineRange | null {
    const sel = this.backend?.selectedLines?.();
    if (sel) return sel;
    const line = this.backend?.cursorLine?.();
    return line ? documentRange(this.getText(), line) : null;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

export function diagnosticToMarker(d: ManifestDiagnostic): EditorMarker {
  const { line, column, endLine, endColumn } = d.span;
  const sameSpot = endLine === line && endColumn <= column;
  return {
    owner: 'apiserver',
    severity: d.severity,
    message: d.message,
    startLineNumber: Math.max(1, line),
    startColumn: Math.max(1, column),
    endLineNumber: Math.max(1, endLine),
    // A zero-width span would draw no squiggle: underline to the end of the line instead.
    endColumn: sameSpot ? 10_000 : Math.max(1, endColumn),
  };
}

export const editorBuffer = new EditorBuffer();
