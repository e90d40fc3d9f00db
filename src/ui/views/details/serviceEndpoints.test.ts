import { describe, expect, it } from 'vitest';
import { serviceEndpoints } from './serviceEndpoints';
import { objectsOf, pod, service, slice } from '../services/fixtures';

describe('serviceEndpoints', () => {
  it('lists ready endpoints first with pod and node, the slices, and how many pods the selector matches', () => {
    const web = service('web', { selector: { app: 'web' }, clusterIP: '10.96.0.42', ports: [{ port: 80, targetPort: 8080 }] });
    const objects = objectsOf({
      services: [web],
      pods: [pod('a', { app: 'web' }, '10.244.1.2'), pod('b', { app: 'web' }, '10.244.2.2', false), pod('c', { app: 'web' })],
      'endpointslices.discovery.k8s.io': [slice('web-x1', 'web', 8080, [{ pod: 'b', ip: '10.244.2.2', ready: false, node: 'worker-2' }, { pod: 'a', ip: '10.244.1.2', node: 'worker-1' }])],
    });
    const m = serviceEndpoints(objects, web);
    expect(m.selector).toEqual(['app=web']);
    expect(m.slices).toEqual(['web-x1']);
    expect(m.rows.map((r) => [r.address, r.ready, r.pod, r.node])).toEqual([
      ['10.244.1.2:8080', true, 'a', 'worker-1'],
      ['10.244.2.2:8080', false, 'b', 'worker-2'],
    ]);
    expect(m.matched).toBe(3);
  });
});
