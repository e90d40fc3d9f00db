import { describe, expect, it } from 'vitest';
import type { ResourceType } from '../api/resources';
import { complete } from './complete';

const objects: Record<string, Record<string, string[]>> = {
  pods: { default: ['web-7d4b9c-abcde', 'web-7d4b9c-fghij', 'db-0'], 'kube-system': ['coredns-1', 'etcd-control-plane'] },
  deployments: { default: ['web'] },
  namespaces: { '': ['default', 'kube-system', 'kube-public'] },
  nodes: { '': ['control-plane', 'worker-1', 'worker-2'] },
};
const src = { names: (t: ResourceType, ns: string) => objects[t.plural]?.[t.namespaced ? ns : ''] ?? [] };
const line = (l: string) => complete(l, src).line;
const cands = (l: string) => complete(l, src).candidates;

describe('console tab completion', () => {
  it('completes command words, with or without the word kubectl', () => {
    expect(line('kubectl ge')).toBe('kubectl get ');
    expect(line('des')).toBe('describe ');
    expect(cands('co')).toEqual(['config', 'cordon']);
    expect(cands('c')).toEqual(expect.arrayContaining(['create', 'cluster', 'cleanup', 'cluster-info']));
    expect(line('se')).toBe('set'); // set, settle: the common prefix, listed on the second Tab
    expect(line('set')).toBe('set');
    expect(cands('se')).toEqual(['set', 'settle']);
  });

  it('expands short names and singulars to the plural', () => {
    expect(line('kubectl get po')).toBe('kubectl get pods ');
    expect(line('kubectl get deploy')).toBe('kubectl get deployments ');
    expect(line('kubectl get svc')).toBe('kubectl get services ');
    expect(line('kubectl get netpol')).toBe('kubectl get networkpolicies ');
    expect(line('kubectl describe cj')).toBe('kubectl describe cronjobs ');
    expect(line('kubectl get pod')).toBe('kubectl get pods ');
    expect(line('get persistentvolumec')).toBe('get persistentvolumeclaims ');
    expect(cands('get persistentvolume')).toEqual(['persistentvolumeclaims', 'persistentvolumes']);
  });

  it('completes object names of the chosen type in the chosen namespace', () => {
    expect(line('kubectl get pods d')).toBe('kubectl get pods db-0 ');
    expect(line('kubectl get pods w')).toBe('kubectl get pods web-7d4b9c-');
    expect(cands('kubectl get pods web-7d4b9c-')).toEqual(['web-7d4b9c-abcde', 'web-7d4b9c-fghij']);
    expect(line('kubectl get po -n kube-system e')).toBe('kubectl get po -n kube-system etcd-control-plane ');
    expect(line('kubectl -n kube-system describe pod co')).toBe('kubectl -n kube-system describe pod coredns-1 ');
    expect(line('kubectl get deploy/')).toBe('kubectl get deploy/web ');
    expect(line('kubectl logs db')).toBe('kubectl logs db-0 ');
    expect(line('kubectl rollout status deployment w')).toBe('kubectl rollout status deployment web ');
    expect(line('kubectl rollout re')).toBe('kubectl rollout res'); // restart, resume
  });

  it('completes namespaces, output formats, nodes and flags', () => {
    expect(line('kubectl get pods -n kube-s')).toBe('kubectl get pods -n kube-system ');
    expect(line('kubectl get pods -o ya')).toBe('kubectl get pods -o yaml ');
    expect(line('kubectl get pods -o js')).toBe('kubectl get pods -o json');
    expect(line('kubectl cordon worker-2')).toBe('kubectl cordon worker-2 ');
    expect(line('node stop w')).toBe('node stop worker-');
    expect(line('kubectl get pods --show')).toBe('kubectl get pods --show-labels ');
    expect(cands('kubectl get pods --w')).toEqual(['--watch']);
    expect(cands('kubectl delete pod x --g')).toEqual(['--grace-period']);
  });

  it('offers nothing where nothing fits', () => {
    expect(cands('kubectl get podz')).toEqual([]);
    expect(line('kubectl get widgets a')).toBe('kubectl get widgets a');
    expect(cands('kubectl apply -f ')).toEqual([]);
  });
});
