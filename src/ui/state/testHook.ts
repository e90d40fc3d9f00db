import { editorBuffer } from '../editor/buffer';
import type { EditorMarker } from '../editor/buffer';
import { mirror } from './mirror';
import { request } from './simClient';

/**
 * What end-to-end tests reach into: typing multi-line YAML into Monaco mangles its
 * indentation, so tests set the model's text directly. Nothing else is exposed.
 */
export interface TestHook {
  setEditorText(text: string): void;
  getEditorText(): string;
  /** Markers on the editor's model (schema validation and the API server's). */
  getEditorMarkers(): EditorMarker[];
  mirror: typeof mirror;
  request: typeof request;
}

declare global {
  interface Window {
    __ko?: TestHook;
  }
}

export function installTestHook(): void {
  window.__ko = {
    setEditorText: (text) => editorBuffer.setText(text),
    getEditorText: () => editorBuffer.getText(),
    getEditorMarkers: () => editorBuffer.markers(),
    mirror,
    request,
  };
}
