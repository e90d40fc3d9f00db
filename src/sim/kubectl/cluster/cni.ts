import type { CniPlugin } from '../../settings';
import { CNI_PLUGINS, enforcesNetworkPolicy } from '../../settings';
import { usage } from '../errors';
import type { ClusterSettingCommand } from './types';

/** `cluster cni flannel|calico|weave`: switch the CNI plugin; pods keep their IPs (see network/cni.ts). */
export const cniCommand: ClusterSettingCommand = {
  usage: 'flannel|calico|weave',
  summary: 'Switch the CNI plugin (Flannel ignores NetworkPolicy; Calico and Weave enforce it)',
  run(cluster, words) {
    const [word, ...rest] = words;
    const cni = (word ?? '').toLowerCase() as CniPlugin;
    if (rest.length || !CNI_PLUGINS.includes(cni))
      throw usage(`cluster cni: expected one of ${CNI_PLUGINS.join(', ')}, got ${word === undefined ? 'nothing' : `"${words.join(' ')}"`}`);
    const before = cluster.settings.cni;
    if (before === cni) return { stdout: `cluster: cni is already ${cni} (unchanged)\n`, stderr: '', exitCode: 0 };
    const policy = enforcesNetworkPolicy(cni) ? 'NetworkPolicy is enforced' : 'NetworkPolicy is ignored';
    cluster.configure(
      { cni },
      { reason: `The learner switched the CNI plugin from ${before} to ${cni}: ${policy}`, code: 'record.cluster.cni', params: { from: before, to: cni } },
    );
    return { stdout: `cluster: cni changed from ${before} to ${cni} (${policy})\n`, stderr: '', exitCode: 0 };
  },
};
