import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { initI18n } from './ui/i18n';
import { ui } from './ui/state/ui';
import { simClient } from './ui/state/simClient';
import { startPlaybackLoop } from './ui/state/playback';
import { installShortcuts } from './ui/shell/shortcuts';
import { installTestHook } from './ui/state/testHook';
import { wireLessons } from './ui/shell/lessonWiring';

const i18n = initI18n(ui.getState().language);

/** Keeps <html lang>, the theme attribute and i18next in step with the preferences. */
function syncDocument(): void {
  const { language, theme } = ui.getState();
  document.documentElement.lang = language;
  document.documentElement.dataset.theme = theme;
  if (i18n.language !== language) void i18n.changeLanguage(language);
}
syncDocument();
ui.subscribe(syncDocument);

const client = simClient();
client.onMessage((msg) => {
  if (msg.type === 'error' && msg.re === undefined) ui.getState().print('stderr', msg.message);
});
void client.request({ type: 'init', options: { seed: 1, nodes: 2 } });

startPlaybackLoop();
installShortcuts();
installTestHook();
wireLessons();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
