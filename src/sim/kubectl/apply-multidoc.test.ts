import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { applyManifest } from './apply';
import { findByKind } from '../api/resources';

// A valid Service, then a Deployment with a bad field deep in its pod template.
const FILE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - port: 80
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80
          protocol: HTTP
`;

describe('apply diagnostics in a multi-document file', () => {
  it('place the API error of the second document on its failing field', () => {
    const c = createCluster({ seed: 1 });
    const res = applyManifest(c, FILE, 'web.yaml', { atomic: true });
    expect(res.exitCode).toBe(1);
    expect(res.stderr).toContain('spec.template.spec.containers[0].ports[0].protocol: Unsupported value: "HTTP"');
    const d = res.diagnostics?.find((x) => x.field?.endsWith('protocol'));
    expect(d?.span.document).toBe(1);
    const line = FILE.split('\n').findIndex((l) => l.includes('protocol: HTTP')) + 1;
    expect(d?.span.line).toBe(line);
    expect(d?.span.column).toBe((FILE.split('\n')[line - 1] ?? '').indexOf('protocol') + 1);
    // Atomic: the valid Service of the first document was not created either.
    const svc = findByKind('v1', 'Service');
    expect(svc && c.api.get(svc, 'default', 'web').ok).toBe(false);
  });

  it('place a strict-decoding error of the second document on the unknown key', () => {
    const c = createCluster({ seed: 1 });
    const bad = FILE.replace('        image: nginx:1.27', '        imagee: nginx:1.27').replace('protocol: HTTP', 'protocol: TCP');
    const res = applyManifest(c, bad, 'web.yaml', { atomic: true });
    expect(res.stderr).toContain('unknown field "spec.template.spec.containers[0].imagee"');
    const d = res.diagnostics?.[0];
    expect(d?.span.document).toBe(1);
    expect(d?.span.line).toBe(bad.split('\n').findIndex((l) => l.includes('imagee:')) + 1);
  });
});
