import { describe, expect, it } from 'vitest';
import { jsonEqual } from './objects';

describe('jsonEqual', () => {
  it('agrees with comparing serializations, whatever the key order', () => {
    const status = { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], podIP: '10.244.1.2' };
    expect(jsonEqual(status, { podIP: '10.244.1.2', phase: 'Running', conditions: [{ status: 'True', type: 'Ready' }] })).toBe(true);
    expect(jsonEqual(status, { ...status, podIP: '10.244.1.3' })).toBe(false);
    expect(jsonEqual(status, { ...status, conditions: [] })).toBe(false);
  });

  it('treats a key holding undefined as absent, as JSON does', () => {
    expect(jsonEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1 }, { a: 1, b: undefined })).toBe(true);
    expect(jsonEqual({ a: 1, b: null }, { a: 1 })).toBe(false);
    expect(jsonEqual([undefined], [null])).toBe(true);
  });

  it('tells arrays, objects and scalars apart', () => {
    expect(jsonEqual([], {})).toBe(false);
    expect(jsonEqual({ 0: 'a' }, ['a'])).toBe(false);
    expect(jsonEqual('1', 1)).toBe(false);
    expect(jsonEqual(undefined, undefined)).toBe(true);
    expect(jsonEqual({ a: [1, 2] }, { a: [1, 2, 3] })).toBe(false);
  });
});
