import { lessonBridge } from '../lesson/bridge';
import { editorBuffer } from '../editor/buffer';
import { fillConsole } from '../console/ConsolePane';
import { request } from '../state/simClient';
import { ui } from '../state/ui';
import { selectObject } from '../state/selection';

/** Connects the lesson panel's bridge to the editor, the console and the worker. */
export function wireLessons(): () => void {
  return lessonBridge.register({
    loadEditor(file, yaml) {
      const s = ui.getState();
      if (s.collapsed.side) s.toggleCollapsed('side');
      editorBuffer.setText(yaml, file);
    },
    fillConsole(line) {
      const s = ui.getState();
      if (s.collapsed.side) s.toggleCollapsed('side');
      // Let the console mount first if the side panel was just expanded.
      requestAnimationFrame(() => fillConsole(line.replace(/^kubectl\s+/, '')));
    },
    resetCluster(scenario) {
      ui.getState().setPlaying(false);
      ui.getState().setSettled(false);
      selectObject(null);
      void request({ type: 'reset', options: scenario.cluster, manifests: scenario.manifests }).then((reply) => {
        if (reply.type === 'error') ui.getState().print('stderr', reply.message);
      });
    },
  });
}
