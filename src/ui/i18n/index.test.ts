import { describe, expect, it } from 'vitest';
import { initI18n, recordText, withRecords } from './index';
import type { ReconcileRecord } from '../../sim/controllers/types';

const bound: ReconcileRecord = {
  tick: 3,
  controller: 'default-scheduler',
  key: 'default/web',
  action: 'bind',
  target: { kind: 'Pod', namespace: 'default', name: 'web' },
  reason: 'default/web fits 2 of 3 nodes checked; worker-1 scored highest (196), so the scheduler binds it there',
  code: 'record.scheduler.bound',
  params: { pod: 'default/web', node: 'worker-1', score: 196, feasible: 2, nodes: 3 },
};

describe('recordText', () => {
  it('says a record in Korean with its params, and in English falls back to the sim reason', async () => {
    const i18n = initI18n('ko');
    const t = i18n.t.bind(i18n) as unknown as (k: string, o: Record<string, unknown>) => string;
    expect(recordText(t, bound)).toBe('default/web 파드는 확인한 노드 3개 중 2개에 들어갈 수 있고, worker-1 노드가 최고 점수(196)를 받아 스케줄러가 그 노드에 바인딩합니다');
    await i18n.changeLanguage('en');
    expect(recordText(t, bound)).toBe(bound.reason);
    expect(recordText(t, { ...bound, code: 'record.nope.unknown' })).toBe(bound.reason);
  });

  it('finds the shell\'s record strings through a panel\'s views-namespace t', () => {
    const i18n = initI18n('ko');
    const t = i18n.getFixedT('ko', 'views') as unknown as (k: string, o: Record<string, unknown>) => string;
    expect(recordText(t, bound)).toBe('default/web 파드는 확인한 노드 3개 중 2개에 들어갈 수 있고, worker-1 노드가 최고 점수(196)를 받아 스케줄러가 그 노드에 바인딩합니다');
  });
});

describe('record strings kept flat', () => {
  it('are folded into the shell namespace beside the nested ones', () => {
    const merged = withRecords({ record: { kubectl: { create: 'made' } } }, { 'record.deployment.scaledUp': 'up {{n}}' });
    expect(merged).toEqual({ record: { kubectl: { create: 'made' }, deployment: { scaledUp: 'up {{n}}' } } });
  });
});
