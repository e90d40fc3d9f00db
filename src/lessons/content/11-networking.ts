import type { Lesson } from '../types';
import {
  allOf,
  clusterSetting,
  lastAnsweredByPod,
  lastCommandMatches,
  lastErrorContains,
  lastOutputContains,
  objectExists,
  podIpFromNodeCidr,
  policyVerdictIs,
  policyWouldDeny,
} from '../goals';

/** The docs' hostnames server, placed on worker-2 so a request from worker-1 crosses nodes. */
const SERVER = `apiVersion: v1
kind: Pod
metadata:
  name: server
  labels:
    app: web
spec:
  nodeSelector:
    kubernetes.io/hostname: worker-2
  containers:
    - name: hostnames
      image: registry.k8s.io/e2e-test-images/agnhost:2.53
      args: ["serve-hostname"]
      ports:
        - containerPort: 9376
`;

const CLIENT = `apiVersion: v1
kind: Pod
metadata:
  name: client
  labels:
    app: client
spec:
  nodeSelector:
    kubernetes.io/hostname: worker-1
  containers:
    - name: curl
      image: curlimages/curl:8.18.0
      command: ["sleep", "infinity"]
`;

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

const DEFAULT_DENY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny-ingress
spec:
  podSelector: {}
  policyTypes:
    - Ingress
`;

const ALLOW_CLIENT = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-client-to-web
spec:
  podSelector:
    matchLabels:
      app: web
  policyTypes:
    - Ingress
  ingress:
    - from:
        - podSelector:
            matchLabels:
              app: client
      ports:
        - protocol: TCP
          port: 9376
`;

const CURL = 'kubectl exec client -- curl -sS --max-time 5 http://web';
const CURL_RE = /exec\s+client\b.*\s--\s+curl\b/;
const NETPOL = 'networkpolicies.networking.k8s.io';

export const networkingLesson: Lesson = {
  id: 'networking',
  number: 11,
  title: { ko: '파드 네트워킹과 CNI(Flannel, Calico, Weave)', en: 'Pod networking and CNI (Flannel, Calico, Weave)' },
  summary: {
    ko: '파드 IP가 어디서 오는지, 노드 사이를 어떻게 건너는지 보고, 같은 네트워크폴리시(NetworkPolicy)가 Flannel에서는 무시되고 Calico에서는 지켜지는 것을 확인합니다.',
    en: 'See where pod IPs come from and how packets cross nodes, then watch the same NetworkPolicy be ignored under Flannel and enforced under Calico.',
  },
  scenario: {
    cluster: { seed: 11, nodes: 3 },
    manifests: [
      { file: 'pod-server.yaml', yaml: SERVER },
      { file: 'pod-client.yaml', yaml: CLIENT },
      { file: 'svc-web.yaml', yaml: SERVICE },
    ],
  },
  steps: [
    {
      id: 'pod-ips',
      title: { ko: '파드마다 IP 하나', en: 'One IP per pod' },
      body: {
        ko: `쿠버네티스의 네트워크 모델에서 파드는 저마다 고유한 IP를 받습니다. **파드 네트워크 CIDR**은 클러스터의 모든 파드가 쓰는 주소 공간입니다. 이 클러스터는 \`10.244.0.0/16\`으로 주소 65,536개를 가집니다. 이 공간을 노드마다 /24(256개) 서브넷으로 나눠 \`spec.podCIDR\`에 적어 둡니다.

**CNI 플러그인**은 파드가 생길 때 kubelet의 호출을 받아 네트워크 인터페이스를 만들고, 그 노드의 서브넷에서 IP를 줍니다. 노드 사이의 경로도 CNI가 만듭니다.

안정화로 파드를 띄운 뒤 IP와 노드를 확인합니다.`,
        en: `In the Kubernetes network model every pod gets an IP of its own. The **pod network CIDR** is the address space of every pod in the cluster; here it is \`10.244.0.0/16\`, 65,536 addresses. It is split into one /24 subnet (256 addresses) per node, written into the node's \`spec.podCIDR\`.

A **CNI plugin** is what the kubelet calls when a pod starts: it creates the pod's network interface, hands it an IP from the node's subnet, and builds the routes between nodes.

Press Settle to start the pods, then look at their IPs and nodes.`,
      },
      command: 'kubectl get pods -o wide',
      goals: [
        { id: 'listed', text: { ko: '파드 IP를 확인했습니다', en: 'You listed the pod IPs' }, check: allOf(lastCommandMatches(/get\s+(pods?|po)\b.*-o\s*wide/), lastOutputContains('10.244.')) },
        {
          id: 'cidr',
          text: { ko: '두 파드의 IP가 각자 노드의 podCIDR 안에 있습니다', en: 'Both pod IPs lie in their own node\'s podCIDR' },
          check: allOf(podIpFromNodeCidr('default', 'client'), podIpFromNodeCidr('default', 'server')),
        },
      ],
      hint: { ko: '안정화를 누른 뒤 `kubectl get pods -o wide`를 실행합니다. `kubectl get nodes -o wide`도 봅니다.', en: 'Press Settle, then run `kubectl get pods -o wide`. Look at `kubectl get nodes -o wide` too.' },
      explain: {
        ko: '`client`는 `worker-1`의 서브넷에서, `server`는 `worker-2`의 서브넷에서 IP를 받았습니다. 세 번째 자리가 노드를 알려 줍니다. 네트워크 뷰에서 노드마다 podCIDR과 그 안의 파드 IP를 볼 수 있습니다.',
        en: '`client` got its IP from `worker-1`\'s subnet and `server` from `worker-2`\'s; the third number tells the node. The Network view shows each node\'s podCIDR with the pod IPs inside it.',
      },
      solution: [{ kind: 'settle' }, { kind: 'kubectl', line: 'kubectl get pods -o wide' }],
    },
    {
      id: 'cross-node',
      title: { ko: '노드를 건너는 요청', en: 'A request across nodes' },
      body: {
        ko: `서비스 \`web\`의 ClusterIP는 파드 CIDR이 아닌 **서비스 CIDR** \`10.96.0.0/12\`에서 옵니다. 이 IP는 어느 인터페이스에도 없고, kube-proxy 규칙 안에만 있습니다.

\`client\`(worker-1)에서 \`server\`(worker-2)로 요청을 보냅니다. 지금 CNI는 **Flannel**입니다. Flannel은 노드 사이의 파드 패킷을 VXLAN으로 감싸 노드 IP 사이로 보냅니다(오버레이, UDP 8472).`,
        en: `Service \`web\`'s ClusterIP comes not from the pod CIDR but from the **Service CIDR**, \`10.96.0.0/12\`. That IP sits on no interface; it exists only in kube-proxy's rules.

Send a request from \`client\` (worker-1) to \`server\` (worker-2). The CNI plugin is **Flannel**: it wraps pod packets bound for another node in VXLAN and sends them between the node IPs (an overlay, UDP 8472).`,
      },
      command: CURL,
      prediction: {
        question: { ko: '`server`가 보는 요청의 출발지 IP는 무엇일까요?', en: 'What source IP does `server` see on the request?' },
        choices: [
          { ko: '`worker-1`의 노드 IP', en: '`worker-1`\'s node IP' },
          { ko: '`client`의 파드 IP', en: '`client`\'s pod IP' },
          { ko: '서비스의 ClusterIP', en: 'The Service\'s ClusterIP' },
        ],
        answer: 1,
        explain: {
          ko: '쿠버네티스 네트워크 모델은 파드끼리 NAT 없이 통신하도록 요구합니다. 오버레이는 패킷을 감쌀 뿐 주소를 바꾸지 않습니다.',
          en: 'The Kubernetes network model requires pods to reach each other without NAT. The overlay wraps the packet; it does not rewrite its addresses.',
        },
      },
      goals: [{ id: 'answered', text: { ko: '`server`가 답했습니다', en: '`server` answered' }, check: allOf(lastCommandMatches(CURL_RE), lastAnsweredByPod('default', 'app', 'web')) }],
      hint: { ko: `\`${CURL}\`을 실행합니다.`, en: `Run \`${CURL}\`.` },
      explain: {
        ko: '경로는 client → 서비스 → kube-proxy(목적지를 `server`의 파드 IP로 바꿈) → VXLAN(worker-1 → worker-2) → server였습니다. `node iptables worker-1`에서 DNAT 규칙을, 네트워크 뷰에서 오버레이를 확인합니다.',
        en: 'The path was client → Service → kube-proxy (destination rewritten to `server`\'s pod IP) → VXLAN (worker-1 → worker-2) → server. See the DNAT rule in `node iptables worker-1` and the overlay in the Network view.',
      },
      solution: [{ kind: 'kubectl', line: CURL }],
    },
    {
      id: 'deny',
      title: { ko: '모두 막는 네트워크폴리시', en: 'A deny-all NetworkPolicy' },
      body: {
        ko: `**네트워크폴리시(NetworkPolicy)**는 파드가 받거나 보낼 수 있는 트래픽을 레이블로 정합니다. 정책이 파드를 고르면 그 파드는 격리되고, 규칙이 허용한 트래픽만 받습니다. 편집기의 정책은 \`podSelector: {}\`로 네임스페이스의 모든 파드를 고르고 허용 규칙이 없습니다. 즉 들어오는 트래픽을 모두 막습니다.

정책을 실제로 지키는 것은 API 서버가 아니라 CNI 플러그인입니다. 적용합니다.`,
        en: `A **NetworkPolicy** decides, by label, which traffic pods may receive or send. Once a policy selects a pod, the pod is isolated and accepts only what some rule allows. The policy in the editor selects every pod in the namespace (\`podSelector: {}\`) and allows nothing: all incoming traffic is denied.

It is the CNI plugin, not the API server, that enforces policies. Apply it.`,
      },
      editor: { file: 'netpol-deny.yaml', yaml: DEFAULT_DENY },
      goals: [
        {
          id: 'policy',
          text: { ko: '`default-deny-ingress`가 `server`를 격리합니다', en: '`default-deny-ingress` isolates `server`' },
          check: allOf(objectExists(NETPOL, 'default', 'default-deny-ingress'), policyWouldDeny('default', 'client', 'server', 9376)),
        },
      ],
      hint: { ko: '적용을 누릅니다.', en: 'Press Apply.' },
      explain: {
        ko: 'API 서버는 정책을 저장했습니다. 네트워크 뷰의 정책 배지에 Flannel이 이 정책을 적용하지 않는다는 표시가 있습니다.',
        en: 'The API server stored the policy. In the Network view, the policy\'s badge says Flannel does not enforce it.',
      },
      solution: [{ kind: 'apply', file: 'netpol-deny.yaml', yaml: DEFAULT_DENY }],
    },
    {
      id: 'flannel-ignores',
      title: { ko: 'Flannel에서 다시 요청', en: 'Ask again under Flannel' },
      body: {
        ko: `모든 인그레스를 막는 정책이 생겼습니다. 같은 요청을 다시 보냅니다.`,
        en: `A policy now denies all ingress. Send the same request again.`,
      },
      command: CURL,
      prediction: {
        question: { ko: '요청은 어떻게 될까요?', en: 'What happens to the request?' },
        choices: [
          { ko: '막힌다', en: 'It is blocked' },
          { ko: '그대로 `server`가 답한다', en: '`server` answers as before' },
        ],
        answer: 1,
        explain: {
          ko: 'Flannel은 네트워크폴리시를 구현하지 않습니다. 정책은 저장되어 있지만 아무도 지키지 않습니다.',
          en: 'Flannel does not implement NetworkPolicy. The policy is stored, and nobody enforces it.',
        },
      },
      goals: [
        {
          id: 'still',
          text: { ko: '정책이 있는데도 `server`가 답했습니다', en: '`server` answered despite the policy' },
          check: allOf(objectExists(NETPOL, 'default', 'default-deny-ingress'), lastCommandMatches(CURL_RE), lastAnsweredByPod('default', 'app', 'web')),
        },
      ],
      hint: { ko: `\`${CURL}\`을 다시 실행합니다.`, en: `Run \`${CURL}\` again.` },
      explain: {
        ko: '트래픽 애니메이션의 정책 단계에 "Flannel이 무시함"이 나옵니다. Flannel은 설정이 간단하고 안정적이지만 고급 정책 기능이 없고, VXLAN 캡슐화만큼 네트워크 오버헤드가 있습니다. Flannel 클러스터에서 정책이 필요하면 Calico 같은 정책 엔진을 함께 설치합니다(Canal).',
        en: 'The policy hop of the traffic animation says "ignored by Flannel". Flannel is simple to set up and stable, but has no policy features, and VXLAN encapsulation costs some network overhead. Flannel clusters that need policies add a policy engine such as Calico alongside it (Canal).',
      },
      solution: [{ kind: 'kubectl', line: CURL }],
    },
    {
      id: 'calico',
      title: { ko: 'Calico로 바꾸기', en: 'Switch to Calico' },
      body: {
        ko: `**Calico**는 오버레이 대신 BGP로 노드끼리 파드 서브넷 경로를 주고받아 패킷을 그대로 보냅니다. 성능이 좋고 세밀한 네트워크폴리시를 지원하지만, 설정이 복잡하고 네트워크 지식이 필요합니다. **Weave Net**은 노드끼리 서로를 자동으로 찾아 메시를 만들고, 설치가 간편하며 암호화를 지원합니다. 대신 성능 오버헤드가 있고 메모리를 많이 씁니다. Weave도 네트워크폴리시를 지킵니다.

\`cluster cni calico\`는 Kube Orchestra의 명령입니다. 실제로는 설치할 때 CNI를 고릅니다.`,
        en: `**Calico** skips the overlay: nodes exchange routes to each other's pod subnets over BGP and send packets as they are. It performs well and supports fine-grained NetworkPolicy, but is more complex to set up and wants some networking knowledge. **Weave Net** has nodes find each other and form a mesh, installs easily and supports encryption, at the cost of performance overhead and higher memory use. Weave enforces NetworkPolicy too.

\`cluster cni calico\` is a Kube Orchestra command; on a real cluster you choose the CNI at install time.`,
      },
      command: 'cluster cni calico',
      prediction: {
        question: { ko: 'Calico로 바꾼 뒤 같은 요청을 보내면?', en: 'After the switch, what will the same request do?' },
        choices: [
          { ko: '여전히 `server`가 답한다', en: '`server` still answers' },
          { ko: '정책 때문에 막힌다', en: 'The policy blocks it' },
        ],
        answer: 1,
        explain: {
          ko: 'Calico는 노드마다 정책을 규칙으로 바꿔 파드 인터페이스 앞에 둡니다. 허용 규칙이 없으므로 연결이 버려집니다.',
          en: 'Calico turns policies into rules on each node, in front of the pods\' interfaces. No rule allows the connection, so it is dropped.',
        },
      },
      goals: [
        { id: 'calico', text: { ko: 'CNI가 Calico입니다', en: 'The CNI plugin is Calico' }, check: clusterSetting('cni', 'calico') },
        { id: 'enforced', text: { ko: '`client` → `server` 연결이 정책으로 막힙니다', en: 'The policy now blocks `client` → `server`' }, check: policyVerdictIs('default', 'client', 'server', 9376, { allowed: false, enforced: true }) },
      ],
      hint: { ko: '콘솔에 `cluster cni calico`를 입력합니다. 상단의 클러스터 설정에서도 고를 수 있습니다.', en: 'Type `cluster cni calico` in the console, or pick it under Cluster settings in the top bar.' },
      explain: {
        ko: '네트워크 뷰가 VXLAN 오버레이 대신 노드마다 BGP 경로를 보여 주고, 정책 배지가 "적용됨"으로 바뀌었습니다. 실제 클러스터에서는 CNI를 운영 중에 바꾸지 않습니다. 여기서는 비교를 위해 바로 바꿉니다.',
        en: 'The Network view now shows BGP routes per node instead of the VXLAN overlay, and the policy badge reads "enforced". Real clusters do not swap their CNI while running; here the switch is instant so you can compare.',
      },
      solution: [{ kind: 'kubectl', line: 'cluster cni calico' }],
    },
    {
      id: 'blocked',
      title: { ko: 'Calico에서 다시 요청', en: 'Ask again under Calico' },
      body: {
        ko: `같은 요청을 보내고 오류를 읽습니다. \`--max-time 5\`는 답이 없을 때 curl이 5초 뒤에 포기하게 합니다. \`-sS\`는 진행 표시는 숨기고 오류는 보여 줍니다.`,
        en: `Send the same request and read the error. \`--max-time 5\` makes curl give up after five seconds without an answer; \`-sS\` hides the progress meter but still shows errors.`,
      },
      command: CURL,
      goals: [
        {
          id: 'failed',
          text: { ko: '요청이 실패했습니다', en: 'The request failed' },
          check: allOf(lastCommandMatches(CURL_RE), lastErrorContains('command terminated with exit code 28')),
        },
      ],
      hint: { ko: `\`${CURL}\`을 실행합니다.`, en: `Run \`${CURL}\`.` },
      explain: {
        ko: '거부 응답도 없이 패킷이 버려졌으므로 curl은 기다리다 `curl: (28) Connection timed out after 5001 milliseconds`로 끝났고, kubectl은 `command terminated with exit code 28`을 덧붙였습니다. 트래픽 애니메이션은 `server` 앞의 정책 단계에서 멈춥니다. "연결 거부"는 받는 쪽이 답한 것이고, "시간 초과"는 중간에서 버려진 것입니다. 정책 문제는 보통 시간 초과로 보입니다.',
        en: 'The packets were dropped with no reply at all, so curl waited and gave up: `curl: (28) Connection timed out after 5001 milliseconds`, and kubectl added `command terminated with exit code 28`. The traffic animation stops at the policy hop in front of `server`. "Connection refused" means the other side answered; a timeout means something dropped the packets on the way. Policy problems usually look like timeouts.',
      },
      solution: [{ kind: 'kubectl', line: CURL, expectError: 'curl: (28) Connection timed out' }],
    },
    {
      id: 'allow',
      title: { ko: '필요한 트래픽만 허용', en: 'Allow only what is needed' },
      body: {
        ko: `정책은 허용 목록을 더하는 방식입니다. 거부 규칙은 없고, 파드를 고르는 정책 중 하나라도 허용하면 연결이 통과합니다.

편집기의 정책은 \`app: web\` 파드에 \`app: client\` 파드가 TCP 9376으로 들어오는 것만 허용합니다. 적용한 뒤 요청을 다시 보내 봅니다.`,
        en: `Policies add up as allow-lists: there are no deny rules, and a connection passes when any policy selecting the pod allows it.

The policy in the editor lets pods labelled \`app: client\` into pods labelled \`app: web\` on TCP 9376, and nothing else. Apply it, then send the request again.`,
      },
      editor: { file: 'netpol-allow.yaml', yaml: ALLOW_CLIENT },
      goals: [
        {
          id: 'allowed',
          text: { ko: 'Calico가 `client` → `server`를 허용합니다', en: 'Calico allows `client` → `server`' },
          check: allOf(objectExists(NETPOL, 'default', 'allow-client-to-web'), policyVerdictIs('default', 'client', 'server', 9376, { allowed: true, enforced: true })),
        },
      ],
      hint: { ko: '적용을 누른 뒤 요청을 다시 보냅니다.', en: 'Press Apply, then send the request again.' },
      explain: {
        ko: '이제 `server`에는 정책 두 개가 걸려 있고, 그중 `allow-client-to-web`이 `client`를 허용합니다. 다른 파드에서 오는 연결은 여전히 막힙니다. 규칙의 `from`은 레이블로 상대를 고르므로, 나중에 생기는 `app=client` 파드도 자동으로 허용됩니다.',
        en: '`server` is now selected by two policies, and `allow-client-to-web` lets `client` in. Connections from any other pod are still dropped. The rule\'s `from` picks peers by label, so `app=client` pods created later are allowed too.',
      },
      solution: [{ kind: 'apply', file: 'netpol-allow.yaml', yaml: ALLOW_CLIENT }, { kind: 'kubectl', line: CURL }],
    },
  ],
  recap: {
    ko: '파드마다 고유한 IP를 받습니다. 파드 CIDR(`10.244.0.0/16`, 65,536개)은 노드마다 /24 서브넷으로 나뉘고, 서비스 ClusterIP는 따로 서비스 CIDR(`10.96.0.0/12`)에서 옵니다. 파드는 노드가 달라도 NAT 없이 서로 닿습니다. 그 길을 CNI 플러그인이 만듭니다. Flannel은 VXLAN 오버레이로 간단하고 안정적이지만 네트워크폴리시를 지키지 않습니다. Calico는 BGP 라우팅으로 빠르고 정책을 지키지만 설정이 복잡합니다. Weave Net은 자동으로 메시를 만들고 암호화를 지원하며 정책을 지키지만, 성능 오버헤드와 메모리 사용이 큽니다. 정책이 고른 파드는 허용된 트래픽만 받고, 정책 때문에 막힌 연결은 보통 시간 초과로 보입니다.',
    en: 'Every pod gets an IP of its own. The pod CIDR (`10.244.0.0/16`, 65,536 addresses) is split into one /24 per node; Service ClusterIPs come from the separate Service CIDR (`10.96.0.0/12`). Pods reach each other across nodes without NAT, over paths the CNI plugin builds. Flannel uses a VXLAN overlay: simple and stable, but it does not enforce NetworkPolicy. Calico routes with BGP: fast, enforces policies, more complex to set up. Weave Net forms a mesh by itself, supports encryption and enforces policies, with more performance and memory overhead. A pod a policy selects receives only allowed traffic; connections a policy blocks usually show up as timeouts.',
  },
  challenge: {
    ko: '`cluster cni weave`로 바꾸고 `cluster weave-encryption on`을 켠 뒤, 네트워크 뷰에서 노드 사이의 경로가 어떻게 달라지는지 보고 정책이 계속 지켜지는지 확인합니다. 그다음 `app=client` 파드에서 나가는 트래픽(`Egress`)을 막는 정책을 만들고, 서비스 이름으로 요청할 때 DNS가 어떻게 되는지 예측해 봅니다.',
    en: 'Switch to `cluster cni weave` and turn on `cluster weave-encryption on`; look at how the paths between nodes change in the Network view, and check the policies still hold. Then write a policy that blocks traffic leaving `app=client` pods (`Egress`), and predict what happens to DNS when you call the Service by name.',
  },
};
