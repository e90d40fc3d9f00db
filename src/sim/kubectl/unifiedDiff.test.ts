import { describe, expect, it } from 'vitest';
import { unifiedHunks } from './unifiedDiff';

describe('unifiedHunks', () => {
  it('is empty for equal texts', () => {
    expect(unifiedHunks('a\nb\n', 'a\nb\n')).toBe('');
  });

  it('prints one changed line with three lines of context, as diff -u does', () => {
    const a = ['1', '2', '3', '4', '5', '6', '7', '8', '9'].join('\n') + '\n';
    const b = a.replace('5\n', 'five\n');
    expect(unifiedHunks(a, b)).toBe('@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n');
  });

  it('shows a new file as all additions', () => {
    expect(unifiedHunks('', 'x\ny\n')).toBe('@@ -0,0 +1,2 @@\n+x\n+y\n');
  });

  it('keeps far-apart changes in separate hunks', () => {
    const a = Array.from({ length: 20 }, (_, i) => `l${i}`).join('\n') + '\n';
    const b = a.replace('l1\n', 'L1\n').replace('l18\n', 'L18\n');
    expect(unifiedHunks(a, b).match(/^@@/gm)).toHaveLength(2);
  });
});
