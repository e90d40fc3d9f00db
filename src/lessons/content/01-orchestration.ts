import type { Lesson } from '../types';
import {
  allOf,
  lastErrorContains,
  lastOutputContains,
  nodeNotReady,
  objectsOf,
  podExists,
  podsRunningWithLabel,
  podsSpreadOver,
} from '../goals';
import type { Check } from '../goals';

const NAMES = ['app-1', 'app-2', 'app-3', 'app-4', 'app-5', 'app-6'];

const PODS = NAMES.map(
  (name) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels:
    app: shop
spec:
  containers:
    - name: nginx
      image: nginx:1.27
      ports:
        - containerPort: 80
`,
).join('---\n');

/** Nothing made a pod beyond the six the learner wrote: no controller stands behind bare pods. */
const onlyTheSix: Check = (s) => objectsOf(s, 'pods').every((p) => (p.metadata.namespace ?? 'default') !== 'default' || NAMES.includes(p.metadata.name));

export const orchestrationLesson: Lesson = {
  id: 'orchestration',
  number: 1,
  title: { ko: '왜 오케스트레이션이 필요한가', en: 'Why orchestration' },
  summary: {
    ko: '컨테이너 여섯 개를 손으로 관리해 보고, 쿠버네티스가 무엇을 대신 맡는지, 무엇은 아직 맡지 않는지 확인합니다.',
    en: 'Manage six containers by hand, and see what Kubernetes takes over for you, and what it does not take over yet.',
  },
  // Kubernetes' 300 s toleration of an unreachable node, shortened so the eviction comes into view.
  scenario: { cluster: { seed: 1, nodes: 3, defaultTolerationSeconds: 30 }, manifests: [] },
  steps: [
    {
      id: 'six-pods',
      title: { ko: '컨테이너 여섯 개', en: 'Six containers' },
      body: {
        ko: `웹 서버 컨테이너 여섯 개를 서버 세 대에서 손으로 운영한다고 가정합니다. 컨테이너마다 서버를 고르고, 자원이 남는지 확인하고, 죽으면 다시 띄워야 합니다. 컨테이너가 수백 개가 되면 사람이 할 수 없는 일입니다.

**쿠버네티스**는 컨테이너를 자동으로 배치하고 관리하는 플랫폼입니다. 오케스트라 지휘자가 연주자 수십 명을 조율하듯 수백 개의 컨테이너를 조율합니다. 이 시뮬레이터의 이름 Kube Orchestra도 이 비유에서 왔습니다.

편집기에 파드 여섯 개가 있습니다. 어느 노드에서 실행할지는 적지 않았습니다. 적용합니다.`,
        en: `Picture running six web-server containers on three servers by hand. For each one you pick a server, check it has room, and restart it when it dies. At hundreds of containers, no person can keep up.

**Kubernetes** is a platform that places and manages containers for you. Like a conductor leading an orchestra, it coordinates hundreds of containers at once; this simulator, Kube Orchestra, is named after that picture.

The editor holds six pods. None of them says which node to run on. Apply the file.`,
      },
      editor: { file: 'pods.yaml', yaml: PODS },
      goals: [
        {
          id: 'six',
          text: { ko: '파드 `app-1`부터 `app-6`까지 있습니다', en: 'Pods `app-1` to `app-6` exist' },
          check: allOf(...NAMES.map((n) => podExists('default', n))),
        },
      ],
      hint: { ko: '편집기의 Apply를 누릅니다(Ctrl+Enter).', en: 'Press Apply in the editor (Ctrl+Enter).' },
      explain: {
        ko: 'API 서버가 파드 여섯 개를 저장했습니다. 모두 `Pending`이고 노드가 비어 있습니다. 아직 아무도 자리를 정하지 않았습니다.',
        en: 'The API server stored six pods. All are `Pending` with no node: nobody has placed them yet.',
      },
      solution: [{ kind: 'apply', file: 'pods.yaml', yaml: PODS }],
    },
    {
      id: 'spread',
      title: { ko: '누가 자리를 정하는가', en: 'Who picks the places' },
      body: {
        ko: `노드를 고르는 일은 **default-scheduler**가 맡습니다. 스케줄러는 노드마다 남은 CPU와 메모리, 테인트를 검사하고 점수를 매겨 가장 알맞은 노드에 파드를 배치합니다. 그다음 그 노드의 kubelet이 컨테이너를 실행합니다.

시계를 진행해 파드가 모두 실행되게 한 뒤, 각 파드가 어느 노드에 있는지 확인합니다.`,
        en: `Picking a node is the job of **default-scheduler**. For each node it checks free CPU and memory and taints, scores what is left, and places the pod on the best one. That node's kubelet then runs the containers.

Step the clock until every pod runs, then look at which node each pod landed on.`,
      },
      command: 'kubectl get pods -o wide',
      prediction: {
        question: {
          ko: '워커는 `worker-1`, `worker-2`, `worker-3` 세 대이고 모두 비어 있습니다. 파드 여섯 개는 어떻게 배치될까요?',
          en: 'There are three empty workers: `worker-1`, `worker-2` and `worker-3`. How will the six pods be placed?',
        },
        choices: [
          { ko: '모두 `worker-1`에', en: 'All on `worker-1`' },
          { ko: '워커마다 두 개씩', en: 'Two on each worker' },
          { ko: '`control-plane`을 포함해 네 노드에 고루', en: 'Evenly over four nodes, `control-plane` included' },
        ],
        answer: 1,
        explain: {
          ko: '스케줄러는 자원이 덜 쓰인 노드에 높은 점수를 줍니다. 그래서 파드가 워커에 고루 퍼집니다. `control-plane`은 `NoSchedule` 테인트 때문에 제외됩니다.',
          en: 'The scheduler scores less-used nodes higher, so pods spread evenly over the workers. `control-plane` is ruled out by its `NoSchedule` taint.',
        },
      },
      goals: [
        {
          id: 'spread',
          text: { ko: '여섯 개 모두 Running이고 워커 세 대에 나뉘어 있습니다', en: 'All six are Running, spread over three workers' },
          check: podsSpreadOver('default', 'app', 'shop', 6, 3),
        },
        { id: 'wide', text: { ko: '`-o wide`로 NODE 열을 확인했습니다', en: 'You read the NODE column with `-o wide`' }, check: lastOutputContains('worker-3') },
      ],
      hint: {
        ko: 'Settle로 빨리 감은 뒤 `kubectl get pods -o wide`를 실행합니다.',
        en: 'Fast-forward with Settle, then run `kubectl get pods -o wide`.',
      },
      explain: {
        ko: 'default-scheduler가 파드마다 바인딩을 기록했고(`Scheduled` 이벤트), 각 노드의 kubelet이 컨테이너를 시작했습니다. 여러분은 노드 이름을 한 번도 적지 않았습니다.',
        en: 'default-scheduler wrote a binding for each pod (the `Scheduled` events), and each node\'s kubelet started its containers. You never typed a node name.',
      },
      solution: [{ kind: 'settle' }, { kind: 'kubectl', line: 'kubectl get pods -o wide' }],
    },
    {
      id: 'create-again',
      title: { ko: '명령을 한 번 더', en: 'The same command, twice' },
      body: {
        ko: `손으로 관리할 때는 명령을 기억해야 합니다. 같은 \`kubectl create\`를 다시 실행하면 어떻게 될까요? 실행해서 API 서버의 답을 읽습니다.

\`create\`는 "새로 만들어라"라는 **명령**입니다. 이미 있는 것은 다시 만들 수 없습니다. 레슨 4에서 "이런 상태가 되어야 한다"고 **선언**하는 \`apply\`와 비교합니다.`,
        en: `Managing by hand means remembering what you already ran. What happens if you run the same \`kubectl create\` again? Run it and read the API server's answer.

\`create\` is a **command**: "make this new thing". What already exists cannot be made again. Lesson 4 compares it with \`apply\`, which **declares** "this is how things should be".`,
      },
      command: 'kubectl create -f pods.yaml',
      goals: [
        {
          id: 'exists',
          text: { ko: 'API 서버가 `AlreadyExists`로 거부했습니다', en: 'The API server refused with `AlreadyExists`' },
          check: lastErrorContains('(AlreadyExists)'),
        },
      ],
      hint: { ko: '콘솔에 `kubectl create -f pods.yaml`을 입력합니다.', en: 'Type `kubectl create -f pods.yaml` in the console.' },
      explain: {
        ko: 'API 서버는 같은 네임스페이스에 같은 이름의 파드를 두 개 허용하지 않습니다. 파드마다 `Error from server (AlreadyExists): ... pods "app-1" already exists`가 나왔고, 바뀐 것은 없습니다.',
        en: 'The API server never allows two pods with one name in one namespace. Each pod got `Error from server (AlreadyExists): ... pods "app-1" already exists`, and nothing changed.',
      },
      solution: [{ kind: 'kubectl', line: 'kubectl create -f pods.yaml', expectError: 'pods "app-1" already exists' }],
    },
    {
      id: 'node-stops',
      title: { ko: '노드가 멈추면', en: 'A node stops' },
      body: {
        ko: `서버는 고장 납니다. \`worker-1\`을 멈춥니다. \`kubectl node stop\`은 실제 kubectl 명령이 아니라 이 시뮬레이터의 명령입니다. 전원이 꺼진 것처럼 kubelet이 응답을 멈춥니다.

명령을 실행하고 시계를 진행합니다. 노드 컨트롤러는 상태 보고가 끊긴 노드를 \`NotReady\`로 표시하고, 잠시 기다린 뒤 그 위의 파드를 내보냅니다(eviction). 실제 쿠버네티스는 기본으로 300초를 기다립니다(kube-apiserver의 \`--default-unreachable-toleration-seconds\`). 이 레슨의 클러스터는 그 값을 30초로 줄였습니다. Settle로 그 시간을 빨리 감습니다.`,
        en: `Servers fail. Stop \`worker-1\`. \`kubectl node stop\` is this simulator's command, not real kubectl: the kubelet stops answering, as if the power were cut.

Run it and step the clock. The node controller marks a node that stopped reporting \`NotReady\`, waits, then evicts its pods. A real cluster waits 300 seconds by default (kube-apiserver's \`--default-unreachable-toleration-seconds\`); this lesson's cluster shortens that to 30 seconds. Settle fast-forwards through the wait.`,
      },
      command: 'kubectl node stop worker-1',
      prediction: {
        question: {
          ko: '`worker-1`에는 파드 두 개가 있었습니다. 노드가 멈춘 뒤 그 파드들은 어떻게 될까요?',
          en: '`worker-1` ran two of the pods. What happens to them once the node stops?',
        },
        choices: [
          { ko: '다른 워커에서 같은 파드가 다시 만들어진다', en: 'They are re-created on another worker' },
          { ko: '더는 실행되지 않고, 아무도 대신 만들지 않는다', en: 'They stop serving, and nothing replaces them' },
          { ko: '노드가 멈춰도 계속 Ready로 남는다', en: 'They stay Ready although the node stopped' },
        ],
        answer: 1,
        explain: {
          ko: '파드는 한 노드에 묶입니다. 노드가 멈추면 그 파드도 멈춥니다. 여러분이 직접 만든 파드(베어(bare) 파드)는 다른 곳에 다시 만들어 줄 컨트롤러가 없습니다.',
          en: 'A pod is bound to one node; when the node stops, so does the pod. Pods you created yourself (bare pods) have no controller to re-create them elsewhere.',
        },
      },
      goals: [
        { id: 'notready', text: { ko: '`worker-1`이 NotReady입니다', en: '`worker-1` is NotReady' }, check: nodeNotReady('worker-1') },
        { id: 'four', text: { ko: '실행 중인 파드가 넷만 남았습니다', en: 'Only four pods are still running' }, check: podsRunningWithLabel('default', 'app', 'shop', 4) },
        { id: 'no-new', text: { ko: '새 파드는 하나도 생기지 않았습니다', en: 'No new pod was created' }, check: onlyTheSix },
      ],
      hint: {
        ko: '명령을 실행한 뒤 Settle을 누르고 `kubectl get nodes`와 `kubectl get pods -o wide`로 확인합니다.',
        en: 'Run the command, press Settle, then check with `kubectl get nodes` and `kubectl get pods -o wide`.',
      },
      explain: {
        ko: '`worker-1`의 kubelet이 상태 보고를 멈추자 노드 컨트롤러가 `Ready` 조건을 `Unknown`으로 바꾸고 `node.kubernetes.io/unreachable` 테인트를 붙였습니다. 파드는 이 테인트를 30초 동안 용인합니다(API 서버가 모든 파드에 넣는 기본 톨러레이션이며, 실제 기본값 300초를 이 레슨 클러스터가 줄였습니다). 그 시간이 지나자 `app-1`과 `app-4`가 축출되어 Terminating이 되었습니다. kubelet이 멈춰 있으므로 삭제를 마무리할 수도 없습니다. 새 파드를 만든 주체는 없습니다. 이 빈자리를 채우는 것이 레슨 4의 컨트롤러입니다.',
        en: 'When the kubelet on `worker-1` stopped reporting, the node controller set its `Ready` condition to `Unknown` and added the `node.kubernetes.io/unreachable` taint. Pods tolerate that taint for 30 seconds (a toleration the API server adds to every pod; the lesson cluster shortens the real default of 300 seconds); after that, `app-1` and `app-4` were evicted and show Terminating, which no kubelet can finish. Nothing created new pods: filling that gap is what the controllers of lesson 4 do.',
      },
      solution: [{ kind: 'kubectl', line: 'kubectl node stop worker-1' }, { kind: 'settle' }],
    },
    {
      id: 'hierarchy',
      title: { ko: '파드 위의 계층', en: 'What sits above pods' },
      body: {
        ko: `쿠버네티스의 리소스는 계층을 이룹니다.

\`\`\`
Namespace (논리적 격리)
├── Pod (컨테이너 실행 단위)
├── 컨트롤러 (파드 관리)
│   ├── Job (일회성 작업)
│   ├── Deployment (무상태 앱)
│   └── StatefulSet (상태 유지 앱)
├── Service (네트워크 접근점)
└── 설정 리소스 (Secret, ConfigMap, PVC)
\`\`\`

파드를 직접 만들지 않고, 파드를 관리하는 컨트롤러 오브젝트를 만드는 것이 보통입니다. 이 클러스터가 제공하는 리소스 종류를 나열합니다.`,
        en: `Kubernetes resources form a hierarchy:

\`\`\`
Namespace (logical isolation)
├── Pod (where containers run)
├── Controllers (manage pods)
│   ├── Job (one-off work)
│   ├── Deployment (stateless apps)
│   └── StatefulSet (stateful apps)
├── Service (a stable network entry point)
└── Configuration (Secret, ConfigMap, PVC)
\`\`\`

You rarely create pods yourself; you create a controller object that manages them. List the resource types this cluster serves.`,
      },
      command: 'kubectl api-resources',
      goals: [
        {
          id: 'listed',
          text: { ko: '목록에 `Deployment`가 있습니다', en: 'The list includes `Deployment`' },
          check: lastOutputContains('Deployment'),
        },
      ],
      hint: { ko: '콘솔에 `kubectl api-resources`를 입력합니다.', en: 'Type `kubectl api-resources` in the console.' },
      explain: {
        ko: 'API 서버가 제공하는 종류가 KIND 열에 나옵니다. `Deployment`, `StatefulSet`, `Job`은 파드 템플릿을 담고, 컨트롤러가 그 템플릿으로 파드를 만듭니다. 시뮬레이터가 아직 다루지 않는 종류의 수는 stderr에 따로 알립니다.',
        en: 'The KIND column lists what the API server serves. `Deployment`, `StatefulSet` and `Job` each hold a pod template, and a controller makes pods from it. The number of kinds the simulator does not model yet is reported on stderr.',
      },
      solution: [{ kind: 'kubectl', line: 'kubectl api-resources' }],
    },
  ],
  recap: {
    ko: '컨테이너를 손으로 관리하는 방식은 규모가 커지면 무너집니다. 쿠버네티스는 지휘자처럼 컨테이너를 배치하고 관리합니다. default-scheduler는 노드를 고르고, kubelet은 컨테이너를 실행합니다. `create`는 한 번만 통하는 명령이고, 노드가 멈추면 직접 만든 파드는 돌아오지 않습니다. 파드를 다시 만드는 일은 Namespace 아래 계층의 컨트롤러(Deployment, StatefulSet, Job)가 맡습니다.',
    en: 'Managing containers by hand breaks down as they multiply. Kubernetes places and manages them like a conductor: default-scheduler picks nodes, kubelets run the containers. `create` is a command that works once, and pods you created yourself stay lost when their node stops. Re-creating pods is the job of the controllers in the hierarchy under a Namespace: Deployment, StatefulSet, Job.',
  },
  challenge: {
    ko: '`kubectl node start worker-1`로 노드를 되살리고, 파드 `app-1`과 `app-4`가 어떻게 되는지 확인합니다. 그다음 `cpu: "3"`을 요청하는 파드를 네 개 만들면 어느 노드에 들어가는지 예측하고 확인합니다.',
    en: 'Bring the node back with `kubectl node start worker-1` and see what becomes of `app-1` and `app-4`. Then predict where four pods that each request `cpu: "3"` will land, and check.',
  },
};
