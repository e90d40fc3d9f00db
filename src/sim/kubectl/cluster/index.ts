import type { Cluster } from '../../cluster';
import { usage } from '../errors';
import type { KubectlResult } from '../types';
import type { ClusterSettingCommand } from './types';
import { showCommand } from './show';
import { cniCommand } from './cni';
import { weaveEncryptionCommand } from './weaveencryption';
import { loadBalancerCommand } from './loadbalancer';
import { ingressControllerCommand } from './ingresscontroller';
import { encryptionAtRestCommand } from './encryption';

export type { ClusterSettingCommand } from './types';

/** `cluster <setting> ...` subcommands, one file each; add a setting with one line here. */
export const CLUSTER_COMMANDS: Record<string, ClusterSettingCommand> = {
  show: showCommand,
  cni: cniCommand,
  'weave-encryption': weaveEncryptionCommand,
  'load-balancer': loadBalancerCommand,
  'ingress-controller': ingressControllerCommand,
  'encryption-at-rest': encryptionAtRestCommand,
};

/** The HELP lines for the subcommands, generated from the table. */
export function clusterHelp(): string {
  return Object.entries(CLUSTER_COMMANDS)
    .map(([name, c]) => `  cluster ${name}${c.usage ? ` ${c.usage}` : ''}\n      ${c.summary}\n`)
    .join('');
}

/** `cluster show`, `cluster cni calico` ...: Kube Orchestra's cluster settings (not kubectl). */
export function runClusterCommand(cluster: Cluster, words: string[]): KubectlResult {
  const [sub, ...rest] = words;
  const cmd = sub === undefined ? CLUSTER_COMMANDS.show : CLUSTER_COMMANDS[sub];
  if (!cmd) throw usage(`unknown cluster setting "${sub}"; one of: ${Object.keys(CLUSTER_COMMANDS).join(', ')}`);
  return cmd.run(cluster, rest);
}
