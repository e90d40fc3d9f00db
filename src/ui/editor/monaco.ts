/**
 * Everything Monaco: loaded with a dynamic import by the editor pane, so none of it is on
 * the first paint's critical path. Only the editor core, its contributions and the YAML
 * grammar are bundled (not every language Monaco ships).
 */
import * as monaco from 'monaco-editor/esm/vs/editor/edcore.main.js';
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import { configureMonacoYaml } from 'monaco-yaml';
import YamlWorker from './yaml.worker.ts?worker';
import { editorSchemas } from '../../sim/api/schema/editor';
import type { EditorBackend, EditorMarker } from './buffer';

self.MonacoEnvironment = {
  getWorker(_moduleId: string, label: string): Worker {
    return label === 'yaml' ? new YamlWorker() : new EditorWorker();
  },
};

let yamlConfigured = false;

function configureYaml(): void {
  if (yamlConfigured) return;
  yamlConfigured = true;
  configureMonacoYaml(monaco, {
    enableSchemaRequest: false,
    schemas: editorSchemas(),
    validate: true,
    completion: true,
    hover: true,
  });
}

const SEVERITY = { error: 8, warning: 4, info: 2 } as const;
const FROM_SEVERITY: Record<number, EditorMarker['severity']> = { 8: 'error', 4: 'warning', 2: 'info', 1: 'info' };
export const API_OWNER = 'apiserver';

export interface MonacoHandle extends EditorBackend {
  setTheme(theme: 'light' | 'dark'): void;
  onDidChange(listener: () => void): void;
  addApplyCommand(run: () => void): void;
  dispose(): void;
}

export function createEditor(container: HTMLElement, options: { text: string; theme: 'light' | 'dark'; ariaLabel: string; file: string }): MonacoHandle {
  configureYaml();
  const uri = monaco.Uri.parse(`file:///${options.file}`);
  const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(options.text, 'yaml', uri);
  const editor = monaco.editor.create(container, {
    model,
    theme: options.theme === 'dark' ? 'vs-dark' : 'vs',
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 13,
    fontFamily: getComputedStyle(document.documentElement).getPropertyValue('--font-mono').trim() || 'monospace',
    lineNumbersMinChars: 3,
    scrollBeyondLastLine: false,
    tabSize: 2,
    insertSpaces: true,
    renderWhitespace: 'boundary',
    ariaLabel: options.ariaLabel,
    fixedOverflowWidgets: true,
    quickSuggestions: { other: true, comments: false, strings: true },
  });

  // The API server's verdict is about the text it saw: once the text changes, it is stale.
  model.onDidChangeContent(() => monaco.editor.setModelMarkers(model, API_OWNER, []));

  return {
    getText: () => model.getValue(),
    setText(text) {
      if (model.getValue() !== text) model.setValue(text);
    },
    setApiMarkers(markers) {
      monaco.editor.setModelMarkers(
        model,
        API_OWNER,
        markers.map((m) => ({ ...m, severity: SEVERITY[m.severity], source: 'kube-apiserver' })),
      );
    },
    markers: () =>
      monaco.editor.getModelMarkers({ resource: uri }).map((m) => ({
        owner: m.owner,
        severity: FROM_SEVERITY[m.severity] ?? 'info',
        message: m.message,
        startLineNumber: m.startLineNumber,
        startColumn: m.startColumn,
        endLineNumber: m.endLineNumber,
        endColumn: m.endColumn,
      })),
    focus: () => editor.focus(),
    selectedLines() {
      const sel = editor.getSelection();
      if (!sel || sel.isEmpty()) return null;
      // A selection ending at column 1 of a line does not include that line.
      const end = sel.endColumn === 1 && sel.endLineNumber > sel.startLineNumber ? sel.endLineNumber - 1 : sel.endLineNumber;
      return { start: sel.startLineNumber, end };
    },
    cursorLine: () => editor.getPosition()?.lineNumber ?? 1,
    setTheme: (theme) => monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs'),
    onDidChange: (listener) => void model.onDidChangeContent(listener),
    addApplyCommand(run) {
      editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, run);
    },
    dispose() {
      editor.dispose();
    },
  };
}
