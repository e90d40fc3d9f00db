/** Reconcile-record strings added with the workload controllers: flat 'record.<controller>.<what>' keys. */
const records: Record<string, string> = {
  'record.kubelet.podSucceeded': 'Every container of {{pod}} exited 0 and will not restart: the pod Succeeded',
  'record.kubelet.podFailed': 'A container of {{pod}} failed and the restart policy does not restart it: the pod Failed',
  'record.kubelet.podNotReady': 'A container of {{pod}} is no longer ready, so the pod is not Ready',
  'record.kubelet.containerState': 'kubelet on {{node}} reports container {{container}} of {{pod}} as {{state}} (restarts: {{restarts}})',
  'record.kubelet.nodeReady': 'The kubelet on {{node}} is running again and posts Ready',
  'record.nodelifecycle.statusUnknown': '{{node}} has not posted status for {{seconds}}s, so its conditions become Unknown',
  'record.nodelifecycle.taintUnreachable': '{{node}} is unreachable: taint it so nothing new lands there and pods that do not tolerate it are evicted',
  'record.nodelifecycle.untaint': '{{node}} is Ready again, so its unreachable taints are removed',
  'record.nodelifecycle.evict': '{{node}} has a NoExecute taint that {{pod}} tolerates for {{seconds}}s only: the pod is evicted',
  'record.kubectl.cordon': 'kubectl cordon marked {{node}} unschedulable',
  'record.kubectl.uncordon': 'kubectl uncordon made {{node}} schedulable again',
  'record.kubectl.evict': 'kubectl drain evicted {{pod}} from {{node}}',
  'record.sim.nodeStop': 'The learner stopped the kubelet of {{node}}: it no longer posts status or runs pods',
  'record.sim.nodeStart': 'The learner started the kubelet of {{node}} again',
};

export default records;
