import { describe, expect, it } from 'vitest';
import { createCluster } from '../../sim/cluster';
import { applyManifest } from '../../sim/kubectl/apply';
import { documentRange, textOfLines } from './parts';

const FILE = `apiVersion: v1
kind: ConfigMap
metadata:
  name: a
---
apiVersion: v1
kind: Pod
metadata:
  name: b
spec:
  containers:
  - name: x
    imagee: nginx
`;

describe('applying part of a file', () => {
  it('finds the document under the cursor', () => {
    expect(documentRange(FILE, 2)).toEqual({ start: 1, end: 4 });
    expect(documentRange(FILE, 5)).toEqual({ start: 5, end: 14 });
    expect(documentRange(FILE, 9)).toEqual({ start: 5, end: 14 });
  });

  it('applies only that document, with markers on the lines of the whole file', () => {
    const c = createCluster({ seed: 1 });
    expect(applyManifest(c, textOfLines(FILE, documentRange(FILE, 2)), 'f.yaml', { atomic: true })).toMatchObject({ exitCode: 0, stdout: 'configmap/a created\n' });
    const res = applyManifest(c, textOfLines(FILE, documentRange(FILE, 9)), 'f.yaml', { atomic: true });
    expect(res.exitCode).toBe(1);
    expect(res.diagnostics?.[0]?.span.line).toBe(13);
  });
});
