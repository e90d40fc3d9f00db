export { createEndpointSliceController, ENDPOINTSLICE_RESOURCE, SERVICE_NAME_LABEL, MANAGED_BY_LABEL, ENDPOINTSLICE_CONTROLLER, managedSlices } from './endpointslice';
export type { EndpointSliceObject } from './endpointslice';
export { createEndpointsController } from './endpoints';
export type { EndpointsObject } from './endpoints';
export { podEndpoints, resolveTargetPort } from './podEndpoints';
