import type { ClusterSettingCommand } from './types';
import { onOff, parseOnOff } from './onoff';

/**
 * `cluster encryption-at-rest on|off`: kube-apiserver restarted with (or without) an
 * EncryptionConfiguration that encrypts Secrets with aescbc. Only writes from now on follow
 * the new setting, so the switch point (the store's resourceVersion) is recorded.
 */
export const encryptionAtRestCommand: ClusterSettingCommand = {
  usage: 'on|off',
  summary: 'Encrypt Secrets written from now on in etcd (aescbc); see them with etcdctl get /registry/secrets/NS/NAME',
  run(cluster, words) {
    const on = parseOnOff('encryption-at-rest', words);
    if (cluster.settings.encryptionAtRest === on) return { stdout: `cluster: encryption-at-rest is already ${onOff(on)} (unchanged)\n`, stderr: '', exitCode: 0 };
    const switches = [...(cluster.settings.encryptionSwitches ?? []), { resourceVersion: cluster.store.resourceVersion, on }];
    cluster.configure(
      { encryptionAtRest: on, encryptionSwitches: switches },
      {
        reason: on
          ? 'The learner turned on encryption at rest: Secrets written from now on are stored aescbc-encrypted; existing ones stay plaintext until rewritten'
          : 'The learner turned off encryption at rest: Secrets written from now on are stored in plaintext; encrypted ones stay encrypted until rewritten',
        code: on ? 'record.cluster.encryptionOn' : 'record.cluster.encryptionOff',
        params: {},
      },
    );
    const note = on
      ? 'Secrets written from now on are encrypted in etcd; existing Secrets stay plaintext until rewritten (kubectl get secrets -A -o json | kubectl replace -f -, or apply them again).'
      : 'Secrets written from now on are stored in plaintext; encrypted ones stay encrypted until rewritten.';
    return { stdout: `cluster: encryption-at-rest ${onOff(on)}\n${note}\n`, stderr: '', exitCode: 0 };
  },
};
