/** The in-app kubectl: the console, the editor's Apply, the CLI and lessons call these. */
export { runKubectl } from './run';
export { applyManifest } from './apply';
export type { ApplyOptions } from './apply';
export type { FileReader, KubectlResult, ManifestDiagnostic, SourceSpan } from './types';
export { splitArgs } from './shell';
