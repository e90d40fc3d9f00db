import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import type { KubeObject } from '../objects';

const pod = (spec: unknown, metadata: Record<string, unknown> = { name: 'web' }): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata, spec }) as KubeObject;

function reject(obj: KubeObject, mode?: 'Strict' | 'Warn' | 'Ignore') {
  const res = createCluster().api.create(obj, { fieldValidation: mode });
  if (res.ok) throw new Error('expected a rejection');
  return res.status;
}

describe('strict decoding', () => {
  it('rejects an unknown field with kube-apiserver words, 400 BadRequest', () => {
    const s = reject(pod({ containers: [{ name: 'web', imagee: 'nginx' }] }));
    expect(s.code).toBe(400);
    expect(s.reason).toBe('BadRequest');
    expect(s.message).toBe('Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee"');
    expect(s.details?.causes).toEqual([{ reason: 'FieldValueInvalid', message: 'unknown field "spec.containers[0].imagee"', field: 'spec.containers[0].imagee' }]);
  });

  it('lists several unknown fields in document order, including a misplaced top-level one', () => {
    const obj = { ...pod({ containers: [{ name: 'web', image: 'nginx', prots: [] }] }), restartPolicy: 'Never' } as KubeObject;
    expect(reject(obj).message).toBe(
      'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].prots", unknown field "restartPolicy"',
    );
  });

  it('reports a wrong JSON type as encoding/json does', () => {
    expect(reject(pod({ containers: [{ name: 'web', image: 42 }] })).message).toBe(
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field Container.spec.containers.image of type string',
    );
    expect(reject(pod({ containers: [{ name: 'web', image: 'nginx', ports: [{ containerPort: '80' }] }] })).message).toBe(
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32',
    );
    expect(reject(pod({ containers: { name: 'web' } })).message).toBe(
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container',
    );
    expect(reject(pod({ containers: [{ name: 'web', image: 'nginx' }] }, { name: 'web', labels: { tier: 1 } })).message).toBe(
      'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
    );
  });

  it('rejects a quantity that does not parse', () => {
    expect(reject(pod({ containers: [{ name: 'web', image: 'nginx', resources: { limits: { cpu: 'lots' } } }] })).message).toBe(
      "Pod in version \"v1\" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    );
  });

  it('accepts numbers and strings for quantities and int-or-strings, and null timestamps', () => {
    const res = createCluster().api.create(
      pod(
        {
          containers: [
            {
              name: 'web',
              image: 'nginx',
              resources: { requests: { cpu: 0.25, memory: '64Mi' }, limits: { cpu: 1 } },
              livenessProbe: { httpGet: { port: 'http', path: '/' } },
              readinessProbe: { tcpSocket: { port: 8080 } },
            },
          ],
        },
        { name: 'web', creationTimestamp: null },
      ),
    );
    expect(res.ok).toBe(true);
    if (res.ok) expect((res.object.spec as { containers: { resources: unknown }[] }).containers[0]?.resources).toEqual({ requests: { cpu: '250m', memory: '64Mi' }, limits: { cpu: '1' } });
  });

  it('drops unknown fields under Ignore and warns under Warn', () => {
    const api = createCluster().api;
    const ignored = api.create(pod({ containers: [{ name: 'web', image: 'nginx', colour: 'blue' }] }), { fieldValidation: 'Ignore' });
    expect(ignored.ok && (ignored.object.spec as { containers: Record<string, unknown>[] }).containers[0]?.['colour']).toBe(undefined);
    const warned = api.create(pod({ containers: [{ name: 'web', image: 'nginx', colour: 'blue' }] }, { name: 'web2' }), { fieldValidation: 'Warn' });
    expect(warned.ok && warned.warnings).toEqual(['unknown field "spec.containers[0].colour"']);
  });

  it('keeps the removed-API answer', () => {
    const s = reject({ apiVersion: 'extensions/v1beta1', kind: 'Deployment', metadata: { name: 'web' } });
    expect(s.message).toBe('no matches for kind "Deployment" in version "extensions/v1beta1"');
  });
});
