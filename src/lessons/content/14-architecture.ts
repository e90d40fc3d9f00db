import type { Event } from 'kubernetes-types/core/v1';
import type { Lesson } from '../types';
import type { KubeObject } from '../../sim/objects';
import { allOf, deploymentAvailable, findPod, lastCommandMatches, lastErrorContains, lastOutputContains, objectsOf, ownedPodsRunning, podOnWorker, podRunning, podUnscheduled } from '../goals';
import type { Check } from '../goals';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
          ports:
            - containerPort: 80
`;

/** kubeadm's static pods, named `<component>-<node>` by the kubelet that runs them. */
const STATIC_PODS = ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler'].map((c) => `${c}-control-plane`);

/** Kube Orchestra's stand-ins for `mv /etc/kubernetes/manifests/kube-scheduler.yaml /tmp/` on the control plane, and back. */
const STOP_SCHEDULER = 'kubectl node stop-component control-plane kube-scheduler';
const START_SCHEDULER = 'kubectl node start-component control-plane kube-scheduler';
const DELETE_PROXIES = 'kubectl delete pods -n kube-system -l k8s-app=kube-proxy';

/** The control plane (1) and two workers. */
const NODES = 3;

/** No Event at all is about this pod: not even FailedScheduling. */
const noEventsAbout =
  (ns: string, name: string): Check =>
  (s) =>
    !objectsOf<Event & KubeObject>(s, 'events').some((e) => e.involvedObject.kind === 'Pod' && e.involvedObject.name === name && e.involvedObject.namespace === ns);

/** The last output was `kubectl describe` ending in `Events: <none>`. */
const describedWithoutEvents: Check = (s) => s.lastResult?.exitCode === 0 && /Events:\s+<none>/.test(s.lastResult.stdout);

export const architectureLesson: Lesson = {
  id: 'architecture',
  number: 14,
  title: { ko: '클러스터 아키텍처', en: 'Cluster architecture' },
  summary: {
    ko: '컨트롤 플레인과 워커 노드의 구성 요소를 찾아보고, `kubectl apply` 한 번이 어떤 구성 요소를 거치는지 틱 단위로 따라갑니다. 스케줄러를 멈추고 kube-proxy 파드를 지워 보며 각자의 역할을 확인합니다.',
    en: 'Find the components of the control plane and the workers, follow one `kubectl apply` through them tick by tick, then stop the scheduler and delete kube-proxy pods to see what each one is for.',
  },
  scenario: { cluster: { seed: 14, nodes: 2 }, manifests: [] },
  steps: [
    {
      id: 'components',
      title: { ko: '컨트롤 플레인 찾기', en: 'Find the control plane' },
      body: {
        ko: `클러스터는 결정을 내리는 **컨트롤 플레인**과 파드를 실행하는 **워커 노드**로 나뉩니다. 컨트롤 플레인에는 네 구성 요소가 있습니다.

- **kube-apiserver**: 모든 통신이 모이는 중앙 허브입니다. REST API를 제공하고, etcd를 읽고 쓰는 유일한 구성 요소입니다.
- **etcd**: 클러스터 상태를 저장하는 분산 키-값 저장소입니다.
- **kube-scheduler**: 리소스 요구사항을 따져 파드를 둘 노드를 정합니다.
- **kube-controller-manager**: 컨트롤러들을 실행해 원하는 상태를 유지합니다.

kubeadm으로 만든 클러스터에서는 이들도 \`kube-system\` 네임스페이스의 파드입니다. 어느 노드에서 도는지 확인합니다.`,
        en: `A cluster has a **control plane** that makes decisions and **worker nodes** that run pods. The control plane has four components:

- **kube-apiserver**: the hub every conversation goes through. It serves the REST API and is the only component that reads or writes etcd.
- **etcd**: a distributed key-value store holding the cluster's state.
- **kube-scheduler**: decides which node a pod goes to, weighing its resource requests.
- **kube-controller-manager**: runs the controllers that keep the desired state.

In a cluster built with kubeadm these are pods too, in the \`kube-system\` namespace. See which node they run on.`,
      },
      command: 'kubectl get pods -n kube-system -o wide',
      goals: [
        {
          id: 'control-plane',
          text: { ko: '컨트롤 플레인 파드 네 개를 찾았습니다', en: 'You found the four control-plane pods' },
          check: allOf(lastCommandMatches(/-n\s*kube-system|--namespace[= ]kube-system|-A\b|--all-namespaces/), ...STATIC_PODS.map((p) => lastOutputContains(p))),
        },
        {
          id: 'proxy',
          text: { ko: '`kube-proxy` 파드가 노드마다 하나씩 있습니다', en: 'There is one `kube-proxy` pod per node' },
          check: allOf(lastOutputContains('kube-proxy-'), ownedPodsRunning('kube-system', 'DaemonSet', 'kube-proxy', NODES)),
        },
      ],
      hint: { ko: '콘솔에 `kubectl get pods -n kube-system -o wide`를 입력하고 NODE 열을 봅니다.', en: 'Type `kubectl get pods -n kube-system -o wide` in the console and read the NODE column.' },
      explain: {
        ko: '컨트롤 플레인 파드 네 개는 모두 `control-plane` 노드에 있고, 이름 끝에 노드 이름이 붙어 있습니다. `kube-proxy`는 데몬셋(DaemonSet)이 노드마다 하나씩 띄웁니다. 워커 노드의 나머지 두 구성 요소인 kubelet과 컨테이너 런타임(containerd)은 목록에 없습니다. 이 둘은 파드가 아니라 머신마다 도는 시스템 서비스이기 때문입니다.',
        en: 'The four control-plane pods all run on `control-plane`, with the node name at the end of their names. A DaemonSet runs one `kube-proxy` on every node. The other two worker components, the kubelet and the container runtime (containerd), are not in the list: they are system services on each machine, not pods.',
      },
      solution: [{ kind: 'kubectl', line: 'kubectl get pods -n kube-system -o wide' }],
    },
    {
      id: 'follow-apply',
      title: { ko: '`apply` 한 번 따라가기', en: 'Follow one `apply`' },
      body: {
        ko: `워커 노드의 구성 요소는 셋입니다. **kubelet**은 노드의 대리인으로, 그 노드에 배정된 파드의 생명주기를 관리합니다. **컨테이너 런타임**은 실제로 컨테이너를 실행하고, kubelet과는 CRI 인터페이스로 대화합니다. **kube-proxy**는 네트워크 트래픽을 라우팅해 서비스라는 추상화를 구현합니다.

편집기의 디플로이먼트를 적용합니다. 그다음 아키텍처 탭을 열고 "한 틱"을 누를 때마다 "다음 메시지"(→)로 그 틱에 오간 메시지를 하나씩 읽습니다. 메시지를 누르면 그 뒤의 오브젝트와 기록이 나옵니다.`,
        en: `A worker has three components. The **kubelet** is the node's agent and manages the lifecycle of the pods assigned to it. The **container runtime** actually runs containers; the kubelet talks to it through the CRI interface. **kube-proxy** routes network traffic and so implements the Service abstraction.

Apply the Deployment in the editor. Then open the Architecture tab; after each press of Step, use Next message (→) to read the messages that tick carried, one at a time. Click a message to see the object and record behind it.`,
      },
      editor: { file: 'web.yaml', yaml: DEPLOYMENT },
      prediction: {
        question: { ko: '파드의 `spec.nodeName`을 정하는 구성 요소는 무엇일까요?', en: 'Which component decides a pod\'s `spec.nodeName`?' },
        choices: [
          { ko: 'kubectl', en: 'kubectl' },
          { ko: 'kube-scheduler', en: 'kube-scheduler' },
          { ko: '파드를 실행할 노드의 kubelet', en: 'The kubelet of the node that will run it' },
        ],
        answer: 1,
        explain: {
          ko: '스케줄러가 노드를 골라 API 서버에 바인딩(Binding)을 보내고, API 서버가 그 결과를 파드에 적습니다. kubelet은 워치로 자기 노드 이름이 적힌 파드를 받아 실행할 뿐입니다.',
          en: 'The scheduler picks a node and sends a Binding to the API server, which writes it into the pod. The kubelet only receives, through its watch, the pods that name its node, and runs them.',
        },
      },
      goals: [{ id: 'available', text: { ko: '디플로이먼트 `web`의 파드 두 개가 준비되었습니다', en: 'Deployment `web` has two ready pods' }, check: deploymentAvailable('default', 'web', 2) }],
      hint: { ko: '적용을 누른 뒤 아키텍처 탭에서 "한 틱"을 여러 번 누릅니다. 끝까지 빨리 가려면 안정화를 누릅니다.', en: 'Press Apply, then press Step several times with the Architecture tab open. Settle runs to the end.' },
      explain: {
        ko: 'kubectl이 API 서버에 POST를 보냈고, API 서버가 etcd에 저장했습니다. 워치 알림을 받은 kube-controller-manager의 디플로이먼트 컨트롤러가 레플리카셋을, 레플리카셋 컨트롤러가 파드 두 개를 API 서버에 만들었습니다. kube-scheduler가 바인딩을 보냈고, 각 노드의 kubelet이 containerd에 CRI 호출(RunPodSandbox, CreateContainer, StartContainer)을 한 뒤 상태를 보고했습니다. 모든 화살표가 API 서버를 지납니다. 구성 요소끼리 직접 대화하지 않고, etcd에 닿는 것도 API 서버뿐입니다.',
        en: 'kubectl POSTed to the API server, which stored the object in etcd. Notified by a watch, the deployment controller inside kube-controller-manager created a ReplicaSet, and the ReplicaSet controller created two pods, each through the API server. kube-scheduler sent Bindings; each node\'s kubelet made CRI calls to containerd (RunPodSandbox, CreateContainer, StartContainer) and reported status. Every arrow passes through the API server: components never talk to each other directly, and only the API server touches etcd.',
      },
      solution: [{ kind: 'apply', file: 'web.yaml', yaml: DEPLOYMENT }, { kind: 'settle' }],
    },
    {
      id: 'stop-scheduler',
      title: { ko: '스케줄러 멈추기', en: 'Stop the scheduler' },
      body: {
        ko: `컨트롤 플레인 구성 요소는 **스태틱(static) 파드**입니다. API 서버가 아니라 \`control-plane\` 노드의 kubelet이 \`/etc/kubernetes/manifests\`의 파일을 읽고 직접 실행합니다. API 서버에 보이는 것은 kubelet이 올린 **미러 파드(mirror pod)**입니다. 그래서 \`kubectl delete\`로 지워도 다시 나타납니다.

스케줄러를 멈추려면 매니페스트 파일을 디렉터리 밖으로 옮깁니다(\`mv /etc/kubernetes/manifests/kube-scheduler.yaml /tmp/\`). \`node stop-component\`는 이 일을 대신하는 Kube Orchestra 명령입니다. 실행하고 안정화한 뒤 \`kubectl get pod kube-scheduler-control-plane -n kube-system\`으로 확인합니다.`,
        en: `Control-plane components are **static pods**. Not the API server but the kubelet on \`control-plane\` reads the files in \`/etc/kubernetes/manifests\` and runs them itself; what the API server shows is the **mirror pod** the kubelet posts. That is why \`kubectl delete\` cannot get rid of them.

To stop the scheduler, move its manifest out of that directory (\`mv /etc/kubernetes/manifests/kube-scheduler.yaml /tmp/\`); \`node stop-component\` is the Kube Orchestra command that does it for you. Run it, press Settle, then check with \`kubectl get pod kube-scheduler-control-plane -n kube-system\`.`,
      },
      command: STOP_SCHEDULER,
      goals: [
        {
          id: 'gone',
          text: { ko: 'API 서버가 스케줄러 파드를 찾지 못합니다', en: 'The API server no longer finds the scheduler pod' },
          check: lastErrorContains('pods "kube-scheduler-control-plane" not found'),
        },
      ],
      hint: { ko: `\`${STOP_SCHEDULER}\`을 실행하고 안정화를 누른 뒤 스케줄러 파드를 조회합니다.`, en: `Run \`${STOP_SCHEDULER}\`, press Settle, then ask for the scheduler pod.` },
      explain: {
        ko: 'kubelet이 매니페스트가 사라진 것을 보고 스케줄러 컨테이너를 멈춘 뒤 미러 파드를 지웠습니다. API 서버의 답은 `Error from server (NotFound): pods "kube-scheduler-control-plane" not found`입니다. 실제 운영에서는 이렇게 멈추지 않지만, 스케줄러가 죽었을 때와 같은 상태입니다.',
        en: 'The kubelet saw the manifest disappear, stopped the scheduler\'s container and deleted the mirror pod, so the API server answers `Error from server (NotFound): pods "kube-scheduler-control-plane" not found`. Nobody stops a scheduler this way in production, but it is the same state as a crashed one.',
      },
      solution: [
        { kind: 'kubectl', line: STOP_SCHEDULER },
        { kind: 'settle' },
        { kind: 'kubectl', line: 'kubectl get pod kube-scheduler-control-plane -n kube-system', expectError: 'pods "kube-scheduler-control-plane" not found' },
      ],
    },
    {
      id: 'pending',
      title: { ko: '스케줄러 없는 파드', en: 'A pod without a scheduler' },
      body: {
        ko: `스케줄러가 없는 클러스터에 파드를 하나 만듭니다. 만든 뒤 안정화하고 \`kubectl describe pod late\`로 상태와 이벤트를 읽습니다.`,
        en: `Create a pod in a cluster with no scheduler. Then press Settle and read its state and events with \`kubectl describe pod late\`.`,
      },
      command: 'kubectl run late --image=nginx:1.27',
      prediction: {
        question: { ko: '파드 `late`는 어떻게 될까요?', en: 'What becomes of pod `late`?' },
        choices: [
          { ko: '그래도 워커 한 대에서 실행된다', en: 'It runs on a worker anyway' },
          { ko: 'Pending으로 남고, `FailedScheduling` 이벤트가 이유를 알려 준다', en: 'It stays Pending, and a `FailedScheduling` event says why' },
          { ko: 'Pending으로 남고, 이벤트가 하나도 없다', en: 'It stays Pending with no events at all' },
        ],
        answer: 2,
        explain: {
          ko: '`FailedScheduling`도 스케줄러가 남기는 이벤트입니다. 스케줄러가 없으면 파드를 보고 판단하는 구성 요소가 없으므로 아무 기록도 남지 않습니다.',
          en: '`FailedScheduling` is itself written by the scheduler. With no scheduler, nothing looks at the pod, so nothing is recorded.',
        },
      },
      goals: [
        {
          id: 'pending',
          text: { ko: '`late`가 노드 없이 Pending이고 이벤트가 없습니다', en: '`late` is Pending with no node and no events' },
          check: allOf((s) => findPod(s, 'default', 'late')?.status?.phase === 'Pending', podUnscheduled('default', 'late'), noEventsAbout('default', 'late')),
        },
        {
          id: 'described',
          text: { ko: '`kubectl describe pod late`에서 `Events: <none>`을 읽었습니다', en: 'You read `Events: <none>` in `kubectl describe pod late`' },
          check: allOf(lastCommandMatches(/describe\s+(pods?|po)[\s/]+late\b/), describedWithoutEvents),
        },
      ],
      hint: { ko: '`kubectl run late --image=nginx:1.27`, 안정화, `kubectl describe pod late` 순서로 실행합니다.', en: 'Run `kubectl run late --image=nginx:1.27`, press Settle, then `kubectl describe pod late`.' },
      explain: {
        ko: '`late`는 API 서버와 etcd에 저장되었지만 `Node:` 칸이 비어 있고 `Events: <none>`입니다. 노드가 모자라서 생긴 Pending이라면 `FailedScheduling` 이벤트가 이유를 적습니다. 이벤트가 전혀 없다면 스케줄러 자체를 의심합니다. 이미 실행 중인 `web` 파드는 그대로입니다. 스케줄러는 배치만 정합니다.',
        en: '`late` is stored in the API server and etcd, but its `Node:` is empty and it shows `Events: <none>`. A pod Pending for lack of room gets a `FailedScheduling` event saying why; no events at all points at the scheduler itself. The running `web` pods are untouched: the scheduler only decides placement.',
      },
      solution: [{ kind: 'kubectl', line: 'kubectl run late --image=nginx:1.27' }, { kind: 'settle' }, { kind: 'kubectl', line: 'kubectl describe pod late' }],
    },
    {
      id: 'restore-scheduler',
      title: { ko: '스케줄러 되돌리기', en: 'Bring the scheduler back' },
      body: {
        ko: `매니페스트를 \`/etc/kubernetes/manifests\`로 되돌립니다(\`node start-component\`). kubelet이 파일을 다시 찾으면 스케줄러를 띄웁니다. 되돌린 뒤 안정화하고 \`late\`가 어디에 배치되는지 봅니다.`,
        en: `Move the manifest back into \`/etc/kubernetes/manifests\` (\`node start-component\`). Once the kubelet finds the file again, it starts the scheduler. Press Settle afterwards and see where \`late\` lands.`,
      },
      command: START_SCHEDULER,
      goals: [
        { id: 'scheduler', text: { ko: '스케줄러 파드가 다시 실행 중입니다', en: 'The scheduler pod runs again' }, check: podRunning('kube-system', 'kube-scheduler-control-plane') },
        { id: 'late', text: { ko: '`late`가 워커에서 실행 중입니다', en: '`late` runs on a worker' }, check: allOf(podRunning('default', 'late'), podOnWorker('default', 'late')) },
      ],
      hint: { ko: `\`${START_SCHEDULER}\`을 실행하고 안정화를 누릅니다.`, en: `Run \`${START_SCHEDULER}\`, then press Settle.` },
      explain: {
        ko: 'kubelet이 스태틱 파드를 다시 만들고 미러 파드를 올렸습니다. 되살아난 스케줄러는 노드가 정해지지 않은 파드를 찾아 `late`를 바인딩했고, 이제 `Scheduled` 이벤트가 남았습니다. 파드는 그동안 사라지지 않고 기다렸습니다. 원하는 상태는 etcd에 그대로 있었기 때문입니다.',
        en: 'The kubelet recreated the static pod and posted its mirror pod. Back up, the scheduler looked for pods with no node, bound `late`, and this time left a `Scheduled` event. The pod waited all along: its desired state stayed in etcd the whole time.',
      },
      solution: [{ kind: 'kubectl', line: START_SCHEDULER }, { kind: 'settle' }],
    },
    {
      id: 'kube-proxy',
      title: { ko: 'kube-proxy 파드 지우기', en: 'Delete the kube-proxy pods' },
      body: {
        ko: `kube-proxy는 노드마다 서비스의 ClusterIP를 파드 IP로 바꾸는 규칙을 만듭니다. 이 파드들은 스태틱 파드가 아니라 데몬셋 \`kube-proxy\`가 관리합니다. 레이블 \`k8s-app=kube-proxy\`로 모두 지운 뒤 안정화합니다.`,
        en: `kube-proxy writes the rules on each node that turn a Service's ClusterIP into pod IPs. These pods are not static pods: the DaemonSet \`kube-proxy\` manages them. Delete them all by their label \`k8s-app=kube-proxy\`, then press Settle.`,
      },
      command: DELETE_PROXIES,
      prediction: {
        question: { ko: '지운 뒤 어떻게 될까요?', en: 'What happens after the delete?' },
        choices: [
          { ko: 'kube-proxy가 사라지고 서비스가 멈춘다', en: 'kube-proxy is gone and Services stop working' },
          { ko: '데몬셋 컨트롤러가 노드마다 새 파드를 하나씩 만든다', en: 'The DaemonSet controller creates a new pod on every node' },
          { ko: '각 노드의 kubelet이 같은 이름으로 되살린다', en: 'Each node\'s kubelet brings them back under the same names' },
        ],
        answer: 1,
        explain: {
          ko: '데몬셋은 "노드마다 하나"를 원하는 상태로 선언합니다. 컨트롤러가 차이를 보고 새 이름의 파드를 만듭니다. 같은 이름으로 되살리는 것은 kubelet이 관리하는 스태틱 파드뿐입니다.',
          en: 'A DaemonSet declares "one per node" as its desired state; its controller sees the gap and creates pods with new names. Only static pods come back under the same name, from the kubelet.',
        },
      },
      goals: [
        {
          id: 'restored',
          text: { ko: '지운 뒤 `kube-proxy` 파드가 다시 노드마다 하나씩 실행 중입니다', en: 'After the delete, one `kube-proxy` pod runs on every node again' },
          check: allOf(lastCommandMatches(/delete\s+(pods?|po)\b.*k8s-app=kube-proxy/), lastOutputContains('deleted'), ownedPodsRunning('kube-system', 'DaemonSet', 'kube-proxy', NODES)),
        },
      ],
      hint: { ko: `\`${DELETE_PROXIES}\`을 실행하고 안정화를 누른 뒤 \`kubectl get pods -n kube-system -l k8s-app=kube-proxy\`로 이름을 비교합니다.`, en: `Run \`${DELETE_PROXIES}\`, press Settle, then compare the names with \`kubectl get pods -n kube-system -l k8s-app=kube-proxy\`.` },
      explain: {
        ko: 'kube-controller-manager 안의 데몬셋 컨트롤러가 파드가 빠진 노드를 보고 새 파드를 만들었습니다(`SuccessfulCreate` 이벤트). 파드마다 노드 어피니티(`matchFields: metadata.name`)로 노드를 못 박아 두었고, 스케줄러가 그 노드에 바인딩했습니다. 새 kube-proxy는 시작하면서 서비스와 엔드포인트를 처음부터 읽어 규칙을 다시 씁니다. 그사이 이미 있던 iptables 규칙은 노드에 남아 있었으므로 서비스 트래픽은 계속 흘렀습니다.',
        en: 'The DaemonSet controller inside kube-controller-manager saw nodes without a pod and created new ones (`SuccessfulCreate` events), each pinned to its node by node affinity (`matchFields: metadata.name`); the scheduler bound them there. Each new kube-proxy reads every Service and endpoint on start and rewrites its rules. Meanwhile the old iptables rules stayed on the nodes, so Service traffic kept flowing.',
      },
      solution: [{ kind: 'kubectl', line: DELETE_PROXIES }, { kind: 'settle' }],
    },
  ],
  recap: {
    ko: '컨트롤 플레인은 kube-apiserver(모든 통신의 중앙 허브이자 REST API, etcd의 유일한 출입구), etcd(클러스터 상태를 담는 분산 키-값 저장소), kube-scheduler(리소스 요구사항을 보고 파드 배치 결정), kube-controller-manager(컨트롤러를 실행해 원하는 상태 유지)로 이루어집니다. 워커 노드에서는 kubelet이 노드의 대리인으로 파드 생명주기를 관리하고, 컨테이너 런타임이 CRI를 통해 컨테이너를 실행하며, kube-proxy가 트래픽을 라우팅해 서비스를 구현합니다. kubeadm 클러스터의 컨트롤 플레인은 kubelet이 직접 실행하는 스태틱 파드입니다. 스케줄러가 없으면 새 파드는 이벤트 없이 Pending으로 남고, 데몬셋은 지워진 kube-proxy를 새로 만듭니다.',
    en: 'The control plane is kube-apiserver (the hub of all communication, serving the REST API, and the only door to etcd), etcd (a distributed key-value store holding cluster state), kube-scheduler (places pods according to their resource requests) and kube-controller-manager (runs the controllers that keep the desired state). On each worker the kubelet is the node\'s agent managing pod lifecycles, the container runtime runs containers behind the CRI, and kube-proxy routes traffic to implement Services. In a kubeadm cluster the control plane runs as static pods the kubelet starts itself. With no scheduler, new pods stay Pending without events; a DaemonSet replaces deleted kube-proxy pods.',
  },
  challenge: {
    ko: '이번에는 `kubectl node stop-component control-plane kube-controller-manager`로 kube-controller-manager의 매니페스트를 치웁니다. 그다음 `kubectl scale deployment web --replicas=3`을 실행하고 `web` 파드를 하나 지우면 어떻게 될지 예측한 뒤 확인합니다. 스케줄러가 멈췄을 때와 무엇이 다른지 아키텍처 탭에서 찾아봅니다.',
    en: 'This time move kube-controller-manager\'s manifest away with `kubectl node stop-component control-plane kube-controller-manager`. Predict what `kubectl scale deployment web --replicas=3` and deleting one `web` pod will do, then check. Find in the Architecture tab how this differs from the stopped scheduler.',
  },
};
