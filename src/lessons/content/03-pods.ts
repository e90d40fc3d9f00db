import type { Lesson } from '../types';
import {
  eventExists,
  lastOutputContains,
  podExists,
  podGone,
  podHasContainers,
  podIpFromNodeCidr,
  podOnWorker,
  podRunning,
  podUnscheduled,
} from '../goals';

const WEB_TYPO = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
    - name: nginx
      imagee: nginx:1.27
      ports:
        - containerPort: 80
`;

const WEB = WEB_TYPO.replace('imagee:', 'image:');

const DUO = `apiVersion: v1
kind: Pod
metadata:
  name: duo
  labels:
    app: duo
spec:
  volumes:
    - name: shared
      emptyDir: {}
  containers:
    - name: nginx
      image: nginx:1.27
      ports:
        - containerPort: 80
      volumeMounts:
        - name: shared
          mountPath: /usr/share/nginx/html
    - name: helper
      image: busybox:1.36
      command: ["sleep", "3600"]
      volumeMounts:
        - name: shared
          mountPath: /data
`;

const HUNGRY = `apiVersion: v1
kind: Pod
metadata:
  name: hungry
spec:
  containers:
    - name: nginx
      image: nginx:1.27
      resources:
        requests:
          cpu: "64"
          memory: 128Mi
`;

export const podsLesson: Lesson = {
  id: 'pods',
  number: 3,
  title: { ko: '파드', en: 'Pods' },
  summary: {
    ko: '가장 작은 배포 단위인 파드를 만들고, 스케줄링부터 실행과 삭제까지 한 틱씩 따라갑니다.',
    en: 'Create the smallest deployable unit, the pod, and follow it tick by tick from scheduling to running to deletion.',
  },
  scenario: { cluster: { seed: 3, nodes: 2 }, manifests: [] },
  steps: [
    {
      id: 'first-pod',
      title: { ko: '첫 파드', en: 'Your first pod' },
      body: {
        ko: `**파드**는 쿠버네티스가 배포하는 가장 작은 단위입니다. 컨테이너를 직접 실행하지 않고, 컨테이너를 하나 이상 감싼 파드를 실행합니다.

편집기에 nginx 컨테이너 하나를 담은 파드가 있습니다. 오타도 하나 있습니다. 먼저 그대로 적용하고 응답을 읽습니다. 그다음 필드 이름을 고쳐 다시 적용합니다.`,
        en: `A **pod** is the smallest thing Kubernetes deploys. You never run a container on its own; you run a pod that wraps one or more containers.

The editor holds a pod with one nginx container, and one typo. Apply it as it is and read the answer. Then fix the field name and apply again.`,
      },
      editor: { file: 'pod-web.yaml', yaml: WEB_TYPO },
      goals: [{ id: 'web', text: { ko: '`default`에 파드 `web`이 있습니다', en: 'Pod `web` exists in `default`' }, check: podExists('default', 'web') }],
      hint: {
        ko: '오류 메시지가 필드를 알려 줍니다: `spec.containers[0].imagee`. 올바른 이름은 `image`입니다.',
        en: 'The error names the field: `spec.containers[0].imagee`. The right name is `image`.',
      },
      explain: {
        ko: '첫 번째 적용은 거부되었습니다. kubectl은 엄격한 필드 검증을 요청하므로 API 서버가 `strict decoding error: unknown field "spec.containers[0].imagee"`로 답하고 아무것도 저장하지 않았습니다. 두 번째 적용에서 API 서버가 파드를 저장했습니다. 상태는 `Pending`이고 노드는 아직 없습니다. 그래프에서 파드가 노드 바깥에 나타납니다.',
        en: 'The first apply was rejected. kubectl asks for strict field validation, so the API server answered `strict decoding error: unknown field "spec.containers[0].imagee"` and stored nothing. The second apply was accepted: the pod is stored as `Pending`, with no node yet. In the graph it sits outside every node.',
      },
      solution: [
        { kind: 'apply', file: 'pod-web.yaml', yaml: WEB_TYPO, expectError: 'unknown field "spec.containers[0].imagee"' },
        { kind: 'apply', file: 'pod-web.yaml', yaml: WEB },
      ],
    },
    {
      id: 'watch-start',
      title: { ko: '파드가 시작되는 과정', en: 'Watch it start' },
      body: {
        ko: `아직 아무것도 실행되지 않았습니다. 시뮬레이터의 시계는 직접 움직입니다. **Step**(또는 \`.\`)을 누를 때마다 한 틱이 흐릅니다. 틱마다 한 단계씩 진행됩니다.

1. default-scheduler가 노드를 골라 파드를 바인딩합니다.
2. 그 노드의 kubelet이 이미지를 받습니다: \`ContainerCreating\`
3. 컨테이너가 시작됩니다: \`Running\`, IP 할당

파드가 실행되면 어느 노드에 배치되었는지 kubectl로 확인합니다.`,
        en: `Nothing runs yet. The simulator's clock is yours: press **Step** (or \`.\`) to advance one tick. Each tick shows one hop:

1. default-scheduler picks a node and binds the pod to it.
2. The kubelet on that node pulls the image: \`ContainerCreating\`.
3. The container starts: \`Running\`, with an IP.

Once it runs, ask kubectl where it landed.`,
      },
      command: 'kubectl get pod web -o wide',
      prediction: {
        question: {
          ko: '노드는 `control-plane`, `worker-1`, `worker-2` 세 대입니다. 파드 `web`은 어디서 실행될까요?',
          en: 'The nodes are `control-plane`, `worker-1` and `worker-2`. Where will pod `web` run?',
        },
        choices: [
          { ko: '첫 번째 노드인 `control-plane`', en: 'On `control-plane`, the first node' },
          { ko: '워커 두 대 중 하나', en: 'On one of the two workers' },
          { ko: '노드를 직접 지정할 때까지 실행되지 않는다', en: 'Nowhere until you pick a node' },
        ],
        answer: 1,
        explain: {
          ko: '`control-plane` 노드에는 `node-role.kubernetes.io/control-plane:NoSchedule` 테인트(taint)가 있고, `web`은 이를 용인하지 않습니다. default-scheduler는 이 노드를 걸러 내고 점수로 워커를 고릅니다.',
          en: 'The control-plane node carries the taint `node-role.kubernetes.io/control-plane:NoSchedule`, and `web` does not tolerate it. default-scheduler filters that node out and picks a worker by score.',
        },
      },
      goals: [
        { id: 'running', text: { ko: '`web`이 Running입니다', en: '`web` is Running' }, check: podRunning('default', 'web') },
        { id: 'worker', text: { ko: '`web`이 워커 노드에 있습니다', en: '`web` is on a worker node' }, check: podOnWorker('default', 'web') },
        {
          id: 'ip',
          text: { ko: '`web`의 IP가 노드의 podCIDR에 속합니다', en: "`web`'s IP comes from its node's podCIDR" },
          check: podIpFromNodeCidr('default', 'web'),
        },
      ],
      hint: {
        ko: '파드가 Running이 될 때까지 Step을 누르거나 Settle로 빨리 감습니다. 그다음 명령을 실행합니다.',
        en: 'Press Step until the pod is Running, or Settle to fast-forward. Then run the command.',
      },
      explain: {
        ko: 'default-scheduler가 바인딩을 기록했습니다(`Scheduled` 이벤트). 그 워커의 kubelet이 `nginx:1.27`을 받고 컨테이너를 만든 뒤 상태를 `Running`으로 바꿨습니다. 파드 IP는 노드의 podCIDR에서 나옵니다. `worker-1`은 `10.244.1.0/24`, `worker-2`는 `10.244.2.0/24`를 맡습니다.',
        en: 'default-scheduler wrote the binding (the `Scheduled` event). The kubelet on that worker pulled `nginx:1.27`, created the container and set the phase to `Running`. The pod IP comes from the node\'s podCIDR: `worker-1` owns `10.244.1.0/24`, `worker-2` owns `10.244.2.0/24`.',
      },
      solution: [{ kind: 'settle' }, { kind: 'kubectl', line: 'kubectl get pod web -o wide' }],
    },
    {
      id: 'two-containers',
      title: { ko: '파드 하나, 컨테이너 둘', en: 'One pod, two containers' },
      body: {
        ko: `함께 있어야 하는 컨테이너는 한 파드에 담습니다. 같은 파드의 컨테이너는 네트워크 네임스페이스를 공유합니다. 파드 IP가 하나이고, \`localhost\`로 서로 접속합니다. 볼륨도 함께 쓸 수 있습니다.

이 파일에서는 \`nginx\`와 \`helper\`(busybox)가 \`shared\` 볼륨을 함께 마운트합니다. \`helper\`가 \`/data\`에 쓴 파일을 nginx가 제공합니다.

적용하고 파드가 실행될 때까지 시계를 진행합니다. \`sleep 3600\`은 클러스터 시간으로 한 시간 뒤에 끝납니다. 안정화는 그보다 훨씬 먼저 멈추므로 \`helper\`는 계속 실행 중입니다.`,
        en: `Containers that must live together go in one pod. They share one network namespace: one pod IP, and they reach each other on \`localhost\`. They can share volumes too.

In this file, \`nginx\` and \`helper\` (busybox) both mount the \`shared\` volume. A file \`helper\` writes to \`/data\` is served by nginx.

Apply it and step the clock until the pod runs. \`sleep 3600\` ends after an hour of cluster time. Settle stops long before that, so \`helper\` is still running.`,
      },
      editor: { file: 'pod-duo.yaml', yaml: DUO },
      goals: [
        { id: 'two', text: { ko: '파드 `duo`에 컨테이너가 두 개 있습니다', en: 'Pod `duo` has two containers' }, check: podHasContainers('default', 'duo', 2) },
        { id: 'ready', text: { ko: '`duo`가 `2/2` Running입니다', en: '`duo` is Running, `2/2` ready' }, check: podRunning('default', 'duo') },
      ],
      hint: {
        ko: 'Apply를 누른 뒤 Step을 몇 번 누릅니다. `kubectl get pod duo`의 READY 열을 봅니다.',
        en: 'Press Apply, then Step a few times. Check the READY column of `kubectl get pod duo`.',
      },
      explain: {
        ko: 'default-scheduler는 파드 전체를 한 노드에 배치했습니다. 한 파드의 컨테이너는 언제나 같은 노드에 있습니다. kubelet이 두 컨테이너를 같은 샌드박스에서 시작했으므로 IP는 하나입니다.',
        en: 'default-scheduler placed the pod as a whole: containers of one pod always share a node. The kubelet started both in the same sandbox, so they have one IP between them.',
      },
      solution: [{ kind: 'apply', file: 'pod-duo.yaml', yaml: DUO }, { kind: 'settle' }],
    },
    {
      id: 'too-much',
      title: { ko: '너무 많이 요청하면', en: 'Ask for too much' },
      body: {
        ko: `컨테이너는 \`resources.requests\`에 필요한 자원을 적습니다. default-scheduler는 요청한 만큼 여유가 있는 노드에만 파드를 배치합니다.

이 파일은 CPU 64개를 요청합니다. 일부러 무리한 값입니다. 적용하고 시계를 몇 틱 진행합니다.`,
        en: `A container states what it needs in \`resources.requests\`. default-scheduler places a pod only on a node with that much unclaimed capacity.

This file asks for 64 CPUs, on purpose. Apply it, then step the clock a few ticks.`,
      },
      editor: { file: 'pod-hungry.yaml', yaml: HUNGRY },
      prediction: {
        question: {
          ko: '워커마다 CPU가 4개입니다. 이 파드는 64개를 요청합니다. 적용하고 시계를 진행하면 어떻게 될까요?',
          en: 'Each worker has 4 CPUs. This pod requests 64. What happens when you apply it and step the clock?',
        },
        choices: [
          { ko: 'API 서버가 거부한다', en: 'The API server rejects it' },
          { ko: '어쨌든 워커에서 실행된다', en: 'It runs on a worker anyway' },
          { ko: '저장되지만 Pending으로 남는다', en: 'It is stored but stays Pending' },
        ],
        answer: 2,
        explain: {
          ko: 'API 서버는 요청 값의 형식만 검사하고, 들어갈 자리가 있는지는 보지 않습니다. 자리를 찾는 일은 default-scheduler가 맡고, 맞는 노드는 없습니다.',
          en: 'The API server checks that the request is well-formed, not that it fits. Fitting is default-scheduler\'s job, and no node fits.',
        },
      },
      goals: [
        { id: 'pending', text: { ko: '`hungry`가 노드 없이 Pending입니다', en: '`hungry` is Pending with no node' }, check: podUnscheduled('default', 'hungry') },
        {
          id: 'failed',
          text: { ko: '`hungry`에 `FailedScheduling` 이벤트가 있습니다', en: '`hungry` has a `FailedScheduling` event' },
          check: eventExists('FailedScheduling', 'hungry', 'default'),
        },
      ],
      hint: {
        ko: 'Apply를 누르고 Step을 두세 번 누릅니다. 그래프에서 `hungry`는 노드 바깥에 남습니다.',
        en: 'Press Apply, then Step two or three times. In the graph, `hungry` stays outside every node.',
      },
      explain: {
        ko: 'default-scheduler가 모든 노드를 검사하고 Warning 이벤트 `FailedScheduling`을 남겼습니다. 메시지는 `0/3 nodes are available:`로 시작하고, 노드마다 탈락한 이유를 셉니다. 워커 두 대는 CPU가 부족하고, `control-plane`은 테인트 때문에 제외됩니다.',
        en: 'default-scheduler checked every node and wrote a Warning event, `FailedScheduling`. Its message starts `0/3 nodes are available:` and counts why each node was ruled out: two workers lack CPU, and `control-plane` is excluded by its taint.',
      },
      solution: [{ kind: 'apply', file: 'pod-hungry.yaml', yaml: HUNGRY }, { kind: 'tick', count: 3 }],
    },
    {
      id: 'describe',
      title: { ko: '이벤트 읽기', en: 'Read the events' },
      body: {
        ko: `\`kubectl describe\`는 오브젝트와 그에 관한 이벤트를 한 보고서로 모아 보여 줍니다. 파드가 멈춰 있을 때 가장 먼저 실행할 명령입니다.

출력 맨 아래 \`Events:\` 부분을 읽습니다. \`From\` 열은 누가 그 이벤트를 기록했는지 알려 줍니다.`,
        en: `\`kubectl describe\` gathers an object and the events about it into one report. It is the first command to run when a pod is stuck.

Read the \`Events:\` section at the bottom. The \`From\` column says who wrote each event.`,
      },
      command: 'kubectl describe pod hungry',
      goals: [
        {
          id: 'read',
          text: { ko: 'describe 출력에 `Insufficient cpu`가 보입니다', en: 'The describe output shows `Insufficient cpu`' },
          check: lastOutputContains('Insufficient cpu'),
        },
      ],
      hint: { ko: '콘솔에 `kubectl describe pod hungry`를 입력합니다.', en: 'Type `kubectl describe pod hungry` in the console.' },
      explain: {
        ko: 'describe는 파드를 읽고, `involvedObject`가 `hungry`인 이벤트를 함께 나열했습니다. 이 이벤트는 `default-scheduler`가 기록했습니다. 이벤트도 API 오브젝트이며, 실제 클러스터에서는 기본 1시간 뒤에 사라집니다.',
        en: 'describe read the pod and listed the events whose `involvedObject` is `hungry`, written by `default-scheduler`. Events are API objects too; a real cluster drops them after one hour by default.',
      },
      solution: [{ kind: 'kubectl', line: 'kubectl describe pod hungry' }],
    },
    {
      id: 'delete',
      title: { ko: '삭제하면 사라집니다', en: 'Deleted means gone' },
      body: {
        ko: `파드 스펙은 만든 뒤에 대부분 바꿀 수 없습니다. 그래서 \`hungry\`를 고치려면 지우고 새로 만듭니다. \`web\`도 함께 지웁니다.

\`web\`은 노드에서 실행 중이므로 kubelet이 먼저 컨테이너를 멈춥니다. 파드가 사라질 때까지 시계를 진행합니다.`,
        en: `Most of a pod's spec is fixed once it exists, so the fix for \`hungry\` is to delete it and create a new one. Delete \`web\` along with it.

\`web\` runs on a node, so its kubelet stops the container first. Step the clock until the pods are gone.`,
      },
      command: 'kubectl delete pod hungry web',
      prediction: {
        question: {
          ko: '`hungry`와 `web`을 지웁니다. 이 파드들을 관리하는 것은 여러분뿐입니다. 그다음에는 어떻게 될까요?',
          en: 'You delete `hungry` and `web`. Nothing but you manages them. What happens next?',
        },
        choices: [
          { ko: '몇 틱 뒤에 둘 다 다시 생긴다', en: 'Both come back after a few ticks' },
          { ko: '둘 다 완전히 사라진다', en: 'Both are gone for good' },
          { ko: 'Running이던 `web`만 다시 생긴다', en: 'Only `web` comes back, because it was Running' },
        ],
        answer: 1,
        explain: {
          ko: '직접 만든 파드를 지켜보는 컨트롤러는 없습니다. 그래서 아무도 다시 만들지 않습니다. 레슨 4에서 그 역할을 하는 컨트롤러를 만납니다.',
          en: 'No controller watches a pod you created yourself, so nobody re-creates it. Lesson 4 introduces the controller that would.',
        },
      },
      goals: [
        { id: 'hungry-gone', text: { ko: '`hungry`가 사라졌습니다', en: '`hungry` is gone' }, check: podGone('default', 'hungry') },
        { id: 'web-gone', text: { ko: '`web`이 사라졌습니다', en: '`web` is gone' }, check: podGone('default', 'web') },
      ],
      hint: {
        ko: '명령을 실행한 뒤 Step을 누릅니다. `web`은 잠시 Terminating으로 보입니다.',
        en: 'Run the command, then press Step. `web` shows as Terminating for a moment.',
      },
      explain: {
        ko: 'kubectl이 DELETE 요청 두 개를 보냈습니다. 노드가 없던 `hungry`는 API 서버가 바로 지웠습니다. `web`에는 `deletionTimestamp`가 붙었고(Terminating), kubelet이 nginx를 멈춘 뒤 파드를 지웠습니다. 다시 만든 주체는 없습니다.',
        en: 'kubectl sent two DELETE requests. `hungry` had no node, so the API server removed it at once. `web` got a `deletionTimestamp` (Terminating); its kubelet stopped nginx, then removed the pod. Nothing re-created either one.',
      },
      solution: [{ kind: 'kubectl', line: 'kubectl delete pod hungry web' }, { kind: 'settle' }],
    },
  ],
  recap: {
    ko: '파드는 쿠버네티스가 배포하는 가장 작은 단위이며, 컨테이너를 하나 이상 담습니다. 같은 파드의 컨테이너는 IP 하나와 볼륨을 공유하고, 언제나 같은 노드에서 실행됩니다. API 서버는 파드를 저장하고, default-scheduler는 노드를 고르고, 그 노드의 kubelet은 컨테이너를 실행하고 podCIDR에서 IP를 줍니다. 배치할 수 없는 파드는 Pending으로 남고 `FailedScheduling` 이벤트로 이유를 알립니다. 직접 만든 파드는 지우면 다시 생기지 않습니다.',
    en: 'A pod is the smallest unit Kubernetes deploys, and it holds one or more containers. Containers of one pod share an IP and volumes, and always run on the same node. The API server stores the pod, default-scheduler picks a node, and that node\'s kubelet runs the containers and gives the pod an IP from the podCIDR. A pod that fits nowhere stays Pending and says why in a `FailedScheduling` event. A pod you created yourself stays gone once deleted.',
  },
  challenge: {
    ko: '`hungry`가 들어갈 수 있도록 요청을 `cpu: 500m`으로 줄여 다시 만들고, 어느 노드와 IP를 받았는지 확인합니다. 그다음 예측해 봅니다. `cpu: "3"`을 요청하는 파드를 세 개 만들면 몇 개가 실행될까요?',
    en: 'Re-create `hungry` with a request that fits, such as `cpu: 500m`, and find the node and IP it gets. Then predict: if you create three pods that each request `cpu: "3"`, how many will run?',
  },
};
