import { describe, expect, it } from 'vitest';
import { bridgeState, lessonBridge } from './bridge';
import { podsLesson } from '../../lessons/content/03-pods';

describe('lessonBridge', () => {
  it('forwards to registered handlers and reports when none is registered', () => {
    const calls: string[] = [];
    expect(lessonBridge.loadEditor('a.yaml', 'x')).toBe(false);
    const off = lessonBridge.register({
      loadEditor: (file) => calls.push(`editor ${file}`),
      fillConsole: (line) => calls.push(`console ${line}`),
    });
    expect(bridgeState.getState().available).toEqual({ loadEditor: true, fillConsole: true, resetCluster: false });
    expect(lessonBridge.loadEditor('pod-web.yaml', 'kind: Pod')).toBe(true);
    expect(lessonBridge.fillConsole('kubectl get pods')).toBe(true);
    expect(lessonBridge.resetCluster(podsLesson.scenario)).toBe(false);
    off();
    expect(lessonBridge.fillConsole('kubectl get nodes')).toBe(false);
    expect(calls).toEqual(['editor pod-web.yaml', 'console kubectl get pods']);
    expect(bridgeState.getState().available.loadEditor).toBe(false);
  });

  it('keeps the last result until the lesson is reset', () => {
    let scenario: unknown;
    const off = lessonBridge.register({ resetCluster: (s) => (scenario = s) });
    lessonBridge.reportResult({ command: 'kubectl get ns', exitCode: 0, stdout: 'default', stderr: '' });
    expect(bridgeState.getState().lastResult?.command).toBe('kubectl get ns');
    expect(lessonBridge.resetCluster(podsLesson.scenario)).toBe(true);
    expect(scenario).toBe(podsLesson.scenario);
    expect(bridgeState.getState().lastResult).toBeUndefined();
    off();
  });
});
