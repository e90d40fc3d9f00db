import { DEFAULT_SETTINGS } from '../../sim/settings';
import { beforeAll, describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { createCluster } from '../../sim/cluster';
import { initI18n } from '../i18n/index';
import { applySnapshot, mirror } from '../state/mirror';
import { podsLesson } from '../../lessons/content/03-pods';
import { playSolution } from '../../lessons/play';
import { LESSONS } from '../../lessons/index';
import { CURRICULUM } from '../../lessons/curriculum';
import { LessonPanel } from './LessonPanel';
import { lessonProgress } from './progress';
import { bridgeState } from './bridge';

const i18n = initI18n('en');

// Server rendering reads zustand stores through getInitialState (React's server snapshot);
// point it at the live state so the static markup shows what a browser would.
for (const store of [mirror, lessonProgress.store, bridgeState] as { getState: () => unknown; getInitialState: () => unknown }[]) {
  store.getInitialState = store.getState;
}
const render = () => renderToStaticMarkup(createElement(LessonPanel));

function mirrorCluster(cluster: ReturnType<typeof createCluster>) {
  const objects: Record<string, ReturnType<typeof cluster.store.list>> = {};
  for (const r of cluster.store.resources()) objects[r] = cluster.store.list(r);
  applySnapshot({ tick: cluster.tick, objects, records: [], settings: DEFAULT_SETTINGS });
}

describe('LessonPanel', () => {
  beforeAll(async () => {
    await lessonProgress.ready;
  });

  it('lists the whole course, with unwritten lessons marked coming soon', async () => {
    await i18n.changeLanguage('en');
    lessonProgress.store.setState({ current: null });
    const out = render();
    expect(out.match(/data-lesson="/g)).toHaveLength(CURRICULUM.length);
    expect(out.match(/coming soon/g) ?? []).toHaveLength(CURRICULUM.length - LESSONS.length);
    expect(out).toContain('Namespaces and the resource hierarchy');
    expect(out).toMatch(/<button type="button"><span class="lesson-number">3<\/span><span class="lesson-title">Pods<\/span>/);
  });

  it('checks goals live against the mirror and explains once they are met', async () => {
    await i18n.changeLanguage('en');
    const cluster = createCluster(podsLesson.scenario.cluster);
    lessonProgress.store.setState({ current: 'pods', stepIndex: { pods: 0 }, completed: {} });
    mirrorCluster(cluster);
    let out = render();
    expect(out).toContain('data-goal="web" data-met="false"');
    expect(out).toContain('○');
    expect(out).not.toContain('What just happened');
    expect(out).toContain('Load into editor');

    playSolution(cluster, podsLesson.steps[0]?.solution ?? []);
    mirrorCluster(cluster);
    out = render();
    expect(out).toContain('data-goal="web" data-met="true"');
    expect(out).toContain('✓');
    expect(out).toContain('What just happened');
  });

  it('speaks Korean when i18next does, and reads command output from the bridge', async () => {
    await i18n.changeLanguage('ko');
    lessonProgress.store.setState({ current: 'pods', stepIndex: { pods: 4 }, completed: {} });
    bridgeState.setState({ lastResult: { command: 'kubectl describe pod hungry', exitCode: 0, stdout: '2 Insufficient cpu.', stderr: '' } });
    const out = render();
    expect(out).toContain('이벤트 읽기');
    expect(out).toContain('콘솔에 복사');
    expect(out).toContain('data-goal="read" data-met="true"');
  });

  it('ends with the recap and the challenge', async () => {
    await i18n.changeLanguage('en');
    lessonProgress.store.setState({ current: 'pods', stepIndex: { pods: podsLesson.steps.length } });
    const out = render();
    expect(out).toContain('Recap');
    expect(out).toContain('Challenge');
    expect(out).toContain('cpu: 500m');
  });
});
