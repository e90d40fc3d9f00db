import type { ClusterSettingCommand } from './types';
import { onOff, parseOnOff } from './onoff';

/** `cluster weave-encryption on|off`: Weave Net's password (IPsec ESP between nodes in fastdp). */
export const weaveEncryptionCommand: ClusterSettingCommand = {
  usage: 'on|off',
  summary: "Encrypt Weave Net's traffic between nodes",
  run(cluster, words) {
    const on = parseOnOff('weave-encryption', words);
    const note = cluster.settings.cni === 'weave' ? '' : ` (takes effect while the CNI is weave; it is ${cluster.settings.cni} now)`;
    if (cluster.settings.weaveEncryption === on) return { stdout: `cluster: weave-encryption is already ${onOff(on)} (unchanged)\n`, stderr: '', exitCode: 0 };
    cluster.configure(
      { weaveEncryption: on },
      {
        reason: on ? 'The learner set a Weave Net password: traffic between nodes is encrypted' : 'The learner removed the Weave Net password: traffic between nodes is sent in the clear',
        code: on ? 'record.cluster.weaveEncryptionOn' : 'record.cluster.weaveEncryptionOff',
        params: {},
      },
    );
    return { stdout: `cluster: weave-encryption ${onOff(on)}${note}\n`, stderr: '', exitCode: 0 };
  },
};
