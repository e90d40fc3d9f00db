/** Reconcile-record strings added with the workload controllers: flat 'record.<controller>.<what>' keys. */
const records: Record<string, string> = {
  'record.kubelet.podSucceeded': '{{pod}}의 모든 컨테이너가 0으로 종료했고 다시 시작하지 않으므로 파드가 Succeeded가 됩니다',
  'record.kubelet.podFailed': '{{pod}}의 컨테이너가 실패했고 재시작 정책이 다시 시작하지 않으므로 파드가 Failed가 됩니다',
  'record.kubelet.podNotReady': '{{pod}}의 컨테이너가 더 이상 준비되지 않아 파드가 Ready가 아닙니다',
  'record.kubelet.containerState': '{{node}}의 kubelet이 {{pod}}의 컨테이너 {{container}}를 {{state}} 상태로 보고합니다(재시작: {{restarts}}회)',
  'record.kubelet.nodeReady': '{{node}}의 kubelet이 다시 실행되어 Ready를 보고합니다',
  'record.nodelifecycle.statusUnknown': '{{node}}가 {{seconds}}초 동안 상태를 보고하지 않아 컨디션이 Unknown이 됩니다',
  'record.nodelifecycle.taintUnreachable': '{{node}}에 연결할 수 없습니다. 새 파드가 배치되지 않고 이를 용인하지 않는 파드가 축출되도록 테인트를 추가합니다',
  'record.nodelifecycle.untaint': '{{node}}가 다시 Ready가 되어 unreachable 테인트를 제거합니다',
  'record.nodelifecycle.evict': '{{node}}의 NoExecute 테인트를 {{pod}}가 {{seconds}}초만 용인하므로 파드를 축출합니다',
  'record.kubectl.cordon': 'kubectl cordon이 {{node}}를 스케줄 불가로 표시했습니다',
  'record.kubectl.uncordon': 'kubectl uncordon이 {{node}}를 다시 스케줄 가능하게 했습니다',
  'record.kubectl.evict': 'kubectl drain이 {{node}}에서 {{pod}}를 축출했습니다',
  'record.sim.nodeStop': '학습자가 {{node}}의 kubelet을 중지했습니다. 더 이상 상태를 보고하거나 파드를 실행하지 않습니다',
  'record.sim.nodeStart': '학습자가 {{node}}의 kubelet을 다시 시작했습니다',
};

export default records;
