import { describe, expect, it } from 'vitest';
import type { Container, Volume } from 'kubernetes-types/core/v1';
import { fileExists, runProcess } from './process';
import type { ProcessRun } from './process';
import { lookupImage, splitReference } from './registry';
import { normalizeImage } from './images';

function run(c: Partial<Container> & { image: string }, volumes?: Volume[], until = 30): ProcessRun {
  const l = lookupImage(c.image);
  if (!l.found) throw new Error(l.error);
  return runProcess({ name: 'c', ...c }, l.entry, { startedAtMillis: Date.UTC(2026, 0, 1), podName: 'p-0', until, volumes });
}
const texts = (r: ProcessRun) => r.logs.map((l) => l.text);

describe('image references', () => {
  it('docker.io spelled out is the same Docker Hub repository as the short name', () => {
    expect(normalizeImage('docker.io/redis:6.0.5')).toBe('docker.io/library/redis:6.0.5');
    expect(normalizeImage('index.docker.io/redis')).toBe('docker.io/library/redis:latest');
    expect(normalizeImage('docker.io/curlimages/curl:8.18.0')).toBe('docker.io/curlimages/curl:8.18.0');
    expect(splitReference('docker.io/redis:6.0.5')).toEqual({ repository: 'docker.io/library/redis', tag: '6.0.5' });
    expect(lookupImage('docker.io/redis:6.0.5').found).toBe(true);
    expect(lookupImage('docker.io/redis:0.0.1').found).toBe(false);
  });
});

describe('long-running commands', () => {
  it('tail -F follows a file that may not exist yet until killed', () => {
    const r = run({ image: 'alpine:latest', command: ['sh', '-c', 'tail -F /opt/logs.txt'], volumeMounts: [{ name: 'data', mountPath: '/opt' }] }, [{ name: 'data', emptyDir: {} }]);
    expect(r.exitAfter).toBeUndefined();
  });

  it('tail -f follows an existing file, but gives up on a missing one as busybox does', () => {
    expect(run({ image: 'busybox:1.36', command: ['tail', '-f', '/dev/null'] }).exitAfter).toBeUndefined();
    const missing = run({ image: 'busybox:1.36', command: ['sh', '-c', 'tail -f /tmp/nothing'] });
    expect(missing.exitAfter).toBe(0);
    expect(missing.exitCode).toBe(1);
    expect(texts(missing)).toEqual(["tail: can't open '/tmp/nothing': No such file or directory"]);
    const touched = run({ image: 'busybox:1.36', command: ['sh', '-c', 'touch /tmp/app.log; tail -f /tmp/app.log'] });
    expect(touched.exitAfter).toBeUndefined();
  });

  it('sleep infinity and while-true loops never end; a bounded sleep does', () => {
    expect(run({ image: 'busybox:1.36', command: ['sleep', 'infinity'] }).exitAfter).toBeUndefined();
    const loop = run({ image: 'busybox:1.36', command: ['sh', '-c', 'while true; do echo tick; sleep 5; done'] });
    expect(loop.exitAfter).toBeUndefined();
    expect(texts(loop).slice(0, 3)).toEqual(['tick', 'tick', 'tick']);
    expect(loop.logs[1]?.at).toBe(5);
    expect(run({ image: 'busybox:1.36', command: ['sh', '-c', 'sleep 3600'] }).exitAfter).toBe(3600);
  });

  it('a reader after a follower in a pipeline runs as long as the follower', () => {
    const r = run({ image: 'busybox:1.36', command: ['sh', '-c', 'touch /var/log/app/raw.log; tail -F /var/log/app/raw.log | while read line; do echo "adapted: $line"; done'] });
    expect(r.exitAfter).toBeUndefined();
    expect(run({ image: 'busybox:1.36', command: ['sh', '-c', 'tail -f /dev/null | head -n 1'] }).exitAfter).toBe(0);
  });
});

describe('args without command go to the image entrypoint', () => {
  it('mongo: flags are passed to mongod, which keeps serving', () => {
    const r = run({ image: 'mongo:4.2', args: ['--bind_ip', '0.0.0.0'] });
    expect(r.exitAfter).toBeUndefined();
    expect(r.listens).toEqual([27017]);
  });

  it('redis: a config file is passed to redis-server', () => {
    expect(run({ image: 'redis:7', args: ['/usr/local/etc/redis/redis.conf'] }).exitAfter).toBeUndefined();
    expect(run({ image: 'redis:7', command: ['redis-server', '/redis-master/redis.conf'] }).exitAfter).toBeUndefined();
  });

  it('a command in args is exec-ed by the entrypoint script (nginx -T prints the config and exits)', () => {
    const r = run({ image: 'nginx:1.16.1', args: ['nginx', '-T'] });
    expect(r.exitAfter).toBe(0);
    expect(texts(r)[0]).toBe('nginx: the configuration file /etc/nginx/nginx.conf syntax is ok');
  });

  it('busybox has no entrypoint: args are the command', () => {
    const r = run({ image: 'busybox:1.36', args: ['sh', '-c', 'echo hi; exit 3'] });
    expect(texts(r)).toEqual(['hi']);
    expect(r.exitCode).toBe(3);
  });

  it('socat listening, and stress without --timeout, run until stopped', () => {
    expect(run({ image: 'alpine/socat:1.8.0.3', args: ['tcp-listen:5432,fork', 'tcp-connect:db:5432'] }).listens).toEqual([5432]);
    expect(run({ image: 'polinux/stress', command: ['stress'], args: ['--vm', '1', '--vm-bytes', '150M', '--vm-hang', '1'] }).exitAfter).toBeUndefined();
    expect(run({ image: 'polinux/stress', command: ['stress', '--cpu', '1', '--timeout', '20s'] }).exitAfter).toBe(20);
  });
});

describe('files and redirections', () => {
  const machineId: { volumes: Volume[]; mounts: Container['volumeMounts'] } = {
    volumes: [
      { name: 'machine-id', hostPath: { path: '/etc/machine-id', type: 'File' } },
      { name: 'log-dir', hostPath: { path: '/var/log' } },
    ],
    mounts: [
      { name: 'machine-id', mountPath: '/etc/machine-id', readOnly: true },
      { name: 'log-dir', mountPath: '/var/log' },
    ],
  };

  it('cat of a mounted host file into a file completes and prints nothing to the log', () => {
    const r = run({ image: 'busybox:1.37', command: ['sh', '-c', 'cat /etc/machine-id > /var/log/machine-id.log'], volumeMounts: machineId.mounts }, machineId.volumes);
    expect(r.exitAfter).toBe(0);
    expect(r.exitCode).toBe(0);
    expect(r.logs).toEqual([]);
    expect(fileExists(r, '/var/log/machine-id.log', 0)).toBe(true);
  });

  it('cat of a file that is nowhere fails as busybox does', () => {
    const r = run({ image: 'busybox:1.37', command: ['sh', '-c', 'cat /etc/machine-id > /tmp/id'] });
    expect(r.exitCode).toBe(1);
    expect(texts(r)).toEqual(["cat: can't open '/etc/machine-id': No such file or directory"]);
    const quiet = run({ image: 'busybox:1.37', command: ['sh', '-c', 'cat /nope 2>/dev/null || echo fallback'] });
    expect(texts(quiet)).toEqual(['fallback']);
    expect(quiet.exitCode).toBe(0);
  });

  it('the kubelet-managed /etc/hosts and ConfigMap-mounted keys are there', () => {
    expect(run({ image: 'busybox:1.28', command: ['cat', '/etc/hosts'] }).exitCode).toBe(0);
    const cm = run({ image: 'busybox:1.28', command: ['/bin/sh', '-c', 'cat /etc/config/keys'], volumeMounts: [{ name: 'config-volume', mountPath: '/etc/config' }] }, [{ name: 'config-volume', configMap: { name: 'special-config' } }]);
    expect(cm.exitCode).toBe(0);
  });

  it('echo >> file writes the file, not the log; an emptyDir starts empty', () => {
    const r = run({ image: 'alpine:latest', command: ['sh', '-c', 'cat /opt/logs.txt; echo "logging" >> /opt/logs.txt; cat /opt/logs.txt && echo done'], volumeMounts: [{ name: 'data', mountPath: '/opt' }] }, [{ name: 'data', emptyDir: {} }]);
    expect(texts(r)).toEqual(["cat: can't open '/opt/logs.txt': No such file or directory", 'done']);
    expect(fileExists(r, '/opt/logs.txt', 0)).toBe(true);
    expect(fileExists(r, '/opt', 0)).toBe(true);
  });

  it('the liveness example: /tmp/healthy exists for 30 seconds', () => {
    const r = run({ image: 'registry.k8s.io/busybox', args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'] });
    expect(fileExists(r, '/tmp/healthy', 10)).toBe(true);
    expect(fileExists(r, '/tmp/healthy', 31)).toBe(false);
    expect(r.exitAfter).toBe(630);
  });
});
