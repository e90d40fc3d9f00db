import type { ClusterSettingCommand } from './types';
import { onOff, parseOnOff } from './onoff';

/** `cluster load-balancer on|off`: a load-balancer provider (a cloud, or MetalLB) answers LoadBalancer Services. */
export const loadBalancerCommand: ClusterSettingCommand = {
  usage: 'on|off',
  summary: 'Install or remove a load-balancer provider (LoadBalancer Services get an external IP)',
  run(cluster, words) {
    const on = parseOnOff('load-balancer', words);
    if (cluster.settings.loadBalancer === on) return { stdout: `cluster: load-balancer is already ${onOff(on)} (unchanged)\n`, stderr: '', exitCode: 0 };
    // Resync Services so the service controller re-reconciles every LoadBalancer Service now.
    cluster.configure(
      { loadBalancer: on },
      {
        reason: on
          ? 'The learner installed a load-balancer provider: LoadBalancer Services get an external IP'
          : 'The learner removed the load-balancer provider: LoadBalancer Services lose their external IP',
        code: on ? 'record.cluster.loadBalancerOn' : 'record.cluster.loadBalancerOff',
        params: {},
      },
      ['services'],
    );
    return { stdout: `cluster: load-balancer ${onOff(on)}\n`, stderr: '', exitCode: 0 };
  },
};
