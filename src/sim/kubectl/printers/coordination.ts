import type { LeaseObject } from '../../api/kinds/lease';
import { age } from '../duration';
import type { TableSpec } from './tables';

/** `kubectl get leases`: NAME HOLDER AGE, as the coordination.k8s.io table prints. */
const leases: TableSpec = {
  headers: ['NAME', 'HOLDER', 'AGE'],
  wideHeaders: [],
  row: (obj, now) => [obj.metadata.name, (obj as LeaseObject).spec?.holderIdentity ?? '', age(obj.metadata.creationTimestamp, now)],
  wide: () => [],
};

export const COORDINATION_TABLES: Record<string, TableSpec> = { 'leases.coordination.k8s.io': leases };
