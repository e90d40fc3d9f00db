import type { PodFailurePolicyRule } from 'kubernetes-types/batch/v1';
import type { JobObject, PodObject } from './pods';

export interface PolicyMatch {
  action: 'FailJob' | 'Ignore' | 'Count' | 'FailIndex';
  message: string;
}

function exitCodeMatch(rule: PodFailurePolicyRule, pod: PodObject, index: number): PolicyMatch | undefined {
  const req = rule.onExitCodes;
  if (!req) return undefined;
  const statuses = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
  for (const s of statuses) {
    if (req.containerName && req.containerName !== s.name) continue;
    const code = s.state?.terminated?.exitCode;
    // Exit code 0 never counts as a failure, whatever the operator.
    if (code === undefined || code === 0) continue;
    const listed = req.values.includes(code);
    if (req.operator === 'In' ? listed : !listed)
      return {
        action: rule.action as PolicyMatch['action'],
        message: `Container ${s.name} for pod ${pod.metadata.namespace}/${pod.metadata.name} failed with exit code ${code} matching ${rule.action} rule at index ${index}`,
      };
  }
  return undefined;
}

function conditionMatch(rule: PodFailurePolicyRule, pod: PodObject, index: number): PolicyMatch | undefined {
  for (const want of rule.onPodConditions ?? []) {
    const has = pod.status?.conditions?.find((c) => c.type === want.type && c.status === (want.status ?? 'True'));
    if (has)
      return {
        action: rule.action as PolicyMatch['action'],
        message: `Pod ${pod.metadata.namespace}/${pod.metadata.name} has condition ${want.type} matching ${rule.action} rule at index ${index}`,
      };
  }
  return undefined;
}

/** The first podFailurePolicy rule a failed pod matches (matchPodFailurePolicy), if any. */
export function matchFailurePolicy(job: JobObject, pod: PodObject): PolicyMatch | undefined {
  const rules = job.spec?.podFailurePolicy?.rules ?? [];
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i] as PodFailurePolicyRule;
    const m = exitCodeMatch(rule, pod, i) ?? conditionMatch(rule, pod, i);
    if (m) return m;
  }
  return undefined;
}
