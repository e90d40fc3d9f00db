import type { Controller } from './types';

/** The controllers a fresh cluster runs, in the order they drain each tick. */
export function defaultControllers(): Controller[] {
  return [];
}
