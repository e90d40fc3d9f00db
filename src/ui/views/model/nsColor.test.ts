import { describe, expect, it } from 'vitest';
import { NAMESPACE_PALETTE, SYSTEM_NAMESPACE_COLOR, namespaceColor } from './nsColor';

describe('namespaceColor', () => {
  it('is stable: the same name always gets the same colour', () => {
    expect(namespaceColor('dev')).toBe(namespaceColor('dev'));
    expect(namespaceColor('production')).toBe(namespaceColor('production'));
  });

  it('greys the cluster’s own namespaces but not default', () => {
    for (const ns of ['kube-system', 'kube-public', 'kube-node-lease']) expect(namespaceColor(ns)).toBe(SYSTEM_NAMESPACE_COLOR);
    expect(namespaceColor('default')).toBe(NAMESPACE_PALETTE[0]);
  });

  it('takes learner namespaces from the palette without reusing default’s colour', () => {
    const names = ['dev', 'staging', 'production', 'team-a', 'team-b', 'monitoring'];
    for (const n of names) {
      expect(NAMESPACE_PALETTE).toContain(namespaceColor(n));
      expect(namespaceColor(n)).not.toBe(NAMESPACE_PALETTE[0]);
    }
    // Not all in one slot: the hash actually spreads names.
    expect(new Set(names.map(namespaceColor)).size).toBeGreaterThan(2);
  });
});
