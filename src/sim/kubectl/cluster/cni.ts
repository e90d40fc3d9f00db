import type { CniPlugin } from '../../settings';
import { CNI_PLUGINS, enforcesNetworkPolicy } from '../../settings';
import { usage } from '../errors';
import { switchCni } from '../../components/cniSwitch';
import type { ClusterSettingCommand } from './types';

/**
 * `cluster cni flannel|calico|weave|none`: switch the CNI plugin; pods keep their IPs (see network/cni.ts).
 * The old plugin's DaemonSet is deleted and the new one created (components/cniSwitch.ts); `none`
 * leaves the nodes NotReady until a plugin is installed again.
 */
export const cniCommand: ClusterSettingCommand = {
  usage: 'flannel|calico|weave|none',
  summary: 'Switch the CNI plugin (Flannel ignores NetworkPolicy; Calico and Weave enforce it)',
  run(cluster, words) {
    const [word, ...rest] = words;
    const cni = (word ?? '').toLowerCase() as CniPlugin;
    if (rest.length || !(CNI_PLUGINS.includes(cni) || cni === 'none'))
      throw usage(`cluster cni: expected one of ${CNI_PLUGINS.join(', ')}, got ${word === undefined ? 'nothing' : `"${words.join(' ')}"`}`);
    const before = cluster.settings.cni;
    if (before === cni) return { stdout: `cluster: cni is already ${cni} (unchanged)\n`, stderr: '', exitCode: 0 };
    const policy = cni === 'none' ? 'no pod network: nodes go NotReady' : enforcesNetworkPolicy(cni) ? 'NetworkPolicy is enforced' : 'NetworkPolicy is ignored';
    const lines = switchCni(cluster.userClient().as('cluster-admin'), cluster.store, before, cni);
    // Every node's kubelet looks at its network again (components/agent.ts).
    cluster.configure(
      { cni },
      { reason: `The learner switched the CNI plugin from ${before} to ${cni}: ${policy}`, code: 'record.cluster.cni', params: { from: before, to: cni } },
      ['nodes'],
    );
    return { stdout: `cluster: cni changed from ${before} to ${cni} (${policy})\n${lines.map((l) => `${l}\n`).join('')}`, stderr: '', exitCode: 0 };
  },
};
