import type { Cluster } from '../../cluster';
import type { KubectlResult } from '../types';

/** One `cluster <setting> ...` subcommand (Kube Orchestra's own, not kubectl). */
export interface ClusterSettingCommand {
  /** The words after the subcommand, as the HELP text shows them: `flannel|calico|weave`. */
  usage: string;
  summary: string;
  run(cluster: Cluster, words: string[]): KubectlResult;
}
