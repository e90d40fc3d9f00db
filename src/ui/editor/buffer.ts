import type { ManifestDiagnostic } from '../../sim/kubectl/types';

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

/**
 * The editor's text lives here, not in React state, so the test hook, lessons and the
 * console's `-f` can read and set it whether or not Monaco has loaded yet.
 */
class EditorBuffer {
  private text = DEFAULT_MANIFEST;
  private apiMarkers: EditorMarker[] = [];
  private backend: EditorBackend | null = null;
  private readonly listeners = new Set<() => void>();
  file = 'manifest.yaml';

  attach(backend: EditorBackend | null): void {
    if (this.backend && !backend) this.text = this.backend.getText();
    this.backend = backend;
    if (backend) {
      backend.setText(this.text);
      backend.setApiMarkers(this.apiMarkers);
    }
  }

  getText(): string {
    return this.backend ? this.backend.getText() : this.text;
  }

  /** Replaces the text (and, for lesson files, the file name apply reports). */
  setText(text: string, file?: string): void {
    if (file) this.file = file;
    this.text = text;
    this.apiMarkers = [];
    if (this.backend) {
      this.backend.setText(text);
      this.backend.setApiMarkers([]);
    }
    for (const l of this.listeners) l();
  }

  /** Called by the placeholder on each keystroke. */
  noteTyped(text: string): void {
    this.text = text;
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
