import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { KubeObject } from '../../../sim/objects';
import type { Objects } from '../../state/mirror';
import { matchesSelector } from '../../../sim/store/labels';
import { NETWORK_RESOURCES } from '../model/networkObjects';
import { SERVICE_NAME_LABEL } from '../services/model';

export interface EndpointRow {
  address: string;
  ready: boolean;
  pod?: string;
  node?: string;
  slice: string;
}

export interface ServiceEndpointsModel {
  selector: string[];
  externalName?: string;
  slices: string[];
  rows: EndpointRow[];
  /** Pods in the namespace the selector matches (endpoints or not yet). */
  matched: number;
}

/** A Service's endpoints as `kubectl describe svc` and `get endpointslices` would tell them, from the mirror. */
export function serviceEndpoints(objects: Objects, svcObj: KubeObject): ServiceEndpointsModel {
  const svc = svcObj as unknown as Service & KubeObject;
  const ns = svcObj.metadata.namespace ?? 'default';
  const sel = svc.spec?.selector ?? {};
  const model: ServiceEndpointsModel = { selector: Object.entries(sel).map(([k, v]) => `${k}=${v}`), slices: [], rows: [], matched: 0 };
  if (svc.spec?.type === 'ExternalName') model.externalName = svc.spec.externalName ?? '';
  for (const obj of objects[NETWORK_RESOURCES.endpointSlices]?.values() ?? []) {
    if (obj.metadata.namespace !== ns || obj.metadata.labels?.[SERVICE_NAME_LABEL] !== svcObj.metadata.name) continue;
    const slice = obj as unknown as EndpointSlice & KubeObject;
    model.slices.push(obj.metadata.name);
    const ports = (slice.ports ?? []).map((p) => p.port).filter((p): p is number => typeof p === 'number');
    for (const ep of slice.endpoints ?? []) {
      for (const a of ep.addresses) {
        const row: EndpointRow = { address: ports.length ? ports.map((p) => `${a}:${p}`).join(', ') : a, ready: ep.conditions?.ready !== false, slice: obj.metadata.name };
        if (ep.targetRef?.kind === 'Pod' && ep.targetRef.name) row.pod = ep.targetRef.name;
        if (ep.nodeName) row.node = ep.nodeName;
        model.rows.push(row);
      }
    }
  }
  model.slices.sort();
  // Ready first, then by pod name: the learner reads who gets traffic before who does not.
  model.rows.sort((a, b) => Number(b.ready) - Number(a.ready) || (a.pod ?? a.address).localeCompare(b.pod ?? b.address));
  if (model.selector.length) {
    for (const p of objects.pods?.values() ?? []) if (p.metadata.namespace === ns && matchesSelector(sel, p.metadata.labels)) model.matched++;
  }
  return model;
}
