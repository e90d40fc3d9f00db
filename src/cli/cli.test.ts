import { mkdtempSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { main } from './main';

const POD = (name: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: web
    image: nginx:1.27
`;

function workdir() {
  const dir = mkdtempSync(join(tmpdir(), 'ko-cli-'));
  return { dir, state: join(dir, 'cluster.json') };
}

describe('CLI harness', () => {
  test('state file: created fresh, saved back, reloaded by the next command', () => {
    const { dir, state } = workdir();
    writeFileSync(join(dir, 'pod.yaml'), POD('web'));
    expect(main(['--state', state, '--seed', '5', 'apply', '-f', join(dir, 'pod.yaml')])).toEqual({ stdout: 'pod/web created\n', stderr: '', code: 0 });
    expect(existsSync(state)).toBe(true);
    const saved = JSON.parse(readFileSync(state, 'utf8')) as { format: string; options: { seed: number } };
    expect(saved).toMatchObject({ format: 'kube-orchestra/cluster', options: { seed: 5 } });
    expect(main(['--state', state, 'apply', '-f', join(dir, 'pod.yaml')]).stdout).toBe('pod/web unchanged\n');
    expect(main(['--state', state, 'get', 'pod', 'nope'])).toEqual({ stdout: '', stderr: 'Error from server (NotFound): pods "nope" not found\n', code: 1 });
  });

  test('-f - reads stdin; quoting survives the round trip', () => {
    const { state } = workdir();
    expect(main(['--state', state, 'apply', '-f', '-'], () => POD('fromstdin')).stdout).toBe('pod/fromstdin created\n');
    expect(main(['--state', state, 'get', 'pod', 'fromstdin', '-o', 'jsonpath={.metadata.name} {.kind}']).stdout).toBe('fromstdin Pod');
  });

  test('end to end: apply, settle, pods Running on workers with IPs', () => {
    const { dir, state } = workdir();
    writeFileSync(join(dir, 'pods.yaml'), `${POD('a')}---\n${POD('b')}`);
    expect(main(['--state', state, '--nodes', '2', 'apply', '-f', join(dir, 'pods.yaml')]).stdout).toBe('pod/a created\npod/b created\n');
    expect(main(['--state', state, 'settle']).stdout).toMatch(/^settled after \d+ ticks? \(tick \d+\)\n$/);
    const out = main(['--state', state, 'get', 'pods', '-o', 'wide']).stdout.trim().split('\n');
    expect(out[0]).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES$/);
    for (const line of out.slice(1)) expect(line).toMatch(/^[ab]\s+1\/1\s+Running\s+0\s+\d+s\s+10\.244\.\d+\.\d+\s+worker-[12]\s+<none>\s+<none>$/);
    expect(main(['--state', state, 'tick', '2']).stdout).toMatch(/^tick \d+ \(\+2\): /);
  });

  test('runs as a process with kubectl exit codes', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'main.ts'), 'get', 'nodes'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\nworker-1|control-plane/);
    const bad = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'main.ts'), 'get', 'foo'], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe('error: the server doesn\'t have a resource type "foo"\n');
  });
});
