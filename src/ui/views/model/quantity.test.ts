import { describe, expect, it } from 'vitest';
import { formatCpu, formatMemory, parseQuantity } from './quantity';

describe('parseQuantity', () => {
  it('reads cpu and memory the way Kubernetes writes them', () => {
    expect(parseQuantity('250m')).toBeCloseTo(0.25);
    expect(parseQuantity('2')).toBe(2);
    expect(parseQuantity('64Mi')).toBe(64 * 2 ** 20);
    expect(parseQuantity('1G')).toBe(1e9);
    expect(parseQuantity('61202244Ki')).toBe(61202244 * 1024);
    expect(parseQuantity('bogus')).toBe(0);
  });

  it('formats back for the node bars', () => {
    expect(formatCpu(0.75)).toBe('750m');
    expect(formatCpu(4)).toBe('4');
    expect(formatMemory(8 * 2 ** 30)).toBe('8Gi');
    expect(formatMemory(192 * 2 ** 20)).toBe('192Mi');
  });
});
