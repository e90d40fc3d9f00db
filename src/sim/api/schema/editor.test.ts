import { describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import { editorSchemas } from './editor';
import { schemaFor, schemaKinds } from './index';

describe('schemas', () => {
  it('covers the kinds learners write', () => {
    for (const k of ['v1/Pod', 'v1/Namespace', 'apps/v1/Deployment', 'batch/v1/CronJob', 'networking.k8s.io/v1/Ingress', 'rbac.authorization.k8s.io/v1/ClusterRoleBinding', 'policy/v1/PodDisruptionBudget', 'autoscaling/v2/HorizontalPodAutoscaler', 'storage.k8s.io/v1/StorageClass'])
      expect(schemaKinds()).toContain(k);
    expect(schemaFor('v1', 'Pod')).toEqual({ $ref: '#/definitions/Pod' });
    expect(schemaFor('extensions/v1beta1', 'Deployment')).toBeUndefined();
  });

  it('gives the editor one schema that picks the kind by apiVersion and kind', () => {
    const [entry] = editorSchemas();
    expect(entry?.fileMatch).toEqual(['*']);
    const validate = new Ajv({ strict: false, allErrors: true }).compile(entry?.schema ?? {});
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', creationTimestamp: null },
      spec: {
        replicas: 3,
        strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 } },
        selector: { matchLabels: { app: 'web' } },
        template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx', resources: { limits: { cpu: 1, memory: '1Gi' } } }] } },
      },
    };
    expect(validate(deployment)).toBe(true);
    const typo = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' }, spec: { containers: [{ name: 'x', imagee: 'nginx' }] } };
    expect(validate(typo)).toBe(false);
    expect(JSON.stringify(validate.errors)).toContain('imagee');
  });
});
