import type { KubeObject } from '../../objects';
import { age } from '../duration';
import type { TableSpec } from './tables';
import type { ConfigMapObject } from '../../api/kinds/configmap';
import type { SecretObject } from '../../api/kinds/secret';

/** `kubectl get configmaps`: DATA counts data and binaryData keys. */
const configmaps: TableSpec = {
  headers: ['NAME', 'DATA', 'AGE'],
  wideHeaders: [],
  row(obj: KubeObject, now: number) {
    const cm = obj as ConfigMapObject;
    const n = Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length;
    return [cm.metadata.name, String(n), age(cm.metadata.creationTimestamp, now)];
  },
  wide: () => [],
};

/** `kubectl get secrets`: NAME TYPE DATA AGE. */
const secrets: TableSpec = {
  headers: ['NAME', 'TYPE', 'DATA', 'AGE'],
  wideHeaders: [],
  row(obj: KubeObject, now: number) {
    const s = obj as SecretObject;
    return [s.metadata.name, s.type ?? '', String(Object.keys(s.data ?? {}).length), age(s.metadata.creationTimestamp, now)];
  },
  wide: () => [],
};

export const CONFIG_TABLES: Record<string, TableSpec> = { configmaps, secrets };
