import type { Lesson } from '../types';
import {
  allOf,
  clusterSetting,
  lastAnsweredByPod,
  lastCommandMatches,
  lastErrorContains,
  loadBalancerAssigned,
  not,
  serviceClusterIPIn,
  serviceNodePort,
  serviceReadyEndpoints,
  serviceType,
} from '../goals';

/**
 * The Kubernetes docs' "hostnames" server (debug-service): agnhost answers every request on
 * 9376 with its pod's name, so you can see which pod a Service picked.
 */
export const HOSTNAMES_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: hostnames
          image: registry.k8s.io/e2e-test-images/agnhost:2.53
          args: ["serve-hostname"]
          ports:
            - containerPort: 9376
`;

/** A pod to send requests from, with curl in it. */
export const CLIENT_POD = `apiVersion: v1
kind: Pod
metadata:
  name: client
  labels:
    app: client
spec:
  containers:
    - name: curl
      image: curlimages/curl:8.18.0
      command: ["sleep", "infinity"]
`;

const nodePortService = (selector: string, nodePort: number) => `apiVersion: v1
kind: Service
metadata:
  name: web-np
spec:
  type: NodePort
  selector:
    app: ${selector}
  ports:
    - port: 80
      targetPort: 9376
      nodePort: ${nodePort}
`;

const NP_TYPO = nodePortService('wbe', 30080);
const NP = nodePortService('web', 30080);
const NP_OUT_OF_RANGE = nodePortService('web', 40000);

const SERVICE_CIDR = '10.96.0.0/12';

export const servicesLesson: Lesson = {
  id: 'services',
  number: 9,
  title: { ko: '서비스: ClusterIP, NodePort, LoadBalancer', en: 'Services: ClusterIP, NodePort, LoadBalancer' },
  summary: {
    ko: '바뀌는 파드 IP 앞에 고정된 주소를 두는 서비스를 만듭니다. ClusterIP, NodePort, LoadBalancer가 각각 어디까지 열어 주는지 비교합니다.',
    en: 'Put a fixed address in front of pods whose IPs keep changing, and compare how far ClusterIP, NodePort and LoadBalancer each open it.',
  },
  scenario: {
    cluster: { seed: 9, nodes: 3 },
    manifests: [
      { file: 'deploy-web.yaml', yaml: HOSTNAMES_DEPLOYMENT },
      { file: 'pod-client.yaml', yaml: CLIENT_POD },
    ],
  },
  steps: [
    {
      id: 'clusterip',
      title: { ko: 'ClusterIP 서비스', en: 'A ClusterIP Service' },
      body: {
        ko: `디플로이먼트 \`web\`의 파드 3개는 요청을 받으면 자기 파드 이름으로 답합니다. 파드 IP는 파드가 다시 만들어질 때마다 바뀝니다. 그래서 IP를 직접 적어 두면 곧 틀린 주소가 됩니다.

**서비스**는 레이블 셀렉터로 파드를 고르고, 그 앞에 바뀌지 않는 가상 IP(ClusterIP)와 DNS 이름을 둡니다. 기본 타입 **ClusterIP**는 클러스터 안에서만 닿습니다. 마이크로서비스끼리 부르거나 내부 API를 호출할 때 씁니다.

먼저 안정화로 파드를 띄운 뒤 서비스를 만듭니다. \`--port\`는 서비스의 포트, \`--target-port\`는 파드의 포트입니다.`,
        en: `The three pods of Deployment \`web\` answer every request with their own pod name. A pod's IP changes whenever the pod is recreated, so an address written down by hand soon points nowhere.

A **Service** chooses pods with a label selector and puts a virtual IP (the ClusterIP) and a DNS name in front of them that do not change. The default type, **ClusterIP**, is reachable only inside the cluster: services calling each other, internal APIs.

Press Settle to start the pods, then create the Service. \`--port\` is the Service's port, \`--target-port\` the pods'.`,
      },
      command: 'kubectl expose deployment web --port=80 --target-port=9376',
      goals: [
        {
          id: 'svc',
          text: { ko: '서비스 `web`(ClusterIP)이 10.96.0.0/12 안의 IP를 받았습니다', en: 'Service `web` (ClusterIP) has an IP in 10.96.0.0/12' },
          check: allOf(serviceType('default', 'web', 'ClusterIP'), serviceClusterIPIn('default', 'web', SERVICE_CIDR)),
        },
        {
          id: 'endpoints',
          text: { ko: '엔드포인트는 준비된 `app=web` 파드 3개입니다', en: 'Its endpoints are the three ready `app=web` pods' },
          check: serviceReadyEndpoints('default', 'web', 3, ['app', 'web']),
        },
      ],
      hint: {
        ko: '안정화를 누른 뒤 명령을 실행합니다. `kubectl get svc,endpointslices`로 결과를 봅니다.',
        en: 'Press Settle, then run the command. `kubectl get svc,endpointslices` shows the result.',
      },
      explain: {
        ko: '`kubectl expose`는 디플로이먼트의 셀렉터 `app=web`을 그대로 복사해 서비스를 만들었습니다. API 서버는 서비스 CIDR `10.96.0.0/12`에서 ClusterIP를 하나 할당했습니다. 엔드포인트슬라이스(EndpointSlice) 컨트롤러는 셀렉터에 맞고 준비된 파드의 IP와 포트 9376을 `web-xxxxx` 슬라이스에 적었습니다. 서비스 뷰에서 셀렉터 칩이 파드 3개를 가리킵니다.',
        en: '`kubectl expose` copied the Deployment\'s selector `app=web` into a new Service. The API server allocated a ClusterIP from the Service CIDR, `10.96.0.0/12`. The EndpointSlice controller wrote the IPs of the ready pods that match, with port 9376, into slice `web-xxxxx`. In the Services view, the selector chip points at the three pods.',
      },
      solution: [{ kind: 'settle' }, { kind: 'kubectl', line: 'kubectl expose deployment web --port=80 --target-port=9376' }, { kind: 'settle' }],
    },
    {
      id: 'curl',
      title: { ko: '파드에서 서비스 부르기', en: 'Call the Service from a pod' },
      body: {
        ko: `\`client\` 파드 안에서 \`curl\`을 실행합니다. 이름 \`web\`은 클러스터 DNS가 \`web.default.svc.cluster.local\`로 풀어 ClusterIP를 돌려줍니다. 그 IP로 가는 패킷은 노드의 kube-proxy가 만든 iptables 규칙이 파드 하나로 보냅니다.

같은 명령을 몇 번 실행해 답하는 파드 이름을 비교합니다.`,
        en: `Run \`curl\` inside the \`client\` pod. Cluster DNS resolves the name \`web\` as \`web.default.svc.cluster.local\` and returns the ClusterIP; the iptables rules kube-proxy wrote on the node send packets for that IP to one pod.

Run the same command a few times and compare the pod names that answer.`,
      },
      command: 'kubectl exec client -- curl -s http://web',
      prediction: {
        question: { ko: '요청을 여러 번 보내면 어느 파드가 답할까요?', en: 'If you send several requests, which pod answers?' },
        choices: [
          { ko: '항상 첫 번째 파드', en: 'Always the first pod' },
          { ko: '연결마다 세 파드 중 하나', en: 'One of the three, per connection' },
          { ko: '세 파드가 모두 답한다', en: 'All three answer' },
        ],
        answer: 1,
        explain: {
          ko: 'iptables 모드의 kube-proxy는 연결마다 엔드포인트 하나를 확률로 고릅니다(파드 3개면 각 1/3).',
          en: 'In iptables mode, kube-proxy picks one endpoint per connection at random (1/3 each with three pods).',
        },
      },
      goals: [
        {
          id: 'answered',
          text: { ko: '`client`에서 보낸 요청에 `web` 파드가 답했습니다', en: 'A `web` pod answered a request from `client`' },
          check: allOf(lastCommandMatches(/exec\s+client\b.*\s--\s+curl\b/), lastAnsweredByPod('default', 'app', 'web')),
        },
      ],
      hint: { ko: '`kubectl exec client -- curl -s http://web`을 실행합니다.', en: 'Run `kubectl exec client -- curl -s http://web`.' },
      explain: {
        ko: '요청은 client → DNS(`web` → ClusterIP) → 서비스 → kube-proxy 규칙 → 파드 하나로 갔습니다. 그래프의 애니메이션이 그 경로입니다. ClusterIP 자체에는 아무 프로세스도 없습니다. 각 노드의 규칙이 목적지를 파드 IP로 바꿔 줄 뿐입니다. `node iptables worker-1`로 그 규칙(`KUBE-SVC-…`, `KUBE-SEP-…`)을 볼 수 있습니다.',
        en: 'The request went client → DNS (`web` → ClusterIP) → Service → kube-proxy rules → one pod; the animation on the graph is that path. Nothing listens on the ClusterIP itself: the rules on each node rewrite the destination to a pod IP. `node iptables worker-1` shows them (`KUBE-SVC-…`, `KUBE-SEP-…`).',
      },
      solution: [{ kind: 'kubectl', line: 'kubectl exec client -- curl -s http://web' }],
    },
    {
      id: 'selector-typo',
      title: { ko: '셀렉터 오타', en: 'A typo in the selector' },
      body: {
        ko: `**NodePort** 서비스는 ClusterIP에 더해 모든 노드의 같은 포트(30000–32767)를 엽니다. \`노드IP:포트\`로 클러스터 밖에서 닿으므로 개발·테스트 환경에서 간단히 노출할 때 씁니다. 포트를 직접 관리해야 하고, 모든 노드에 포트가 열리므로 보안도 따져야 합니다.

편집기의 \`web-np\`에는 일부러 넣은 오타가 있습니다. 셀렉터가 \`app: wbe\`입니다. 적용하고 서비스 뷰와 \`kubectl get endpointslices\`를 확인한 뒤 고쳐서 다시 적용합니다.`,
        en: `A **NodePort** Service opens, on top of a ClusterIP, the same port (30000–32767) on every node. It is reachable from outside as \`nodeIP:port\`, handy for exposing something simply in development or test. You manage the ports yourself, and every node opens them, so think about security.

The \`web-np\` in the editor has a typo on purpose: its selector says \`app: wbe\`. Apply, look at the Services view and \`kubectl get endpointslices\`, then fix it and apply again.`,
      },
      editor: { file: 'svc-web-np.yaml', yaml: NP_TYPO },
      prediction: {
        question: { ko: '셀렉터에 맞는 파드가 없는 서비스를 API 서버는 어떻게 처리할까요?', en: 'What does the API server do with a Service whose selector matches no pods?' },
        choices: [
          { ko: '오류로 거부한다', en: 'Refuses it with an error' },
          { ko: '그대로 만든다. 엔드포인트가 없을 뿐이다', en: 'Creates it; it just has no endpoints' },
        ],
        answer: 1,
        explain: {
          ko: '셀렉터는 질의일 뿐입니다. 나중에 맞는 파드가 생길 수도 있으므로 API 서버는 맞는 파드가 있는지 확인하지 않습니다.',
          en: 'A selector is only a query, and matching pods may appear later, so the API server does not check for them.',
        },
      },
      goals: [
        { id: 'nodeport', text: { ko: '서비스 `web-np`가 노드 포트 30080을 씁니다', en: 'Service `web-np` uses node port 30080' }, check: allOf(serviceType('default', 'web-np', 'NodePort'), serviceNodePort('default', 'web-np', 30080)) },
        { id: 'endpoints', text: { ko: '`web-np`의 엔드포인트가 `web` 파드 3개입니다', en: '`web-np` has the three `web` pods as endpoints' }, check: serviceReadyEndpoints('default', 'web-np', 3, ['app', 'web']) },
      ],
      hint: { ko: '`wbe`를 `web`으로 고쳐 다시 적용합니다.', en: 'Change `wbe` to `web` and apply again.' },
      explain: {
        ko: '오타가 있을 때 `web-np`는 만들어졌지만 엔드포인트가 없었습니다. 그 상태에서 요청을 보내면 kube-proxy의 REJECT 규칙 때문에 `Connection refused`가 납니다. 셀렉터를 고치자 엔드포인트슬라이스 컨트롤러가 다음 틱에 파드 3개를 채웠습니다. "서비스는 있는데 응답이 없다"면 먼저 엔드포인트부터 확인합니다.',
        en: 'With the typo, `web-np` existed but had no endpoints; a request then gets `Connection refused` from kube-proxy\'s REJECT rule. Once the selector was fixed, the EndpointSlice controller filled in the three pods on the next tick. When a Service exists but nothing answers, check its endpoints first.',
      },
      solution: [{ kind: 'apply', file: 'svc-web-np.yaml', yaml: NP_TYPO }, { kind: 'settle' }, { kind: 'apply', file: 'svc-web-np.yaml', yaml: NP }, { kind: 'settle' }],
    },
    {
      id: 'port-range',
      title: { ko: '노드 포트의 범위', en: 'The node port range' },
      body: {
        ko: `노드 포트는 kube-apiserver의 \`--service-node-port-range\`(기본 30000–32767) 안에서만 고를 수 있습니다. \`nodePort\`를 비워 두면 API 서버가 범위 안에서 빈 포트를 골라 줍니다.

편집기의 파일은 \`nodePort: 40000\`을 요청합니다. 적용하고 API 서버의 답을 읽습니다.`,
        en: `Node ports must come from kube-apiserver's \`--service-node-port-range\` (30000–32767 by default). Leave \`nodePort\` out and the API server picks a free one in that range.

The file in the editor asks for \`nodePort: 40000\`. Apply it and read the API server's answer.`,
      },
      editor: { file: 'svc-web-np.yaml', yaml: NP_OUT_OF_RANGE },
      goals: [
        {
          id: 'refused',
          text: { ko: 'API 서버가 범위 밖의 포트를 거부했습니다', en: 'The API server refused the out-of-range port' },
          check: lastErrorContains('provided port is not in the valid range. The range of valid ports is 30000-32767'),
        },
        { id: 'kept', text: { ko: '`web-np`는 30080을 그대로 씁니다', en: '`web-np` keeps 30080' }, check: serviceNodePort('default', 'web-np', 30080) },
      ],
      hint: { ko: '파일을 그대로 적용합니다. 거부되는 것이 이 단계의 목표입니다.', en: 'Apply the file as it is. Being refused is the goal of this step.' },
      explain: {
        ko: '`The Service "web-np" is invalid: spec.ports[0].nodePort: Invalid value: 40000: provided port is not in the valid range. The range of valid ports is 30000-32767`. 아무것도 바뀌지 않았습니다. 편집기의 값을 30080으로 되돌립니다.',
        en: '`The Service "web-np" is invalid: spec.ports[0].nodePort: Invalid value: 40000: provided port is not in the valid range. The range of valid ports is 30000-32767`. Nothing changed. Set the editor back to 30080.',
      },
      solution: [{ kind: 'apply', file: 'svc-web-np.yaml', yaml: NP_OUT_OF_RANGE, expectError: 'provided port is not in the valid range' }],
    },
    {
      id: 'node-port-curl',
      title: { ko: '클러스터 밖에서 노드 포트로', en: 'From outside, through a node port' },
      body: {
        ko: `이번에는 여러분의 컴퓨터에서 요청을 보냅니다. \`curl\`은 Kube Orchestra의 명령으로, 클러스터 밖의 컴퓨터를 흉내 냅니다. \`172.18.0.3\`은 \`worker-1\`의 노드 IP입니다.

\`web\` 파드가 \`worker-1\`에 없어도 답이 올지 생각해 봅니다.`,
        en: `This time the request comes from your machine: \`curl\` here is a Kube Orchestra command playing a computer outside the cluster. \`172.18.0.3\` is \`worker-1\`'s node IP.

Think about whether an answer comes even when no \`web\` pod runs on \`worker-1\`.`,
      },
      command: 'curl http://172.18.0.3:30080',
      goals: [
        {
          id: 'answered',
          text: { ko: '노드 포트로 보낸 요청에 `web` 파드가 답했습니다', en: 'A `web` pod answered through the node port' },
          check: allOf(lastCommandMatches(/^curl\s.*:30080/), lastAnsweredByPod('default', 'app', 'web')),
        },
      ],
      hint: { ko: '`curl http://172.18.0.3:30080`을 실행합니다. 다른 노드 IP(`172.18.0.4`)로도 해 봅니다.', en: 'Run `curl http://172.18.0.3:30080`. Try another node IP (`172.18.0.4`) too.' },
      explain: {
        ko: '`worker-1`의 kube-proxy 규칙(`KUBE-NODEPORTS`)이 포트 30080으로 들어온 연결을 서비스의 엔드포인트 중 하나로 보냈습니다. 그 파드가 다른 노드에 있으면 CNI가 노드 사이로 패킷을 옮깁니다. 그래서 어느 노드 IP로 보내도 답이 옵니다(`externalTrafficPolicy: Cluster`, 기본값).',
        en: '`worker-1`\'s kube-proxy rules (`KUBE-NODEPORTS`) sent the connection on port 30080 to one of the Service\'s endpoints; when that pod lives on another node, the CNI carries the packet across. So any node IP works (`externalTrafficPolicy: Cluster`, the default).',
      },
      solution: [{ kind: 'kubectl', line: 'curl http://172.18.0.3:30080' }],
    },
    {
      id: 'lb-pending',
      title: { ko: 'LoadBalancer와 <pending>', en: 'LoadBalancer and <pending>' },
      body: {
        ko: `**LoadBalancer** 서비스는 NodePort에 더해 외부 로드밸런서를 요청합니다. 운영 환경에서 고가용성이 필요한 서비스를 밖에 노출할 때 씁니다. 로드밸런서는 쿠버네티스가 직접 만들지 않습니다. **로드밸런서 공급자**가 만들어 줍니다. 클라우드에서는 클라우드 컨트롤러 매니저가, 베어 메탈에서는 MetalLB 같은 애드온이 그 역할을 합니다. 클라우드 로드밸런서는 비용도 듭니다.

이 클러스터에는 아직 공급자가 없습니다. 서비스를 만들고 \`kubectl get svc web-lb\`로 확인합니다.`,
        en: `A **LoadBalancer** Service asks, on top of a NodePort, for an external load balancer: the way to expose production services that need high availability. Kubernetes does not build that load balancer itself; a **load-balancer provider** does: the cloud controller manager in a cloud, an add-on such as MetalLB on bare metal. Cloud load balancers also cost money.

This cluster has no provider yet. Create the Service, then look at it with \`kubectl get svc web-lb\`.`,
      },
      command: 'kubectl expose deployment web --type=LoadBalancer --name=web-lb --port=80 --target-port=9376',
      prediction: {
        question: { ko: '`EXTERNAL-IP` 열에는 무엇이 나올까요?', en: 'What will the `EXTERNAL-IP` column show?' },
        choices: [
          { ko: '노드 IP', en: 'A node IP' },
          { ko: '`<pending>`', en: '`<pending>`' },
          { ko: '오류가 나고 서비스가 만들어지지 않는다', en: 'An error, and no Service' },
        ],
        answer: 1,
        explain: {
          ko: '서비스는 만들어지지만 외부 주소를 채워 줄 공급자가 없으므로 기다립니다.',
          en: 'The Service is created, but with no provider to fill in an external address it waits.',
        },
      },
      goals: [
        { id: 'lb', text: { ko: '서비스 `web-lb`(LoadBalancer)에 노드 포트가 있습니다', en: 'Service `web-lb` (LoadBalancer) has a node port' }, check: allOf(serviceType('default', 'web-lb', 'LoadBalancer'), serviceNodePort('default', 'web-lb')) },
        { id: 'pending', text: { ko: '외부 IP가 아직 없습니다(`<pending>`)', en: 'It has no external IP yet (`<pending>`)' }, check: allOf(serviceType('default', 'web-lb', 'LoadBalancer'), not(loadBalancerAssigned('default', 'web-lb'))) },
      ],
      hint: { ko: '명령을 실행하고 몇 틱 진행한 뒤 `kubectl get svc web-lb`를 봅니다.', en: 'Run the command, step a few ticks, then look at `kubectl get svc web-lb`.' },
      explain: {
        ko: '`web-lb`는 ClusterIP와 노드 포트를 받았고 이미 노드 포트로는 닿습니다. `status.loadBalancer`는 비어 있으므로 `EXTERNAL-IP`가 `<pending>`입니다. 공급자가 없는 클러스터에서는 몇 시간이 지나도 그대로입니다.',
        en: '`web-lb` got a ClusterIP and a node port, and already answers on the node port. `status.loadBalancer` is empty, so `EXTERNAL-IP` shows `<pending>`; on a cluster with no provider it stays that way for hours.',
      },
      solution: [{ kind: 'kubectl', line: 'kubectl expose deployment web --type=LoadBalancer --name=web-lb --port=80 --target-port=9376' }, { kind: 'tick', count: 3 }],
    },
    {
      id: 'lb-provider',
      title: { ko: '로드밸런서 공급자 켜기', en: 'Switch on a load-balancer provider' },
      body: {
        ko: `\`cluster load-balancer on\`은 Kube Orchestra의 명령입니다. 클라우드 컨트롤러 매니저나 MetalLB를 설치한 것처럼 공급자를 켭니다. 상단의 클러스터 설정에서도 켤 수 있습니다.

켠 뒤 한 틱 진행하고 \`kubectl get svc web-lb\`를 다시 봅니다.`,
        en: `\`cluster load-balancer on\` is a Kube Orchestra command: it switches on a provider, as if you had installed a cloud controller manager or MetalLB. The Cluster settings button in the top bar does the same.

Switch it on, step a tick and look at \`kubectl get svc web-lb\` again.`,
      },
      command: 'cluster load-balancer on',
      goals: [
        { id: 'provider', text: { ko: '로드밸런서 공급자가 켜져 있습니다', en: 'A load-balancer provider is on' }, check: clusterSetting('loadBalancer', true) },
        { id: 'ip', text: { ko: '`web-lb`가 외부 IP를 받았습니다', en: '`web-lb` has an external IP' }, check: loadBalancerAssigned('default', 'web-lb') },
      ],
      hint: { ko: '명령을 실행한 뒤 한 틱을 누릅니다.', en: 'Run the command, then press Step.' },
      explain: {
        ko: '서비스 컨트롤러가 공급자에게 주소를 받아 `status.loadBalancer.ingress[0].ip`에 적었고, `EXTERNAL-IP`에 그 IP가 나옵니다. 로드밸런서는 받은 연결을 노드의 노드 포트로 보내고, 거기서부터는 NodePort와 같은 길을 갑니다. `curl http://<그 IP>`로 확인해 봅니다.',
        en: 'The service controller got an address from the provider and wrote it to `status.loadBalancer.ingress[0].ip`; `EXTERNAL-IP` now shows it. The load balancer sends connections to the nodes\' node port, and from there they take the NodePort path. Try `curl http://<that IP>`.',
      },
      solution: [{ kind: 'kubectl', line: 'cluster load-balancer on' }, { kind: 'tick', count: 3 }],
    },
  ],
  recap: {
    ko: '서비스는 레이블 셀렉터로 파드를 고르고, 바뀌는 파드 IP 앞에 고정된 ClusterIP와 DNS 이름을 둡니다. 엔드포인트는 셀렉터에 맞고 준비된 파드를 따라 자동으로 바뀌고, kube-proxy가 연결마다 그중 하나로 보냅니다. ClusterIP는 클러스터 안에서만, NodePort는 모든 노드의 30000–32767 포트로, LoadBalancer는 로드밸런서 공급자(클라우드 또는 베어 메탈의 MetalLB)가 준 외부 IP로 닿습니다. 공급자가 없으면 `<pending>`으로 남습니다. 응답이 없으면 엔드포인트와 셀렉터부터 확인합니다.',
    en: 'A Service chooses pods with a label selector and puts a fixed ClusterIP and DNS name in front of their changing IPs. Its endpoints follow the ready pods that match, and kube-proxy sends each connection to one of them. ClusterIP is reachable only inside the cluster, NodePort on ports 30000–32767 of every node, LoadBalancer on an external IP from a load-balancer provider (a cloud, or MetalLB on bare metal); without one it stays `<pending>`. When nothing answers, check the endpoints and the selector first.',
  },
  challenge: {
    ko: '`kubectl scale deployment web --replicas=1`로 줄인 뒤, 엔드포인트와 `node iptables worker-1`의 확률이 어떻게 바뀌는지 예측하고 확인합니다. 그다음 `readinessProbe`가 실패하는 파드를 하나 더해, 실행 중이지만 준비되지 않은 파드가 엔드포인트에서 빠지는지 봅니다.',
    en: 'Scale `web` down with `kubectl scale deployment web --replicas=1`; predict how the endpoints and the probabilities in `node iptables worker-1` change, then check. Then add a pod whose `readinessProbe` fails, and see whether a running but unready pod stays out of the endpoints.',
  },
};
