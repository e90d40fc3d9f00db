/**
 * The keys strategic merge pairs list items by, shared by the API server's strategic merge
 * patch and kubectl apply's three-way merge: containers, env and volumes by `name`, container
 * ports by `containerPort`, volumeMounts by `mountPath`, volumeDevices by `devicePath`,
 * hostAliases by `ip`, conditions by `type`. Kubernetes reads each list's key from its Go
 * struct tag (patchMergeKey); the sim has no per-field schema, so an item is paired by the
 * first of these it carries.
 */
export const MERGE_KEYS: readonly string[] = ['name', 'containerPort', 'mountPath', 'devicePath', 'ip', 'type'];

function isMap(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** The merge key this list item carries; undefined for scalars and items with none. */
export function mergeKeyOf(item: unknown): string | undefined {
  return isMap(item) ? MERGE_KEYS.find((k) => item[k] !== undefined) : undefined;
}

/**
 * The merge key every item of every list carries (the first such), or undefined when the
 * lists must be replaced whole: one of them is empty, holds scalars, or has an item without it.
 */
export function sharedMergeKey(...lists: readonly unknown[][]): string | undefined {
  if (lists.some((l) => l.length === 0)) return undefined;
  return MERGE_KEYS.find((k) => lists.every((l) => l.every((x) => isMap(x) && x[k] !== undefined)));
}
