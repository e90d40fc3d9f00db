import { describe, expect, it } from 'vitest';
import { intValue, milliValue, parseQuantity } from './quantity';

describe('parseQuantity', () => {
  it.each([
    ['100m', 0.1],
    ['0.5', 0.5],
    ['1', 1],
    ['.5', 0.5],
    ['128Mi', 128 * 1024 * 1024],
    ['1Gi', 1024 ** 3],
    ['1G', 1e9],
    ['1k', 1000],
    ['1e3', 1000],
    ['1E3', 1000],
    ['2E', 2e18],
    ['61202244Ki', 61202244 * 1024],
    ['250u', 0.00025],
  ])('%s is %d', (input, expected) => {
    expect(parseQuantity(input)).toBeCloseTo(expected, 9);
  });

  it.each(['', 'abc', '1MB', '1 Gi', 'Mi', '1ki'])('rejects %j', (input) => {
    expect(parseQuantity(input)).toBeUndefined();
  });

  it('rounds millicores and integers up like Quantity does', () => {
    expect(milliValue('100m')).toBe(100);
    expect(milliValue('0.5')).toBe(500);
    expect(milliValue('2')).toBe(2000);
    expect(milliValue('0.0001')).toBe(1);
    expect(milliValue(undefined)).toBe(0);
    expect(intValue('128Mi')).toBe(134217728);
    expect(intValue('1.5k')).toBe(1500);
    expect(intValue('110')).toBe(110);
    expect(intValue('100m')).toBe(1);
  });
});
