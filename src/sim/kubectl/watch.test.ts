import { describe, expect, it } from 'vitest';
import { parseWatch, watchRows, watchWidths, watches } from './watch';
import { putPod, quietCluster, running } from './testing';

describe('get -w', () => {
  it('reads the watch from the line and keeps the rest for the first table', () => {
    const w = parseWatch('kubectl get pods -w -l app=web -n dev');
    expect(w?.line).toBe('get pods -l app=web -n dev');
    expect(w?.resource).toBe('pods');
    expect(w?.namespace).toBe('dev');
    expect(parseWatch('get deploy --watch -A')?.resource).toBe('deployments.apps');
    expect(parseWatch('get deploy --watch -A')?.namespace).toBeUndefined();
    expect(parseWatch('get pod/web -w')?.names).toEqual(['web']);
    expect(parseWatch('get nodes -w')?.namespace).toBeUndefined();
  });

  it('is not a watch without -w, or when kubectl would not print rows', () => {
    expect(parseWatch('get pods')).toBeUndefined();
    expect(parseWatch('describe pods -w')).toBeUndefined();
    expect(parseWatch('get pods -w -o yaml')).toBeUndefined();
    expect(parseWatch('get podz -w')).toBeUndefined();
    expect(parseWatch('get pods,svc -w')).toBeUndefined();
  });

  it('covers the objects in its namespace that match its selector', () => {
    const c = quietCluster();
    const web = putPod(c, 'web', running(c, '10.244.1.2'), { node: 'worker-1', labels: { app: 'web' } });
    const db = putPod(c, 'db', { phase: 'Pending' }, { labels: { app: 'db' } });
    const other = putPod(c, 'web', { phase: 'Pending' }, { namespace: 'dev', labels: { app: 'web' } });
    const w = parseWatch('get pods -w -l app=web');
    if (!w) throw new Error('no watch');
    expect([web, db, other].filter((o) => watches(w, o))).toEqual([web]);
  });

  it('prints each changed object as a row without the header, in the columns the table printed', () => {
    const c = quietCluster();
    const web = putPod(c, 'web', running(c, '10.244.1.2'), { node: 'worker-1' });
    const pending = putPod(c, 'web-2', { phase: 'Pending' }, { createdAt: 100 });
    const w = parseWatch('get pods -w');
    if (!w) throw new Error('no watch');
    const widths = watchWidths(w, [web], 130);
    // NAME   READY   STATUS    RESTARTS   AGE  /  web    1/1     Running   0          2m10s
    const first = watchRows(w, [pending], 130, widths);
    expect(first.text).toBe('web-2   0/1     Pending   0          30s\n');
    // A wider STATUS widens that column from then on, as kubectl's RememberWidths tabwriter does.
    const creating = { ...pending, status: { phase: 'Pending', containerStatuses: [{ name: 'web', image: 'nginx:1.27', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }] } };
    const second = watchRows(w, [creating], 131, first.widths);
    expect(second.text).toBe('web-2   0/1     ContainerCreating   0          31s\n');
    expect(watchRows(w, [web], 132, second.widths).text).toBe('web     1/1     Running             0          2m12s\n');
    const all = parseWatch('get pods -A -w');
    if (!all) throw new Error('no watch');
    expect(watchRows(all, [pending], 130, watchWidths(all, [], 130)).text).toBe('default     web-2   0/1     Pending   0          30s\n');
    expect(watchRows(w, [], 130, widths).text).toBe('');
  });
});
