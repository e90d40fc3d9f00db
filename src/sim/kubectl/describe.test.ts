import { describe, expect, test } from 'vitest';
import { runKubectl } from './index';
import { noFiles, putPod, quietCluster, running } from './testing';
import { tabwrite } from './tabwriter';

describe('kubectl describe', () => {
  test('pod: kubectl layout, aligned per block like Go tabwriter', () => {
    const c = quietCluster();
    const pod = putPod(c, 'web', running(c, '10.244.1.2'), { node: 'worker-1', labels: { app: 'web', tier: 'front' } });
    c.clock.tick = 1;
    c.events.record(pod, 'Normal', 'Scheduled', 'Successfully assigned default/web to worker-1', { component: 'default-scheduler' });
    c.clock.tick = 3;
    c.events.record(pod, 'Normal', 'Started', 'Started container web', { component: 'kubelet', host: 'worker-1' });
    c.clock.tick = 70;
    const r = runKubectl(c, 'describe pod web', noFiles);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      [
        'Name:             web',
        'Namespace:        default',
        'Service Account:  ',
        'Node:             worker-1/172.18.0.3',
        'Start Time:       Thu, 01 Jan 2026 09:00:01 +0000',
        'Labels:           app=web',
        '                  tier=front',
        'Annotations:      <none>',
        'Status:           Running',
        'IP:               10.244.1.2',
        'IPs:',
        '  IP:  10.244.1.2',
        'Containers:',
        '  web:',
        '    Container ID:   containerd://abc123',
        '    Image:          nginx:1.27',
        '    Image ID:       docker.io/library/nginx@sha256:0000',
        '    Port:           80/TCP',
        '    Host Port:      0/TCP',
        '    State:          Running',
        '      Started:      Thu, 01 Jan 2026 09:00:03 +0000',
        '    Ready:          True',
        '    Restart Count:  0',
        '    Environment:    <none>',
        '    Mounts:         <none>',
        'Conditions:',
        '  Type                        Status',
        '  PodReadyToStartContainers   True ',
        '  Initialized                 True ',
        '  Ready                       True ',
        '  ContainersReady             True ',
        '  PodScheduled                True ',
        'Volumes:                      <none>',
        'QoS Class:                    BestEffort',
        'Node-Selectors:               <none>',
        'Tolerations:                  <none>',
        'Events:',
        '  Type    Reason     Age   From               Message',
        '  ----    ------     ----  ----               -------',
        '  Normal  Scheduled  69s   default-scheduler  Successfully assigned default/web to worker-1',
        '  Normal  Started    67s   kubelet            Started container web',
        '',
      ].join('\n'),
    );
  });

  test('not found, node and namespace', () => {
    const c = quietCluster();
    expect(runKubectl(c, 'describe pod nope', noFiles)).toMatchObject({ stderr: 'Error from server (NotFound): pods "nope" not found\n', exitCode: 1 });
    const node = runKubectl(c, 'describe node control-plane', noFiles).stdout;
    expect(node).toContain('Roles:              control-plane\n');
    expect(node).toContain('Taints:             node-role.kubernetes.io/control-plane:NoSchedule\n');
    expect(node).toContain('PodCIDR:                      10.244.0.0/24\n');
    expect(runKubectl(c, 'describe ns default', noFiles).stdout).toBe(
      'Name:         default\nLabels:       kubernetes.io/metadata.name=default\nAnnotations:  <none>\nStatus:       Active\n\nNo resource quota.\n\nNo LimitRange resource.\n',
    );
  });
});

describe('tabwriter', () => {
  test('a column block ends at a line without that cell', () => {
    expect(tabwrite('a:\tx\nlonger:\ty\nbreak\nb:\tz\n', 0, 2)).toBe('a:       x\nlonger:  y\nbreak\nb:  z\n');
    expect(tabwrite('A\tB\tC\nlong\tx\ty\n', 6, 3)).toBe('A      B     C\nlong   x     y\n');
  });
});
