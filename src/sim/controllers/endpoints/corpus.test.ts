import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Pod, Service } from 'kubernetes-types/core/v1';
import { createCluster } from '../../cluster';
import type { KubeObject } from '../../objects';
import { applyManifest } from '../../kubectl/apply';
import { matchesSelector } from '../../store/labels';
import { findByKind } from '../../api/resources';
import { parseAllDocuments, stringify } from 'yaml';
import { managedSlices } from './endpointslice';

const CORPUS = resolve(__dirname, '../../../../../shared/corpus/k8s-website-examples');

const FILES = readFileSync(resolve(CORPUS, 'INDEX.tsv'), 'utf8')
  .split('\n')
  .map((l) => l.split('\t'))
  .filter((f) => (f[2] ?? '').split(',').includes('v1/Service'))
  .map((f) => f[0] as string);

/** Files a real cluster refuses too, with why. None: every Service of the docs is valid. */
const EXPECTED_REJECTIONS: Record<string, string> = {};

/**
 * What each file leaves behind. Most files hold only the Service, so it selects nothing; the
 * files with their workload show ready endpoints.
 */
const EXPECTED: Record<string, string> = {
  'application/canary/app-service.yaml': 'rollout-demo-service(ClusterIP) ready=0 notReady=0',
  'application/cassandra/cassandra-service.yaml': 'cassandra(headless) ready=0 notReady=0',
  'application/guestbook/frontend-service.yaml': 'frontend(ClusterIP) ready=0 notReady=0',
  'application/guestbook/redis-follower-service.yaml': 'redis-follower(ClusterIP) ready=0 notReady=0',
  'application/guestbook/redis-leader-service.yaml': 'redis-leader(ClusterIP) ready=0 notReady=0',
  'application/job/rabbitmq/rabbitmq-service.yaml': 'rabbitmq-service(ClusterIP) ready=0 notReady=0',
  'application/job/redis/redis-service.yaml': 'redis(ClusterIP) ready=0 notReady=0',
  'application/mongodb/mongo-service.yaml': 'mongo(ClusterIP) ready=0 notReady=0',
  'application/mysql/mysql-deployment.yaml': 'mysql(headless) ready=0 notReady=0',
  'application/mysql/mysql-services.yaml': 'mysql(headless) ready=0 notReady=0; mysql-read(ClusterIP) ready=0 notReady=0',
  'application/nginx-app.yaml': 'my-nginx-svc(LoadBalancer) ready=3 notReady=0',
  'application/nginx/nginx-svc.yaml': 'my-nginx-svc(LoadBalancer) ready=0 notReady=0',
  'application/php-apache.yaml': 'php-apache(ClusterIP) ready=1 notReady=0',
  'application/web/web-parallel.yaml': 'nginx(headless) ready=0 notReady=0',
  'application/web/web.yaml': 'nginx(headless) ready=0 notReady=0',
  'application/wordpress/mysql-deployment.yaml': 'wordpress-mysql(headless) ready=0 notReady=0',
  'application/wordpress/wordpress-deployment.yaml': 'wordpress(LoadBalancer) ready=0 notReady=0',
  'application/zookeeper/zookeeper.yaml': 'zk-hs(headless) ready=0 notReady=0; zk-cs(ClusterIP) ready=0 notReady=0 (skipped: PodDisruptionBudget)',
  'controllers/statefulset.yaml': 'nginx(headless) ready=0 notReady=0',
  'service/access/backend-service.yaml': 'hello(ClusterIP) ready=0 notReady=0',
  'service/access/frontend-service.yaml': 'frontend(LoadBalancer) ready=0 notReady=0',
  'service/explore-graceful-termination-nginx.yaml': 'nginx-service(ClusterIP) ready=0 notReady=0',
  // Its pod mounts Secret nginxsecret and ConfigMap nginxconfigmap, which the file does not hold: it waits (FailedMount), not ready.
  'service/networking/nginx-secure-app.yaml': 'my-nginx(NodePort) ready=0 notReady=1',
  'service/networking/nginx-svc.yaml': 'my-nginx(ClusterIP) ready=0 notReady=0',
  'service/nginx-service.yaml': 'nginx-service(ClusterIP) ready=0 notReady=0',
  'service/pod-with-graceful-termination.yaml': 'nginx-service(ClusterIP) ready=1 notReady=0',
  'service/simple-service.yaml': 'my-service(ClusterIP) ready=0 notReady=0',
};

type PodObject = Pod & KubeObject;
type ServiceObject = Service & KubeObject;

const isReady = (p: PodObject) => (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');

/**
 * Applies one docs file the way `kubectl apply -f` would (every document of it), settles, and
 * checks each Service with a selector: its EndpointSlices list exactly the pods the selector
 * chooses that have an IP, ready ones as ready and not-ready ones as ready:false.
 */
function outcome(path: string): string {
  const c = createCluster({ seed: 1, nodes: 3 });
  const all = parseAllDocuments(readFileSync(resolve(CORPUS, path), 'utf8')).map((d) => d.toJS() as KubeObject | null).filter((d): d is KubeObject => !!d);
  const simulated = all.filter((d) => findByKind(d.apiVersion, d.kind)?.simulated);
  const skipped = all.filter((d) => !simulated.includes(d)).map((d) => d.kind);
  const res = applyManifest(c, simulated.map((d) => stringify(d)).join('---\n'), path, {});
  if (res.exitCode) return `rejected: ${res.stderr.trim()}`;
  c.runUntilSettled(300);
  const parts: string[] = [];
  const ns = 'default';
  for (const svc of c.store.list<ServiceObject>('services', { namespace: ns })) {
    if (svc.metadata.name === 'kubernetes') continue;
    const sel = svc.spec?.selector as Record<string, string> | undefined;
    const type = svc.spec?.type ?? 'ClusterIP';
    const ip = svc.spec?.clusterIP === 'None' ? 'headless' : type;
    if (!sel || !Object.keys(sel).length) {
      parts.push(`${svc.metadata.name}(${ip}) no selector`);
      continue;
    }
    const pods = c.store.list<PodObject>('pods', { namespace: ns }).filter((p) => matchesSelector(sel, p.metadata.labels) && p.status?.podIP && !['Succeeded', 'Failed'].includes(p.status?.phase ?? ''));
    const want = (ready: boolean) => pods.filter((p) => isReady(p) === ready).map((p) => p.status?.podIP).sort();
    const eps = managedSlices(c, ns, svc.metadata.name).flatMap((s) => s.endpoints ?? []);
    const got = (ready: boolean) => eps.filter((e) => !!e.conditions?.ready === ready).map((e) => e.addresses[0]).sort();
    expect(got(true), `${path} ${svc.metadata.name} ready`).toEqual(want(true));
    expect(got(false), `${path} ${svc.metadata.name} not ready`).toEqual(want(false));
    parts.push(`${svc.metadata.name}(${ip}) ready=${want(true).length} notReady=${want(false).length}`);
  }
  return parts.join('; ') + (skipped.length ? ` (skipped: ${skipped.join(', ')})` : '');
}

describe('every v1 Service in the docs corpus', () => {
  it('applies with its file and selects exactly the ready pods', () => {
    const got: Record<string, string> = {};
    for (const path of FILES) got[path] = outcome(path);
    for (const [path, why] of Object.entries(EXPECTED_REJECTIONS)) expect(got[path], why).toMatch(/^rejected/);
    for (const [path, v] of Object.entries(got)) if (!EXPECTED_REJECTIONS[path]) expect(v, path).not.toMatch(/^rejected/);
    expect(got).toEqual(EXPECTED);
    expect(FILES.length).toBe(27);
  });
});
