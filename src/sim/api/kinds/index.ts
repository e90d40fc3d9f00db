import type { KindStrategy } from './strategy';

/** Strategies by store key (`pods`, `deployments.apps`). Kinds register here as they are built. */
export const STRATEGIES: Record<string, KindStrategy> = {};

export function registerStrategy(storeKey: string, strategy: KindStrategy): void {
  STRATEGIES[storeKey] = strategy;
}
