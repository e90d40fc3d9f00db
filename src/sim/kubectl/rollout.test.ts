import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { runKubectl } from './run';

const CORPUS = resolve(__dirname, '../../../../shared/corpus/k8s-website-examples');
const files = (n: string) => readFileSync(resolve(CORPUS, n), 'utf8');

describe('kubectl rollout beyond Deployments', () => {
  it('rollout status of a DaemonSet reads like kubectl, and restart replaces its pods', () => {
    const c = createCluster({ seed: 2, nodes: 2 });
    expect(runKubectl(c, 'apply -f controllers/daemonset.yaml', files).exitCode).toBe(0);
    c.runUntilSettled();
    const ds = runKubectl(c, 'rollout status ds/fluentd-elasticsearch -n kube-system', files);
    expect(ds).toEqual({ stdout: 'daemon set "fluentd-elasticsearch" successfully rolled out\n', stderr: '', exitCode: 0 });
    expect(runKubectl(c, 'rollout restart daemonset/fluentd-elasticsearch -n kube-system', files).stdout).toBe('daemonset.apps/fluentd-elasticsearch restarted\n');
    const waiting = runKubectl(c, 'rollout status daemonset/fluentd-elasticsearch -n kube-system', files);
    expect(waiting.stdout).toMatch(/^Waiting for daemon set (spec update to be observed|"fluentd-elasticsearch" rollout to finish)/);
    expect(waiting.stderr).toContain('does not wait');
  });

  it('unknown subcommands and missing objects are refused as kubectl refuses them', () => {
    const c = createCluster({ seed: 2 });
    expect(runKubectl(c, 'rollout frobnicate deployment/x', files).stderr).toBe('error: unknown command "frobnicate" for "kubectl rollout"\n');
    expect(runKubectl(c, 'rollout status deployment/nope', files).stderr).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
  });
});
