import { describe, expect, it } from 'vitest';
import { formatCpu } from '../../../sim/quantity';
import { approxMemory, parseQuantity } from './quantity';

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
    expect(approxMemory(8 * 2 ** 30)).toBe('8Gi');
    expect(approxMemory(192 * 2 ** 20)).toBe('192Mi');
    // A kubelet's allocatable memory is rarely a round number: the bar shows it rounded.
    expect(approxMemory(61202244 * 1024)).toBe('58.4Gi');
  });
});
