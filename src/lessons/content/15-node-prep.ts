import type { Node } from 'kubernetes-types/core/v1';
import type { Lesson } from '../types';
import type { KubeObject } from '../../sim/objects';
import { allOf, lastAnsweredByPod, lastCommandMatches, lastErrorContains, lastOutputContains, objectsOf, podRunning } from '../goals';
import type { Check } from '../goals';

/**
 * The docs' hostnames server and a client, both pinned to the machine the learner prepares (Pending
 * until worker-3 joins), behind Service `web`: the client's request and the server's reply share
 * one bridge, which is where a missing br_netfilter shows.
 */
const PODS = `apiVersion: v1
kind: Pod
metadata:
  name: server
  labels:
    app: web
spec:
  nodeSelector:
    kubernetes.io/hostname: worker-3
  containers:
    - name: hostnames
      image: registry.k8s.io/e2e-test-images/agnhost:2.53
      args: ["serve-hostname"]
      ports:
        - containerPort: 9376
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
    - port: 80
      targetPort: 9376
---
apiVersion: v1
kind: Pod
metadata:
  name: client
spec:
  nodeSelector:
    kubernetes.io/hostname: worker-3
  containers:
    - name: curl
      image: curlimages/curl:8.18.0
      command: ["sleep", "infinity"]
`;

/**
 * The token `kubeadm token create` prints in this lesson's cluster: random, but the same for the
 * same seed and the same steps before it, so the reference solution can type the printed line.
 */
const TOKEN = 'g6mzij.zlpa366g234vuvd5';
/** The sha256 of this cluster's CA public key (one per seed). */
const CA_HASH = 'sha256:4b72ad013c6fec48c3e7a65c9cbb9e3f197a03977dac4f9866ecffbad1daa35a';
const PRINT_JOIN = 'ssh control-plane -- kubeadm token create --print-join-command';
/** The line PRINT_JOIN prints, run on worker-3. */
const JOIN = `ssh worker-3 -- kubeadm join 172.18.0.2:6443 --token ${TOKEN} --discovery-token-ca-cert-hash ${CA_HASH}`;
const JOIN_RE = /^ssh\s+worker-3\s+(--\s+)?kubeadm\s+join\b/;

const SWAPOFF = 'ssh worker-3 -- swapoff -a';
const FSTAB_EDIT = "ssh worker-3 -- sed -i '/swap/ s/^/#/' /etc/fstab";
const MODULES_FILE = "ssh worker-3 -- 'echo overlay | tee /etc/modules-load.d/k8s.conf'";
const SYSCTL_FILE = "ssh worker-3 -- 'echo net.ipv4.ip_forward = 1 | tee /etc/sysctl.d/k8s.conf'";
const BR_MODULE_FILE = "ssh worker-3 -- 'echo br_netfilter | tee -a /etc/modules-load.d/k8s.conf'";
const BR_SYSCTL_FILE = "ssh worker-3 -- 'echo net.bridge.bridge-nf-call-iptables = 1 | tee -a /etc/sysctl.d/k8s.conf'";
const CONTAINERD_DEFAULT = "ssh worker-3 -- 'mkdir -p /etc/containerd && containerd config default > /etc/containerd/config.toml'";
const SYSTEMD_CGROUP = "ssh worker-3 -- sed -i 's/SystemdCgroup = false/SystemdCgroup = true/' /etc/containerd/config.toml";
const CURL = 'kubectl exec client -- curl -sS --max-time 5 http://web';
const CURL_RE = /^(kubectl\s+)?exec\s+client\s+.*--\s+curl\b.*\bweb\b/;

/** Nodes are cluster-scoped: found by name alone. */
const findNode = (s: Parameters<Check>[0], name: string) => objectsOf<Node & KubeObject>(s, 'nodes').find((n) => n.metadata.name === name);

/** The Node exists and its Ready condition is True. */
const nodeReady =
  (name: string): Check =>
  (s) =>
    findNode(s, name)?.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;

const nodeAbsent =
  (name: string): Check =>
  (s) =>
    !findNode(s, name);

export const nodePrepLesson: Lesson = {
  id: 'node-prep',
  number: 15,
  title: { ko: '노드 준비(swap, br_netfilter, ip_forward, SystemdCgroup)', en: 'Preparing a node (swap, br_netfilter, ip_forward, SystemdCgroup)' },
  summary: {
    ko: '새 머신을 클러스터에 합류시킵니다. kubeadm의 사전 점검(preflight) 오류를 읽고 swap, 커널 모듈, sysctl, containerd의 cgroup 드라이버를 고친 뒤, kubeadm이 더는 검사하지 않는 br_netfilter를 빠뜨리면 무엇이 깨지는지 확인합니다.',
    en: 'Bring a new machine into the cluster: read kubeadm\'s preflight errors, fix swap, kernel modules, sysctls and containerd\'s cgroup driver, and see what breaks when br_netfilter, which kubeadm no longer checks, is left out.',
  },
  scenario: {
    cluster: { seed: 15, nodes: 2 },
    manifests: [{ file: 'pods.yaml', yaml: PODS }],
  },
  steps: [
    {
      id: 'new-machine',
      title: { ko: '새 머신', en: 'A new machine' },
      body: {
        ko: `\`machine create worker-3\`은 Kube Orchestra 명령입니다. containerd, kubeadm, kubelet, kubectl을 apt로 설치만 해 둔 새 Ubuntu 머신을 만듭니다. 아직 클러스터의 노드가 아닙니다.

시나리오의 파드 \`server\`와 \`client\`는 \`nodeSelector\`로 \`worker-3\`을 고르고 있어서 그런 노드가 생길 때까지 Pending입니다. 서비스 \`web\`은 \`server\`를 가리킵니다.

머신을 만든 뒤 \`ssh worker-3 -- swapon --show\`로 swap이 켜져 있는지 봅니다. \`ssh NAME -- 명령\`은 그 머신의 셸에서 명령을 실행합니다.`,
        en: `\`machine create worker-3\` is a Kube Orchestra command: it makes a fresh Ubuntu machine with containerd, kubeadm, kubelet and kubectl installed from apt, and nothing else done. It is not a node of the cluster yet.

The scenario's pods \`server\` and \`client\` select \`worker-3\` with a \`nodeSelector\`, so they stay Pending until such a node exists. Service \`web\` points at \`server\`.

Create the machine, then check for swap with \`ssh worker-3 -- swapon --show\`. \`ssh NAME -- COMMAND\` runs COMMAND in that machine's shell.`,
      },
      command: 'machine create worker-3',
      goals: [
        {
          id: 'swap-on',
          text: { ko: '`worker-3`에서 swap이 켜져 있는 것을 확인했습니다', en: 'You saw swap is on on `worker-3`' },
          check: allOf(lastCommandMatches(/^ssh\s+worker-3\b.*\bswapon\b/), lastOutputContains('/swap.img')),
        },
        { id: 'not-node', text: { ko: '`worker-3`은 아직 노드가 아닙니다', en: '`worker-3` is not a node yet' }, check: nodeAbsent('worker-3') },
      ],
      hint: { ko: '`machine create worker-3`을 실행한 뒤 `ssh worker-3 -- swapon --show`를 실행합니다.', en: 'Run `machine create worker-3`, then `ssh worker-3 -- swapon --show`.' },
      explain: {
        ko: '`/swap.img`가 swap으로 쓰이고 있습니다. Ubuntu 설치 프로그램이 기본으로 만드는 swap 파일입니다. `kubectl get nodes`에는 아직 `worker-3`이 없습니다. 머신과 노드는 다릅니다. 노드는 머신의 kubelet이 API 서버에 등록한 오브젝트입니다.',
        en: '`/swap.img` is in use as swap: the Ubuntu installer creates that file by default. `kubectl get nodes` does not list `worker-3`: a machine is not a node. A Node is the object a machine\'s kubelet registers with the API server.',
      },
      solution: [{ kind: 'kubectl', line: 'machine create worker-3' }, { kind: 'kubectl', line: 'ssh worker-3 -- swapon --show' }],
    },
    {
      id: 'preflight',
      title: { ko: '먼저 join해 보기', en: 'Try to join first' },
      body: {
        ko: `노드가 클러스터에 들어오려면 토큰이 필요합니다. 컨트롤 플레인에서 join 명령을 출력합니다. 토큰은 \`[a-z0-9]{6}.[a-z0-9]{16}\` 형식의 무작위 값이고 24시간 동안 유효합니다. 함께 출력되는 CA 인증서 해시로 새 노드는 자신이 찾아간 API 서버가 진짜인지 확인합니다.

출력된 \`kubeadm join ...\` 줄 앞에 \`ssh worker-3 -- \`를 붙여 실행합니다. kubeadm은 join하기 전에 머신을 점검(preflight)합니다.`,
        en: `A node needs a token to join. Print the join command on the control plane. The token is random, of the form \`[a-z0-9]{6}.[a-z0-9]{16}\`, and valid for 24 hours; the CA certificate hash printed with it lets the new node check it reached the real API server.

Run the printed \`kubeadm join ...\` line on worker-3 by putting \`ssh worker-3 -- \` in front of it. kubeadm checks the machine (preflight) before it joins.`,
      },
      command: PRINT_JOIN,
      prediction: {
        question: { ko: '이 머신에서 kubeadm 1.34의 preflight는 무엇을 오류로 잡을까요?', en: 'On this machine, what will kubeadm 1.34\'s preflight report as errors?' },
        choices: [
          { ko: 'swap, `ip_forward`, br_netfilter 모두', en: 'Swap, `ip_forward` and br_netfilter' },
          { ko: 'swap과 `ip_forward`', en: 'Swap and `ip_forward`' },
          { ko: '`ip_forward`만. swap은 경고로 그친다', en: 'Only `ip_forward`; swap is just a warning' },
        ],
        answer: 2,
        explain: {
          ko: '지금의 kubeadm은 swap을 경고로만 알립니다. 그리고 kubeadm 1.30부터 preflight는 br_netfilter 모듈을 아예 확인하지 않습니다. 오류가 없다고 준비가 끝난 것이 아닙니다.',
          en: 'Current kubeadm only warns about swap, and since kubeadm 1.30 the preflight does not check the br_netfilter module at all. No errors does not mean the machine is ready.',
        },
      },
      goals: [
        {
          id: 'refused',
          text: { ko: 'join이 preflight 오류로 거부되었습니다', en: 'The join was refused by the preflight' },
          check: allOf(lastCommandMatches(JOIN_RE), lastErrorContains('[WARNING Swap]'), lastErrorContains('[ERROR FileContent--proc-sys-net-ipv4-ip_forward]')),
        },
      ],
      hint: {
        ko: `\`${PRINT_JOIN}\`를 실행하고, 출력된 줄을 \`ssh worker-3 -- kubeadm join ...\`으로 실행합니다.`,
        en: `Run \`${PRINT_JOIN}\`, then run the printed line as \`ssh worker-3 -- kubeadm join ...\`.`,
      },
      explain: {
        ko: '`[ERROR FileContent--proc-sys-net-ipv4-ip_forward]` 하나가 join을 막았고, swap은 `[WARNING Swap]`으로만 나왔습니다. kubeadm은 아무것도 바꾸지 않았습니다. `--ignore-preflight-errors=...`로 오류를 건너뛸 수는 있지만, 건너뛴 문제는 나중에 kubelet이나 트래픽에서 다시 드러납니다. 머신을 고칩니다.',
        en: 'One `[ERROR FileContent--proc-sys-net-ipv4-ip_forward]` stopped the join; swap only earned a `[WARNING Swap]`. kubeadm changed nothing. `--ignore-preflight-errors=...` would skip the error, but a skipped problem comes back later in the kubelet or in traffic. Fix the machine.',
      },
      solution: [
        { kind: 'kubectl', line: PRINT_JOIN },
        { kind: 'kubectl', line: JOIN, expectError: '[ERROR FileContent--proc-sys-net-ipv4-ip_forward]' },
      ],
    },
    {
      id: 'swap',
      title: { ko: 'swap 끄기', en: 'Turn swap off' },
      body: {
        ko: `kubelet은 swap이 꺼져 있어야 합니다. 메모리 관리를 예측할 수 있어야 파드의 메모리 사용량을 정확히 계산하고, 디스크로 밀려난 메모리 때문에 성능이 떨어지는 일을 막을 수 있습니다.

\`swapoff -a\`는 지금 켜진 swap만 끕니다. 재부팅하면 \`/etc/fstab\`의 swap 줄이 다시 켭니다. 두 가지를 모두 합니다.

\`\`\`
${SWAPOFF}
${FSTAB_EDIT}
\`\`\`

그다음 \`ssh worker-3 -- cat /etc/fstab\`으로 swap 줄이 주석 처리되었는지 봅니다.`,
        en: `The kubelet wants swap off. Memory management has to be predictable for pod memory use to be accounted exactly, and memory pushed out to disk would slow everything down.

\`swapoff -a\` only turns off the swap that is on now; at the next boot the swap line in \`/etc/fstab\` turns it back on. Do both:

\`\`\`
${SWAPOFF}
${FSTAB_EDIT}
\`\`\`

Then check with \`ssh worker-3 -- cat /etc/fstab\` that the swap line is commented out.`,
      },
      command: SWAPOFF,
      goals: [
        {
          id: 'fstab',
          text: { ko: '`/etc/fstab`의 swap 줄이 주석 처리되었습니다', en: 'The swap line in `/etc/fstab` is commented out' },
          check: allOf(lastCommandMatches(/^ssh\s+worker-3\b.*\/etc\/fstab/), lastOutputContains('#/swap.img')),
        },
      ],
      hint: { ko: '위의 두 줄을 차례로 실행하고 `ssh worker-3 -- cat /etc/fstab`을 실행합니다.', en: 'Run the two lines above in turn, then `ssh worker-3 -- cat /etc/fstab`.' },
      explain: {
        ko: 'swap이 지금 꺼졌고, 재부팅한 뒤에도 켜지지 않습니다. kubeadm은 경고만 했지만 kubelet은 설정의 `failSwapOn: true`(기본값) 때문에 swap이 켜진 머신에서 시작하지 않습니다. 그대로 join했다면 `journalctl -u kubelet`에 `running with swap on is not supported`가 남고 노드는 등록되지 않았을 것입니다.',
        en: 'Swap is off now and stays off after a reboot. kubeadm only warned, but with `failSwapOn: true` in its configuration (the default) the kubelet refuses to start while swap is on: joined as it was, `journalctl -u kubelet` would say `running with swap on is not supported` and the node would never register.',
      },
      solution: [
        { kind: 'kubectl', line: SWAPOFF },
        { kind: 'kubectl', line: FSTAB_EDIT },
        { kind: 'kubectl', line: 'ssh worker-3 -- cat /etc/fstab' },
      ],
    },
    {
      id: 'ip-forward',
      title: { ko: '커널 모듈과 ip_forward', en: 'Kernel modules and ip_forward' },
      body: {
        ko: `containerd의 overlayfs에는 \`overlay\` 모듈이 필요합니다. \`modprobe overlay\`로 올리고, \`/etc/modules-load.d/k8s.conf\`에 적어 부팅 때마다 올라오게 합니다.

\`net.ipv4.ip_forward = 1\`은 패킷 포워딩을 켭니다. 노드가 파드 사이의 패킷을 넘겨 주려면 필요합니다. \`/etc/sysctl.d/k8s.conf\`에 적고 \`sysctl --system\`으로 읽어 들입니다.

\`\`\`
ssh worker-3 -- modprobe overlay
${MODULES_FILE}
${SYSCTL_FILE}
ssh worker-3 -- sysctl --system
\`\`\`

br_netfilter는 일부러 빼 둡니다. 마지막에 \`ssh worker-3 -- sysctl net.ipv4.ip_forward\`로 확인합니다.`,
        en: `containerd's overlayfs needs the \`overlay\` module: load it with \`modprobe overlay\` and list it in \`/etc/modules-load.d/k8s.conf\` so it loads at every boot.

\`net.ipv4.ip_forward = 1\` turns on packet forwarding, which a node needs to pass packets between pods. Put it in \`/etc/sysctl.d/k8s.conf\` and load it with \`sysctl --system\`:

\`\`\`
ssh worker-3 -- modprobe overlay
${MODULES_FILE}
${SYSCTL_FILE}
ssh worker-3 -- sysctl --system
\`\`\`

Leave br_netfilter out on purpose. Finish with \`ssh worker-3 -- sysctl net.ipv4.ip_forward\`.`,
      },
      command: 'ssh worker-3 -- modprobe overlay',
      goals: [
        {
          id: 'forward',
          text: { ko: '`worker-3`의 `net.ipv4.ip_forward`가 1입니다', en: '`net.ipv4.ip_forward` is 1 on `worker-3`' },
          check: allOf(lastCommandMatches(/^ssh\s+worker-3\b.*\bsysctl\b.*net\.ipv4\.ip_forward/), lastOutputContains('net.ipv4.ip_forward = 1')),
        },
      ],
      hint: { ko: '위의 네 줄을 차례로 실행하고 `ssh worker-3 -- sysctl net.ipv4.ip_forward`로 확인합니다.', en: 'Run the four lines above in turn, then check with `ssh worker-3 -- sysctl net.ipv4.ip_forward`.' },
      explain: {
        ko: '`sysctl --system`이 `/etc/sysctl.d/`의 파일을 차례로 읽어 `net.ipv4.ip_forward = 1`을 적용했습니다. `sysctl -w`는 지금만 바꾸고, 파일은 재부팅 뒤에도 남습니다. 모듈도 마찬가지로, `modprobe`는 지금 올리고 `modules-load.d`는 부팅 때 올립니다.',
        en: '`sysctl --system` read the files under `/etc/sysctl.d/` in order and applied `net.ipv4.ip_forward = 1`. `sysctl -w` changes a value until the next boot; the file makes it stay. Modules work the same way: `modprobe` loads now, `modules-load.d` loads at boot.',
      },
      solution: [
        { kind: 'kubectl', line: 'ssh worker-3 -- modprobe overlay' },
        { kind: 'kubectl', line: MODULES_FILE },
        { kind: 'kubectl', line: SYSCTL_FILE },
        { kind: 'kubectl', line: 'ssh worker-3 -- sysctl --system' },
        { kind: 'kubectl', line: 'ssh worker-3 -- sysctl net.ipv4.ip_forward' },
      ],
    },
    {
      id: 'cgroup-join',
      title: { ko: 'SystemdCgroup과 join', en: 'SystemdCgroup, then join' },
      body: {
        ko: `kubelet과 컨테이너 런타임은 같은 cgroup 드라이버로 자원을 제어해야 합니다. kubeadm은 kubelet을 \`systemd\` 드라이버로 설정하는데, containerd의 기본값은 \`SystemdCgroup = false\`(cgroupfs)입니다. 둘이 다르면 cgroup 관리자가 둘이 되어 자원 제어가 어긋나고, kubelet이 실패해 노드가 NotReady가 됩니다.

\`\`\`
${CONTAINERD_DEFAULT}
${SYSTEMD_CGROUP}
ssh worker-3 -- systemctl restart containerd
\`\`\`

그다음 앞에서 출력한 join 줄을 다시 실행하고 안정화합니다.`,
        en: `The kubelet and the container runtime must control resources through the same cgroup driver. kubeadm configures the kubelet with the \`systemd\` driver, while containerd defaults to \`SystemdCgroup = false\` (cgroupfs). Two drivers mean two cgroup managers that disagree; the kubelet fails and the node stays NotReady.

\`\`\`
${CONTAINERD_DEFAULT}
${SYSTEMD_CGROUP}
ssh worker-3 -- systemctl restart containerd
\`\`\`

Then run the join line you printed earlier again, and press Settle.`,
      },
      command: SYSTEMD_CGROUP,
      goals: [{ id: 'ready', text: { ko: '노드 `worker-3`이 Ready입니다', en: 'Node `worker-3` is Ready' }, check: nodeReady('worker-3') }],
      hint: { ko: '위의 세 줄을 실행하고 join 줄을 다시 실행한 뒤 안정화를 누릅니다. `kubectl get nodes`로 확인합니다.', en: 'Run the three lines above, run the join line again, then press Settle. Check with `kubectl get nodes`.' },
      explain: {
        ko: 'containerd가 새 설정으로 다시 시작해 systemd cgroup 드라이버를 씁니다. preflight가 통과했고, kubelet이 TLS 부트스트랩으로 인증서를 받아 노드 `worker-3`을 등록했습니다. 데몬셋이 kube-proxy와 CNI 파드를 올렸고, 기다리던 `server`와 `client`도 이 노드에서 시작했습니다.',
        en: 'containerd restarted with the new config and uses the systemd cgroup driver. The preflight passed; the kubelet got its certificate through TLS bootstrap and registered Node `worker-3`. DaemonSets started kube-proxy and the CNI pod there, and the waiting `server` and `client` started on it too.',
      },
      solution: [
        { kind: 'kubectl', line: CONTAINERD_DEFAULT },
        { kind: 'kubectl', line: SYSTEMD_CGROUP },
        { kind: 'kubectl', line: 'ssh worker-3 -- systemctl restart containerd' },
        { kind: 'kubectl', line: JOIN },
        { kind: 'settle' },
      ],
    },
    {
      id: 'broken-service',
      title: { ko: '서비스가 안 되는 노드', en: 'A node where Services fail' },
      body: {
        ko: `\`worker-3\`은 Ready이고 두 파드도 실행 중입니다. \`client\`에서 서비스 \`web\`으로 요청을 보냅니다. kube-proxy가 목적지를 서비스 IP에서 \`server\`의 파드 IP로 바꾸고(DNAT), 응답이 돌아올 때 출발지를 다시 서비스 IP로 되돌려야 \`client\`가 응답을 받아들입니다. 두 파드는 같은 노드의 브리지 \`cni0\`에 붙어 있습니다.`,
        en: `\`worker-3\` is Ready and both pods run. Send a request from \`client\` to Service \`web\`. kube-proxy rewrites the destination from the Service IP to \`server\`'s pod IP (DNAT); on the way back the reply's source must be turned back into the Service IP, or \`client\` will not accept it. Both pods hang off the same bridge, \`cni0\`, on one node.`,
      },
      command: CURL,
      prediction: {
        question: { ko: '요청은 어떻게 될까요?', en: 'What happens to the request?' },
        choices: [
          { ko: '`server`가 답한다', en: '`server` answers' },
          { ko: '답이 없어 시간이 초과된다', en: 'No answer: it times out' },
        ],
        answer: 1,
        explain: {
          ko: '`server`의 응답은 같은 브리지를 건너 `client`로 바로 갑니다. br_netfilter가 없으면 브리지를 지나는 패킷은 iptables를 거치지 않으므로 출발지가 서비스 IP로 되돌려지지 않고, `client`는 모르는 주소에서 온 응답을 버립니다.',
          en: '`server`\'s reply crosses the same bridge straight to `client`. Without br_netfilter, packets crossing the bridge skip iptables, so the source is never turned back into the Service IP and `client` drops a reply from an address it never asked.',
        },
      },
      goals: [
        {
          id: 'timeout',
          text: { ko: '`client`의 요청이 실패했습니다', en: 'The request from `client` failed' },
          check: allOf(podRunning('default', 'client'), podRunning('default', 'server'), lastCommandMatches(CURL_RE), lastErrorContains('curl: (28)')),
        },
      ],
      hint: { ko: `\`${CURL}\`을 실행하고 서비스 뷰의 트래픽 단계를 봅니다.`, en: `Run \`${CURL}\` and look at the traffic hops in the Services view.` },
      explain: {
        ko: 'curl은 답을 받지 못하고 `curl: (28)`로 끝났습니다. 트래픽 애니메이션의 마지막 단계가 br_netfilter가 없어 응답이 iptables를 건너뛰었다고 설명합니다. kubeadm 1.30부터는 preflight가 이 모듈을 확인하지 않으므로 join은 성공했고, 노드도 Ready입니다. 문제는 서비스 트래픽에서야 드러납니다. br_netfilter와 `ip_forward`가 없으면 서비스와 네트워크폴리시가 동작하지 않습니다.',
        en: 'curl got no answer and ended with `curl: (28)`. The last hop of the traffic animation says the reply skipped iptables because br_netfilter is missing. Since kubeadm 1.30 the preflight does not check this module, so the join succeeded and the node is Ready; the problem only shows in Service traffic. Without br_netfilter and `ip_forward`, neither Services nor NetworkPolicies work.',
      },
      solution: [{ kind: 'kubectl', line: CURL, expectError: 'curl: (28)' }],
    },
    {
      id: 'br-netfilter',
      title: { ko: 'br_netfilter 켜기', en: 'Turn on br_netfilter' },
      body: {
        ko: `\`br_netfilter\` 모듈을 올리면 브리지를 지나는 트래픽이 iptables 규칙을 거칩니다. 모듈과 sysctl을 지금 적용하고, 재부팅 뒤에도 남도록 파일에도 적습니다.

\`\`\`
ssh worker-3 -- modprobe br_netfilter
${BR_MODULE_FILE}
${BR_SYSCTL_FILE}
ssh worker-3 -- sysctl --system
\`\`\`

그다음 같은 요청을 다시 보냅니다.`,
        en: `With the \`br_netfilter\` module loaded, traffic crossing the bridge passes through iptables rules. Apply the module and the sysctl now, and write both into files so they survive a reboot:

\`\`\`
ssh worker-3 -- modprobe br_netfilter
${BR_MODULE_FILE}
${BR_SYSCTL_FILE}
ssh worker-3 -- sysctl --system
\`\`\`

Then send the same request again.`,
      },
      command: 'ssh worker-3 -- modprobe br_netfilter',
      goals: [
        {
          id: 'answered',
          text: { ko: '`client`의 요청에 `server`가 답했습니다', en: '`server` answered `client`' },
          check: allOf(lastCommandMatches(CURL_RE), lastAnsweredByPod('default', 'app', 'web')),
        },
      ],
      hint: { ko: `위의 네 줄을 실행하고 \`${CURL}\`을 다시 실행합니다.`, en: `Run the four lines above, then \`${CURL}\` again.` },
      explain: {
        ko: '이제 브리지를 지나는 응답도 iptables를 거치므로 conntrack이 출발지를 서비스 IP로 되돌리고, `client`가 `server`의 답을 받습니다. `modules-load.d`와 `sysctl.d`의 파일 덕분에 재부팅해도 유지됩니다. kubeadm이 더는 알려 주지 않으므로 노드를 준비할 때 직접 챙겨야 하는 설정입니다.',
        en: 'Replies crossing the bridge now pass iptables too, so conntrack turns their source back into the Service IP and `client` accepts `server`\'s answer. The files in `modules-load.d` and `sysctl.d` keep it that way after a reboot. kubeadm no longer reminds you, so this is yours to set when preparing a node.',
      },
      solution: [
        { kind: 'kubectl', line: 'ssh worker-3 -- modprobe br_netfilter' },
        { kind: 'kubectl', line: BR_MODULE_FILE },
        { kind: 'kubectl', line: BR_SYSCTL_FILE },
        { kind: 'kubectl', line: 'ssh worker-3 -- sysctl --system' },
        { kind: 'kubectl', line: CURL },
      ],
    },
  ],
  recap: {
    ko: '노드를 준비할 때 swap을 끕니다(`swapoff -a`와 `/etc/fstab`). 메모리 관리를 예측할 수 있어야 파드 메모리를 정확히 계산하고 성능 저하를 막을 수 있습니다. `overlay`와 `br_netfilter` 모듈을 올리고(`/etc/modules-load.d/k8s.conf`), `net.ipv4.ip_forward`와 `net.bridge.bridge-nf-call-iptables`를 1로 둡니다(`/etc/sysctl.d/k8s.conf`, `sysctl --system`). br_netfilter는 브리지 트래픽이 iptables를 거치게 하고, ip_forward는 파드 사이의 패킷 포워딩을 켭니다. 둘이 없으면 서비스와 네트워크폴리시가 동작하지 않습니다. kubeadm 1.30부터 br_netfilter는 점검하지 않으므로 직접 설정합니다. containerd는 `SystemdCgroup = true`로 kubelet과 같은 systemd cgroup 드라이버를 써서 자원을 일관되게 제어합니다.',
    en: 'To prepare a node, turn swap off (`swapoff -a` and `/etc/fstab`): memory management must be predictable so pod memory is accounted exactly and performance does not degrade. Load the `overlay` and `br_netfilter` modules (`/etc/modules-load.d/k8s.conf`) and set `net.ipv4.ip_forward` and `net.bridge.bridge-nf-call-iptables` to 1 (`/etc/sysctl.d/k8s.conf`, `sysctl --system`). br_netfilter makes bridged traffic pass iptables; ip_forward enables forwarding packets between pods; without them Services and NetworkPolicies do not work. kubeadm stopped checking br_netfilter in 1.30, so set it yourself. containerd gets `SystemdCgroup = true` so it controls resources through the same systemd cgroup driver as the kubelet.',
  },
  challenge: {
    ko: '`machine create worker-4`로 머신을 하나 더 만들고, 이번에는 `SystemdCgroup`을 고치지 않은 채 나머지를 모두 준비해 join합니다. 노드가 어떤 상태가 될지 예측하고, `ssh worker-4 -- journalctl -u kubelet`에서 kubelet이 남긴 이유를 찾은 뒤 고칩니다.',
    en: 'Make another machine with `machine create worker-4`, prepare everything except `SystemdCgroup`, and join it. Predict the node\'s state, find the kubelet\'s reason in `ssh worker-4 -- journalctl -u kubelet`, then fix it.',
  },
};
