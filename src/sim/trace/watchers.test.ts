import { describe, expect, it } from 'vitest';
import { defaultControllers } from '../controllers';
import { CONTROLLER_WATCHES } from './watchers';

describe('CONTROLLER_WATCHES', () => {
  it('is what the default controllers really watch (the trace shows their informers)', () => {
    const real: Record<string, string[]> = {};
    for (const c of defaultControllers()) real[c.name] = [...new Set(c.watches.map((w) => w.resource))];
    expect(CONTROLLER_WATCHES).toEqual(real);
  });
});
