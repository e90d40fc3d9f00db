import type { TrafficTrace } from '../network/types';

/**
 * The contract of the in-app kubectl, shared by the console, the editor's Apply, the CLI
 * and lessons. Implemented in src/sim/kubectl (pure: no DOM, no fs).
 */

/** Where in a YAML text an error belongs (1-based lines and columns). */
export interface SourceSpan {
  /** Index of the YAML document in a multi-document file (0-based). */
  document: number;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** One problem with one place in the text: a YAML syntax error or an API server rejection. */
export interface ManifestDiagnostic {
  severity: 'error' | 'warning';
  /** The message as kubectl would print it for this object. */
  message: string;
  span: SourceSpan;
  /** The field the API server blamed (`spec.containers[0].imagee`), when there is one. */
  field?: string;
}

export interface KubectlResult {
  stdout: string;
  stderr: string;
  exitCode: 0 | 1;
  /** For `apply -f`: per-line problems, for the editor's markers. */
  diagnostics?: ManifestDiagnostic[];
  /** For commands that send a simulated request (exec curl, curl after port-forward): its path. */
  traffic?: TrafficTrace;
  /** For `kubectl edit`: the object as a file the editor opens (the browser's $EDITOR). */
  edit?: { file: string; yaml: string };
}

/** Files `-f NAME` can read: the editor's buffer, lesson files, or the CLI's disk. */
export type FileReader = (name: string) => string | undefined;
