import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initI18n } from './index';

const SIM = resolve(__dirname, '../../sim');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every literal code the sim attaches to a record or a traffic/policy hop. */
function codesInSim(): string[] {
  const codes = new Set<string>();
  for (const file of sources(SIM)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/code: '((?:record|network)\.[A-Za-z]+\.[A-Za-z.]+)'/g)) codes.add(m[1] as string);
  }
  return [...codes].sort();
}

describe('record and hop codes', () => {
  // English may fall back to the sim's own sentence (recordText); Korean has no such fallback.
  it('every code the sim writes has a Korean sentence', () => {
    const codes = codesInSim();
    expect(codes.length).toBeGreaterThan(100);
    const i18n = initI18n('ko');
    expect(codes.filter((c) => !i18n.exists(c, { ns: 'shell' }))).toEqual([]);
  });
});
