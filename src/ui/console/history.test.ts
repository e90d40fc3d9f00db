import { describe, expect, it } from 'vitest';
import { reverseSearch } from './history';

describe('reverse-i-search', () => {
  const h = ['get pods', 'apply -f web.yaml', 'get pods -o wide', 'tick 5'];
  it('finds the newest match, then older ones from before it', () => {
    expect(reverseSearch(h, 'get', h.length - 1)).toBe(2);
    expect(reverseSearch(h, 'get', 1)).toBe(0);
    expect(reverseSearch(h, 'get', -1)).toBe(-1);
    expect(reverseSearch(h, 'nope', 3)).toBe(-1);
    expect(reverseSearch(h, '', 3)).toBe(3);
  });
});
