import type { ClusterSettings } from '../../settings';
import { enforcesNetworkPolicy } from '../../settings';
import { table } from '../tabwriter';
import type { ClusterSettingCommand } from './types';
import { onOff } from './onoff';

/** The settings table `cluster show` prints: one row per setting with what it means right now. */
export function settingsRows(s: Readonly<ClusterSettings>): string[][] {
  const cniNote = {
    flannel: 'VXLAN overlay; NetworkPolicy is not enforced',
    calico: 'BGP routes (IP-in-IP); NetworkPolicy enforced',
    weave: 'mesh (fastdp); NetworkPolicy enforced',
    none: 'no CNI plugin: nodes are NotReady and pods cannot get an address',
  }[s.cni];
  return [
    ['cni', s.cni, cniNote + (enforcesNetworkPolicy(s.cni) ? '' : '')],
    ['weave-encryption', onOff(s.weaveEncryption), s.cni === 'weave' ? (s.weaveEncryption ? 'traffic between nodes is encrypted' : 'traffic between nodes is plain') : 'applies when the CNI is weave'],
    ['load-balancer', onOff(s.loadBalancer), s.loadBalancer ? 'LoadBalancer Services get an external IP' : 'LoadBalancer Services stay <pending>'],
    ['ingress-controller', onOff(s.ingressController), s.ingressController ? 'ingress-nginx routes Ingresses of class nginx' : 'Ingresses are stored but route nowhere'],
    ['encryption-at-rest', onOff(s.encryptionAtRest), s.encryptionAtRest ? 'Secrets are encrypted in etcd (aescbc)' : 'Secrets are stored base64-encoded only'],
  ];
}

export const showCommand: ClusterSettingCommand = {
  usage: '',
  summary: 'Print the cluster settings',
  run(cluster, words) {
    void words;
    return { stdout: table([['SETTING', 'VALUE', 'MEANING'], ...settingsRows(cluster.settings)]), stderr: '', exitCode: 0 };
  },
};
