import type { Lesson } from '../types';
import { allOf, deploymentAvailable, lastAnsweredByPod, lastCommandMatches, lastErrorContains, lastOutputContains } from '../goals';
import { HOSTNAMES_DEPLOYMENT } from './09-services';

const SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: 9376
`;

const NGINX = `apiVersion: v1
kind: Pod
metadata:
  name: nginx
  labels:
    app: nginx
spec:
  containers:
    - name: nginx
      image: nginx:1.27
      ports:
        - containerPort: 80
`;

const FORWARD_SVC = 'kubectl port-forward svc/web 8080:80';
const ok = (s: { lastResult?: { exitCode: number } }) => s.lastResult?.exitCode === 0;

export const portForwardLesson: Lesson = {
  id: 'port-forward',
  number: 10,
  title: { ko: 'port-forward', en: 'port-forward' },
  summary: {
    ko: '밖으로 노출하지 않은 ClusterIP 서비스와 파드에 `kubectl port-forward`로 내 컴퓨터에서 닿아 보고, 이 터널이 파드 하나에 묶인다는 것을 확인합니다.',
    en: 'Reach an unexposed ClusterIP Service and a pod from your own machine with `kubectl port-forward`, and find out that the tunnel is tied to a single pod.',
  },
  scenario: {
    cluster: { seed: 10, nodes: 3 },
    manifests: [
      { file: 'deploy-web.yaml', yaml: HOSTNAMES_DEPLOYMENT },
      { file: 'svc-web.yaml', yaml: SERVICE },
      { file: 'pod-nginx.yaml', yaml: NGINX },
    ],
  },
  steps: [
    {
      id: 'forward-svc',
      title: { ko: '서비스로 포트 포워딩', en: 'Forward a port to a Service' },
      body: {
        ko: `서비스 \`web\`은 ClusterIP 타입이라 클러스터 밖에서는 닿지 않습니다. \`kubectl port-forward\`는 내 컴퓨터의 로컬 포트를 클러스터 안으로 잇는 터널을 엽니다. 연결은 API 서버를 거쳐 노드의 kubelet까지 가므로 인그레스(Ingress)나 NodePort 없이도 테스트할 수 있습니다.

\`8080:80\`은 \`로컬 포트:원격 포트\`입니다. 여기서 원격 포트 80은 서비스의 포트입니다. 안정화로 파드를 띄운 뒤 실행합니다. Kube Orchestra는 \`port-forward stop\`으로 멈출 때까지 터널을 열어 둡니다.`,
        en: `Service \`web\` is a ClusterIP Service, so nothing outside the cluster can reach it. \`kubectl port-forward\` opens a tunnel from a local port on your machine into the cluster. The connection runs through the API server to the node's kubelet, so you can test without an Ingress or a NodePort.

\`8080:80\` means \`local:remote\`; the remote 80 here is the Service's port. Press Settle to start the pods, then run it. Kube Orchestra keeps the tunnel open until you \`port-forward stop\` it.`,
      },
      command: FORWARD_SVC,
      prediction: {
        question: { ko: 'kubectl은 `Forwarding from 127.0.0.1:8080 -> ?`라고 출력합니다. 화살표 뒤의 포트는 무엇일까요?', en: 'kubectl prints `Forwarding from 127.0.0.1:8080 -> ?`. Which port follows the arrow?' },
        choices: [
          { ko: '80: 서비스의 포트', en: '80, the Service port' },
          { ko: '9376: 파드의 컨테이너 포트', en: '9376, the pod\'s container port' },
        ],
        answer: 1,
        explain: {
          ko: '서비스에는 패킷을 받는 프로세스가 없습니다. kubectl은 서비스를 파드 하나로, 서비스 포트를 그 파드의 `targetPort`로 바꿔 연결합니다.',
          en: 'Nothing listens on a Service. kubectl turns the Service into one pod, and the Service port into that pod\'s `targetPort`, before connecting.',
        },
      },
      goals: [
        {
          id: 'forwarding',
          text: { ko: '`127.0.0.1:8080 -> 9376`으로 포워딩 중입니다', en: 'Forwarding `127.0.0.1:8080 -> 9376`' },
          check: lastOutputContains('Forwarding from 127.0.0.1:8080 -> 9376'),
        },
      ],
      hint: { ko: `안정화를 누른 뒤 \`${FORWARD_SVC}\`을 실행합니다.`, en: `Press Settle, then run \`${FORWARD_SVC}\`.` },
      explain: {
        ko: 'kubectl은 서비스의 셀렉터로 파드를 찾아 그중 하나(준비된 파드 가운데 가장 오래된 것)를 골랐고, `127.0.0.1`과 `[::1]`의 8080에서 기다립니다. 실제 터미널이라면 이 명령은 끝나지 않고 계속 실행됩니다.',
        en: 'kubectl found the pods through the Service\'s selector, picked one of them (the oldest ready one), and now listens on 8080 at `127.0.0.1` and `[::1]`. In a real terminal the command keeps running and does not return.',
      },
      solution: [{ kind: 'settle' }, { kind: 'kubectl', line: FORWARD_SVC }],
    },
    {
      id: 'curl-local',
      title: { ko: 'localhost로 요청하기', en: 'Request localhost' },
      body: {
        ko: `\`curl\`은 Kube Orchestra의 명령으로, 여러분의 컴퓨터에서 요청을 보냅니다. \`web\` 파드는 자기 이름으로 답합니다. 여러 번 실행해 답하는 파드를 비교합니다.`,
        en: `\`curl\` is a Kube Orchestra command sending a request from your machine. The \`web\` pods answer with their own name. Run it several times and compare who answers.`,
      },
      command: 'curl localhost:8080',
      prediction: {
        question: { ko: '여러 번 요청하면 어느 파드가 답할까요?', en: 'Over several requests, which pod answers?' },
        choices: [
          { ko: '서비스처럼 세 파드가 번갈아', en: 'The three pods in turn, as with the Service' },
          { ko: '늘 같은 파드 하나', en: 'Always the same single pod' },
        ],
        answer: 1,
        explain: {
          ko: '`svc/web`은 시작할 때 파드를 고르는 데만 쓰입니다. 터널은 그 파드 하나에 묶이고, kube-proxy와 로드밸런싱을 거치지 않습니다.',
          en: '`svc/web` is only used to choose a pod at start. The tunnel is bound to that one pod and never goes through kube-proxy or any load balancing.',
        },
      },
      goals: [
        {
          id: 'answered',
          text: { ko: '`localhost:8080`으로 보낸 요청에 `web` 파드가 답했습니다', en: 'A `web` pod answered on `localhost:8080`' },
          check: allOf(lastCommandMatches(/^curl\s.*localhost:8080/), lastAnsweredByPod('default', 'app', 'web')),
        },
      ],
      hint: { ko: '`curl localhost:8080`을 몇 번 실행합니다.', en: 'Run `curl localhost:8080` a few times.' },
      explain: {
        ko: '매번 같은 파드 이름이 나옵니다. 경로는 내 컴퓨터 → API 서버 → 그 파드가 있는 노드의 kubelet → 파드의 9376 포트입니다. 그래서 port-forward는 개발과 디버깅용입니다. 파드 하나에 묶이고, 그 파드가 사라지면 끊기며, 트래픽이 모두 API 서버를 지나므로 운영 환경의 노출 방법으로는 권장되지 않습니다.',
        en: 'The same pod name every time. The path is your machine → API server → the kubelet on that pod\'s node → port 9376 in the pod. That is why port-forward is for development and debugging: it is tied to one pod, breaks when that pod goes, and pushes all traffic through the API server, so it is not a way to expose production services.',
      },
      solution: [{ kind: 'kubectl', line: 'curl localhost:8080' }],
    },
    {
      id: 'forward-pod',
      title: { ko: '파드로 바로 포워딩', en: 'Forward straight to a pod' },
      body: {
        ko: `파드를 직접 지정할 수도 있습니다. 이때 원격 포트는 컨테이너 포트입니다. 포트를 쓰는 방법은 여러 가지입니다.
- \`9090:80\`: 로컬 9090 → 원격 80
- \`8080\`: 로컬과 원격이 같은 포트
- \`:80\`: 비어 있는 로컬 포트를 kubectl이 고름

\`deployment/web\`처럼 워크로드를 지정해도 파드 하나가 골라집니다. 다른 네임스페이스라면 \`-n minio\`처럼 붙입니다.`,
        en: `You can name a pod directly; the remote port is then the container port. Ports can be written several ways:
- \`9090:80\`: local 9090 → remote 80
- \`8080\`: the same port on both sides
- \`:80\`: kubectl picks a free local port

Naming a workload such as \`deployment/web\` also ends up on one pod. For another namespace add \`-n\`, as in \`-n minio\`.`,
      },
      command: 'kubectl port-forward pod/nginx 9090:80',
      goals: [
        {
          id: 'forwarding',
          text: { ko: '`127.0.0.1:9090 -> 80`으로 포워딩 중입니다', en: 'Forwarding `127.0.0.1:9090 -> 80`' },
          check: lastOutputContains('Forwarding from 127.0.0.1:9090 -> 80'),
        },
      ],
      hint: { ko: '`kubectl port-forward pod/nginx 9090:80`을 실행하고 `curl localhost:9090`으로 확인합니다.', en: 'Run `kubectl port-forward pod/nginx 9090:80` and try `curl localhost:9090`.' },
      explain: {
        ko: '두 터널이 함께 열려 있습니다. `port-forward list`로 목록을 볼 수 있습니다. `curl localhost:9090`을 실행하면 nginx의 환영 페이지가 옵니다.',
        en: 'Two tunnels are open now; `port-forward list` shows them. `curl localhost:9090` returns nginx\'s welcome page.',
      },
      solution: [{ kind: 'kubectl', line: 'kubectl port-forward pod/nginx 9090:80' }],
    },
    {
      id: 'pods-die',
      title: { ko: '파드를 모두 바꾸기', en: 'Replace every pod' },
      body: {
        ko: `\`web\` 파드를 레이블로 모두 지웁니다. 디플로이먼트가 새 파드 3개를 만들고, 서비스의 엔드포인트도 새 파드로 바뀝니다. 안정화로 새 파드가 준비될 때까지 진행합니다.`,
        en: `Delete every \`web\` pod by label. The Deployment creates three new ones, and the Service's endpoints move to them. Press Settle until the new pods are ready.`,
      },
      command: 'kubectl delete pods -l app=web',
      prediction: {
        question: { ko: '새 파드가 준비된 뒤 `curl localhost:8080`은 어떻게 될까요?', en: 'Once the new pods are ready, what does `curl localhost:8080` do?' },
        choices: [
          { ko: '새 파드 중 하나가 답한다', en: 'One of the new pods answers' },
          { ko: '실패한다', en: 'It fails' },
        ],
        answer: 1,
        explain: {
          ko: '터널은 서비스가 아니라 처음 고른 파드에 묶여 있었습니다. 그 파드가 사라지면 터널도 끊기고, 새 파드로 옮겨 가지 않습니다.',
          en: 'The tunnel was bound to the pod chosen at start, not to the Service. When that pod goes, the tunnel breaks; it never moves to a new pod.',
        },
      },
      goals: [
        { id: 'deleted', text: { ko: '`web` 파드를 지웠습니다', en: 'You deleted the `web` pods' }, check: allOf(lastCommandMatches(/delete\s+(pods?|po)\b.*-l\s*app=web/), ok) },
        { id: 'back', text: { ko: '새 파드 3개가 준비되었습니다', en: 'Three new pods are ready' }, check: deploymentAvailable('default', 'web', 3) },
      ],
      hint: { ko: '명령을 실행한 뒤 안정화를 누릅니다.', en: 'Run the command, then press Settle.' },
      explain: {
        ko: '레플리카셋 컨트롤러가 새 파드 3개를 만들었고, 엔드포인트슬라이스 컨트롤러가 서비스의 엔드포인트를 새 파드로 바꿨습니다. 서비스로 오는 요청은 문제가 없습니다. 하지만 port-forward는 엔드포인트를 보지 않습니다.',
        en: 'The ReplicaSet controller created three new pods and the EndpointSlice controller moved the Service\'s endpoints to them, so requests to the Service are fine. port-forward, however, never looks at endpoints.',
      },
      solution: [{ kind: 'kubectl', line: 'kubectl delete pods -l app=web' }, { kind: 'settle' }],
    },
    {
      id: 'lost',
      title: { ko: '끊어진 터널', en: 'A broken tunnel' },
      body: {
        ko: `같은 요청을 다시 보내고 오류를 읽습니다.`,
        en: `Send the same request again and read the error.`,
      },
      command: 'curl localhost:8080',
      goals: [
        {
          id: 'refused',
          text: { ko: '`localhost:8080`에 연결하지 못했습니다', en: 'Nothing answered on `localhost:8080`' },
          check: allOf(lastCommandMatches(/^curl\s.*localhost:8080/), lastErrorContains('Failed to connect to localhost port 8080')),
        },
      ],
      hint: { ko: '`curl localhost:8080`을 실행합니다.', en: 'Run `curl localhost:8080`.' },
      explain: {
        ko: '파드가 지워지는 순간 kubectl port-forward는 `lost connection to pod`를 남기고 끝났습니다. 이제 8080에서 기다리는 프로세스가 없으므로 curl은 `Failed to connect to localhost port 8080`으로 실패합니다. 다시 쓰려면 port-forward를 새로 실행합니다.',
        en: 'When the pod was deleted, kubectl port-forward ended with `lost connection to pod`. Nothing listens on 8080 any more, so curl fails with `Failed to connect to localhost port 8080`. To use it again, start a new port-forward.',
      },
      solution: [{ kind: 'kubectl', line: 'curl localhost:8080', expectError: 'Failed to connect to localhost port 8080' }],
    },
    {
      id: 'restart',
      title: { ko: '다시 열기', en: 'Open it again' },
      body: {
        ko: `같은 port-forward를 다시 실행합니다. kubectl이 지금 있는 파드 중에서 다시 하나를 고릅니다. 그다음 \`curl localhost:8080\`으로 새 파드가 답하는지 확인해 봅니다.`,
        en: `Run the same port-forward again: kubectl picks one of the pods that exist now. Then check with \`curl localhost:8080\` that a new pod answers.`,
      },
      command: FORWARD_SVC,
      goals: [
        {
          id: 'forwarding',
          text: { ko: '다시 `127.0.0.1:8080 -> 9376`으로 포워딩 중입니다', en: 'Forwarding `127.0.0.1:8080 -> 9376` again' },
          check: lastOutputContains('Forwarding from 127.0.0.1:8080 -> 9376'),
        },
      ],
      hint: { ko: `\`${FORWARD_SVC}\`을 실행합니다.`, en: `Run \`${FORWARD_SVC}\`.` },
      explain: {
        ko: '새 터널은 새 파드 중 하나에 묶였습니다. 디버깅 중에 파드가 재시작되면 port-forward를 다시 실행해야 하는 이유입니다.',
        en: 'The new tunnel is bound to one of the new pods. That is why you rerun port-forward whenever the pod you were debugging restarts.',
      },
      solution: [{ kind: 'kubectl', line: FORWARD_SVC }],
    },
    {
      id: 'stop',
      title: { ko: '터널 닫기', en: 'Close the tunnels' },
      body: {
        ko: `실제 터미널에서는 Ctrl+C로 port-forward를 끝냅니다. Kube Orchestra에서는 \`port-forward stop 포트\`로 닫습니다. 디버깅이 끝난 터널은 닫아 둡니다.`,
        en: `In a real terminal you end port-forward with Ctrl+C; in Kube Orchestra, \`port-forward stop PORT\` closes it. Close tunnels once you have finished debugging.`,
      },
      command: 'port-forward stop 9090',
      goals: [{ id: 'stopped', text: { ko: '9090 터널을 닫았습니다', en: 'You closed the 9090 tunnel' }, check: allOf(lastCommandMatches(/^port-forward\s+stop\s+9090\b/), ok) }],
      hint: { ko: '`port-forward stop 9090`을 실행하고 `port-forward list`로 확인합니다.', en: 'Run `port-forward stop 9090`, then check with `port-forward list`.' },
      explain: {
        ko: '이제 `curl localhost:9090`은 실패합니다. 8080 터널도 `port-forward stop 8080`으로 닫을 수 있습니다.',
        en: '`curl localhost:9090` now fails. Close the 8080 tunnel the same way, with `port-forward stop 8080`.',
      },
      solution: [{ kind: 'kubectl', line: 'port-forward stop 9090' }],
    },
  ],
  recap: {
    ko: '`kubectl port-forward`는 로컬 포트를 API 서버와 kubelet을 거쳐 파드 하나로 잇습니다. 밖으로 노출하지 않은 ClusterIP 서비스나 파드도 인그레스나 NodePort 없이 시험할 수 있습니다. `svc/`, `deployment/`로 지정해도 시작할 때 파드 하나를 고를 뿐 로드밸런싱은 없습니다. 서비스 포트는 그 파드의 `targetPort`로 바뀝니다. 파드가 사라지면 터널도 끊기므로 다시 실행해야 합니다. 개발과 디버깅용이며, 운영 환경에서 서비스를 노출하는 방법이 아닙니다.',
    en: '`kubectl port-forward` joins a local port, through the API server and the kubelet, to one pod. It lets you try an unexposed ClusterIP Service or pod without an Ingress or a NodePort. Naming `svc/` or `deployment/` only chooses one pod at start; there is no load balancing, and a Service port becomes that pod\'s `targetPort`. When the pod goes, the tunnel breaks and you start it again. It is for development and debugging, not for exposing production services.',
  },
  challenge: {
    ko: '`kubectl port-forward deployment/web :9376`을 실행해 kubectl이 고른 로컬 포트로 요청해 봅니다. 그다음 `-n kube-system`으로 CoreDNS 파드의 메트릭 포트(9153)를 포워딩하고 `curl localhost:PORT/metrics`가 무엇을 돌려줄지 예측합니다.',
    en: 'Run `kubectl port-forward deployment/web :9376` and send a request to the local port kubectl picked. Then forward a CoreDNS pod\'s metrics port (9153) with `-n kube-system` and predict what `curl localhost:PORT/metrics` returns.',
  },
};
