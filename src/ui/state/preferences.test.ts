import { describe, expect, it } from 'vitest';
import { languageFrom, loadPreferences, savePreferences } from './preferences';

function memory() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
}

describe('preferences', () => {
  it('picks Korean for Korean browsers only', () => {
    expect(languageFrom('ko-KR')).toBe('ko');
    expect(languageFrom('ko')).toBe('ko');
    expect(languageFrom('en-US')).toBe('en');
    expect(languageFrom(undefined)).toBe('en');
  });

  it('round-trips through storage and ignores corrupt entries', () => {
    const s = memory();
    const p = loadPreferences(s);
    savePreferences({ ...p, language: 'ko', theme: 'dark', sizes: { ...p.sizes, side: 500 } }, s);
    const back = loadPreferences(s);
    expect(back.language).toBe('ko');
    expect(back.theme).toBe('dark');
    expect(back.sizes.side).toBe(500);
    s.setItem('kube-orchestra.preferences', '{not json');
    expect(loadPreferences(s).sizes.side).toBe(p.sizes.side);
  });
});
