import type { Lesson } from '../types';
import { allOf, lastCommandMatches, lastErrorContains, lastOutputContains, namespaceExists, podExists } from '../goals';

const WEB_DEFAULT = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
    - name: nginx
      image: nginx:1.27
      ports:
        - containerPort: 80
`;

const WEB_DEV = `apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: dev
  labels:
    app: web
spec:
  containers:
    - name: nginx
      image: nginx:1.27
      ports:
        - containerPort: 80
`;

export const namespacesLesson: Lesson = {
  id: 'namespaces',
  number: 2,
  title: { ko: '네임스페이스와 리소스 계층 구조', en: 'Namespaces and the resource hierarchy' },
  summary: {
    ko: '하나의 클러스터를 논리적으로 나누는 네임스페이스를 만들고, 어떤 오브젝트가 네임스페이스에 속하는지 확인합니다.',
    en: 'Split one cluster into logical sections with namespaces, and learn which objects live inside one.',
  },
  scenario: {
    cluster: { seed: 2, nodes: 2 },
    manifests: [{ file: 'web.yaml', yaml: WEB_DEFAULT }],
  },
  steps: [
    {
      id: 'list-namespaces',
      title: { ko: '처음부터 있는 네임스페이스', en: 'The namespaces you start with' },
      body: {
        ko: `**네임스페이스(Namespace)**는 하나의 클러스터를 이름 붙은 논리적 구역으로 나눕니다. 개발(\`dev\`), 테스트(\`test\`), 운영(\`prod\`) 환경을 같은 노드 위에 두면서도 서로 격리할 때 씁니다.

새로 만든 클러스터도 비어 있지 않습니다. \`kubeadm\`이 네임스페이스 네 개를 미리 만들어 두었습니다.

- \`default\`: 네임스페이스를 지정하지 않은 오브젝트가 들어갑니다.
- \`kube-system\`: 컨트롤 플레인이 쓰는 오브젝트가 들어갑니다.
- \`kube-public\`: 인증하지 않은 사용자도 읽을 수 있습니다.
- \`kube-node-lease\`: 노드마다 리스(Lease)가 하나씩 있습니다. 노드의 하트비트입니다.

콘솔에서 목록을 확인합니다.`,
        en: `A **namespace** splits one cluster into named, logical sections. Teams use them to keep environments apart: \`dev\`, \`test\` and \`prod\` can share the same nodes and still stay isolated.

A fresh cluster is not empty. \`kubeadm\` created four namespaces before you arrived:

- \`default\`: where an object goes when it names no namespace.
- \`kube-system\`: objects of the control plane itself.
- \`kube-public\`: readable by everyone, even unauthenticated users.
- \`kube-node-lease\`: one Lease per node, the nodes' heartbeat.

List them in the console.`,
      },
      command: 'kubectl get namespaces',
      goals: [
        {
          id: 'listed',
          text: { ko: '콘솔에 네임스페이스 네 개가 나옵니다', en: 'The console lists the four namespaces' },
          check: allOf(lastOutputContains('kube-system'), lastOutputContains('kube-node-lease')),
        },
      ],
      hint: {
        ko: '콘솔에 명령을 입력하고 Enter를 누릅니다. 줄여서 `kubectl get ns`라고 써도 됩니다.',
        en: 'Type the command in the console and press Enter. `kubectl get ns` is the short form.',
      },
      explain: {
        ko: 'kubectl이 API 서버에 `GET /api/v1/namespaces` 요청을 보냈고, API 서버는 etcd에 저장된 목록을 돌려주었습니다. 읽기는 아무것도 바꾸지 않으므로 그래프도 그대로입니다.',
        en: 'kubectl sent `GET /api/v1/namespaces` to the API server, which answered from what etcd holds. Reading changes nothing, so the graph stays as it was.',
      },
      solution: [{ kind: 'kubectl', line: 'kubectl get namespaces' }],
    },
    {
      id: 'missing-namespace',
      title: { ko: '없는 네임스페이스를 지정하면', en: 'Aim at a namespace that is not there' },
      body: {
        ko: `네임스페이스에 속하는 오브젝트는 \`metadata.namespace\`에 자기 네임스페이스를 적습니다. 편집기에 \`dev\` 환경용 파드가 있습니다. 5번째 줄을 확인합니다.

이 단계는 일부러 실패합니다. 파일을 그대로 적용하고, API 서버가 돌려준 오류를 읽어 봅니다.`,
        en: `A namespaced object names its namespace in \`metadata.namespace\`. The editor holds a pod meant for the \`dev\` environment. Look at line 5.

This step fails on purpose. Apply the file as it is and read the error the API server sends back.`,
      },
      editor: { file: 'web-dev.yaml', yaml: WEB_DEV },
      prediction: {
        question: {
          ko: '파일은 파드 `web`을 `dev`에 넣으려 합니다. 아직 `dev`는 없습니다. API 서버는 어떻게 할까요?',
          en: 'The file puts pod `web` in namespace `dev`. There is no `dev` yet. What will the API server do?',
        },
        choices: [
          { ko: '`dev`를 자동으로 만든 뒤 파드를 만든다', en: 'Create `dev` on the fly, then the pod' },
          { ko: '네임스페이스가 없다며 요청을 거부한다', en: 'Reject the pod: the namespace is not found' },
          { ko: '파드를 `default`에 대신 만든다', en: 'Put the pod in `default` instead' },
        ],
        answer: 1,
        explain: {
          ko: 'API 서버는 네임스페이스를 대신 만들어 주지 않습니다. 무엇이든 저장하기 전에 대상 네임스페이스가 있는지부터 확인합니다.',
          en: 'The API server never invents a namespace. Before it stores anything, it checks that the target namespace exists.',
        },
      },
      goals: [
        {
          id: 'not-found',
          text: { ko: '`namespaces "dev" not found` 오류를 확인했습니다', en: 'You saw `namespaces "dev" not found`' },
          check: lastErrorContains('namespaces "dev" not found'),
        },
      ],
      hint: {
        ko: '파일을 고치지 말고 Apply(Ctrl/Cmd+Enter)를 누릅니다.',
        en: 'Press Apply (Ctrl/Cmd+Enter) without changing the file.',
      },
      explain: {
        ko: 'API 서버가 `NotFound`로 응답했습니다. etcd에는 아무것도 기록되지 않았고, 그래프에도 새 오브젝트가 없습니다. 해결책은 네임스페이스를 먼저 만드는 것입니다.',
        en: 'The API server answered `NotFound`. Nothing reached etcd, and no new object appeared in the graph. The fix is to create the namespace first.',
      },
      solution: [{ kind: 'apply', file: 'web-dev.yaml', yaml: WEB_DEV, expectError: 'namespaces "dev" not found' }],
    },
    {
      id: 'create-namespace',
      title: { ko: '네임스페이스 만들기', en: 'Create the namespace' },
      body: {
        ko: `네임스페이스도 API 오브젝트입니다. \`kind: Namespace\`인 매니페스트로 만들 수도 있고, 명령 한 줄로 만들 수도 있습니다.

네임스페이스는 예산의 단위이기도 합니다. 리소스쿼터(ResourceQuota)를 붙이면 그 네임스페이스 전체가 쓸 수 있는 CPU, 메모리, 오브젝트 수에 상한이 생깁니다. 시뮬레이터는 아직 쿼터를 적용하지 않으므로, 여기서는 개념만 소개합니다.

\`dev\`를 만듭니다.`,
        en: `A namespace is an API object too. You can write a manifest with \`kind: Namespace\`, or create one with a single command.

A namespace is also a unit of budget. Attach a ResourceQuota and the whole namespace gets a ceiling on CPU, memory or object count. The simulator does not enforce quotas yet, so we only name the idea here.

Create \`dev\`.`,
      },
      command: 'kubectl create namespace dev',
      goals: [{ id: 'dev', text: { ko: '네임스페이스 `dev`가 있습니다', en: 'Namespace `dev` exists' }, check: namespaceExists('dev') }],
      hint: {
        ko: '명령을 콘솔에 입력합니다. 결과로 `namespace/dev created`가 나옵니다.',
        en: 'Type the command in the console. It answers `namespace/dev created`.',
      },
      explain: {
        ko: 'kubectl이 Namespace 오브젝트를 보냈고, API 서버가 상태 `Active`로 저장했습니다. 그래프에 `dev` 구역이 새로 생겼습니다. `dev` 자체는 어느 네임스페이스에도 속하지 않습니다.',
        en: 'kubectl posted a Namespace object and the API server stored it as `Active`. A new `dev` region appears in the graph. `dev` itself belongs to no namespace.',
      },
      solution: [{ kind: 'kubectl', line: 'kubectl create namespace dev' }],
    },
    {
      id: 'same-name',
      title: { ko: '같은 이름, 다른 네임스페이스', en: 'Same name, another namespace' },
      body: {
        ko: `시나리오에는 이미 \`default\`에 파드 \`web\`이 있습니다. 편집기의 파일을 다시 적용하면 이름이 겹칠까요?

이름은 한 네임스페이스 안에서만 유일하면 됩니다. 그래서 \`default/web\`과 \`dev/web\`은 서로 다른 오브젝트입니다. 팀마다, 환경마다 같은 매니페스트를 쓸 수 있는 이유입니다.

같은 파일을 다시 적용합니다.`,
        en: `The scenario already runs a pod \`web\` in \`default\`. Will the same name clash if you apply the file again?

A name has to be unique only inside one namespace. \`default/web\` and \`dev/web\` are two different objects. That is why every team and environment can use the same manifests.

Apply the same file again.`,
      },
      editor: { file: 'web-dev.yaml', yaml: WEB_DEV },
      goals: [
        {
          id: 'both',
          text: { ko: '`default`와 `dev`에 각각 파드 `web`이 있습니다', en: 'Both `default` and `dev` have a pod `web`' },
          check: allOf(podExists('default', 'web'), podExists('dev', 'web')),
        },
      ],
      hint: {
        ko: '편집기의 파일은 앞 단계와 같습니다. Apply를 누릅니다.',
        en: 'The editor holds the same file as before. Press Apply.',
      },
      explain: {
        ko: 'API 서버가 두 번째 `web`을 `/api/v1/namespaces/dev/pods/web`에 저장했습니다. 네임스페이스는 노드를 나누지 않습니다. default-scheduler는 어느 네임스페이스의 파드든 같은 노드에 배치할 수 있습니다.',
        en: 'The API server stored a second `web` under `/api/v1/namespaces/dev/pods/web`. A namespace does not divide the nodes: default-scheduler may place pods of any namespace on the same node.',
      },
      solution: [{ kind: 'apply', file: 'web-dev.yaml', yaml: WEB_DEV }, { kind: 'settle' }],
    },
    {
      id: 'cluster-scoped',
      title: { ko: '네임스페이스 밖의 오브젝트', en: 'Objects outside any namespace' },
      body: {
        ko: `모든 오브젝트가 네임스페이스에 속하지는 않습니다.

- **네임스페이스 범위**: 파드, 서비스, 디플로이먼트(Deployment), 시크릿(Secret) 등
- **클러스터 범위**: 노드(Node), 네임스페이스, 퍼시스턴트볼륨(PersistentVolume) 등

노드는 모든 네임스페이스의 파드를 실행하므로 특정 네임스페이스에 속할 수 없습니다. 노드 목록을 확인합니다.`,
        en: `Not every object lives in a namespace.

- **Namespaced**: pods, Services, Deployments, Secrets and more.
- **Cluster-scoped**: nodes, namespaces, PersistentVolumes and more.

A node runs pods of every namespace, so it cannot belong to one. List the nodes.`,
      },
      command: 'kubectl get nodes',
      goals: [
        {
          id: 'nodes',
          text: { ko: '콘솔에 노드 세 개가 나옵니다', en: 'The console lists the three nodes' },
          check: allOf(lastOutputContains('control-plane'), lastOutputContains('worker-2')),
        },
      ],
      hint: { ko: '콘솔에 `kubectl get nodes`를 입력합니다.', en: 'Type `kubectl get nodes` in the console.' },
      explain: {
        ko: '`control-plane`과 워커 두 대가 나왔습니다. `-n dev`를 붙여도 결과는 같습니다. 노드에는 네임스페이스가 없기 때문입니다. 실제 클러스터에서는 `kubectl api-resources --namespaced=false`로 클러스터 범위 종류를 모두 볼 수 있습니다.',
        en: '`control-plane` and two workers answered. Adding `-n dev` gives the same list, because nodes have no namespace. On a real cluster, `kubectl api-resources --namespaced=false` prints every cluster-scoped kind.',
      },
      solution: [{ kind: 'kubectl', line: 'kubectl get nodes' }],
    },
    {
      id: 'namespace-flag',
      title: { ko: '`-n`으로 네임스페이스 고르기', en: 'Pick a namespace with `-n`' },
      body: {
        ko: `\`kubectl get pods\`는 \`-n\`(또는 \`--namespace\`)이 없으면 \`default\`만 봅니다.

네임스페이스 안에는 이 과정에서 다룰 리소스가 이렇게 놓입니다.

\`\`\`
Namespace
├── Pod (컨테이너 실행 단위)
├── 컨트롤러: Job, Deployment, StatefulSet
├── Service (네트워크 접근점)
└── 설정: Secret, ConfigMap, PVC
\`\`\`

파드는 다음 레슨에서, 나머지는 그 뒤 레슨에서 하나씩 다룹니다. \`dev\`의 파드를 확인합니다.`,
        en: `Without \`-n\` (or \`--namespace\`), \`kubectl get pods\` looks only at \`default\`.

Inside a namespace, the resources of this course sit like this:

\`\`\`
Namespace
├── Pod (runs containers)
├── controllers: Job, Deployment, StatefulSet
├── Service (network entry point)
└── config: Secret, ConfigMap, PVC
\`\`\`

Pods come next lesson; the rest follow one by one. List the pods of \`dev\`.`,
      },
      command: 'kubectl get pods -n dev',
      goals: [
        {
          id: 'dev-pods',
          text: { ko: '`-n dev`로 `dev`의 파드 `web`을 확인했습니다', en: 'You listed pod `web` in `dev` with `-n dev`' },
          check: allOf(lastCommandMatches(/(?:-n|--namespace)[= ]dev\b/), lastOutputContains('web')),
        },
      ],
      hint: {
        ko: '`kubectl get pods -n dev`를 입력합니다. 모든 네임스페이스를 한 번에 보려면 `-A`를 씁니다.',
        en: 'Type `kubectl get pods -n dev`. To see every namespace at once, use `-A`.',
      },
      explain: {
        ko: 'kubectl이 `/api/v1/namespaces/dev/pods`를 요청했습니다. 경로에 네임스페이스가 들어 있습니다. 네임스페이스 범위 오브젝트는 언제나 이렇게 네임스페이스 아래에 주소가 있습니다.',
        en: 'kubectl asked for `/api/v1/namespaces/dev/pods`: the namespace is part of the path. Every namespaced object has its address under its namespace like this.',
      },
      solution: [{ kind: 'kubectl', line: 'kubectl get pods -n dev' }],
    },
  ],
  recap: {
    ko: '네임스페이스는 클러스터를 논리적으로 나눕니다. 환경을 격리하고, 이름이 겹치지 않게 하며, 리소스쿼터로 예산을 정하는 단위가 됩니다. 클러스터에는 처음부터 `default`, `kube-system`, `kube-public`, `kube-node-lease`가 있습니다. 없는 네임스페이스에는 아무것도 만들 수 없으므로 네임스페이스를 먼저 만듭니다. 파드 같은 오브젝트는 네임스페이스에 속하고, 노드와 네임스페이스는 클러스터 전체에 속합니다.',
    en: 'A namespace divides a cluster logically. It isolates environments, scopes names, and is the unit a ResourceQuota budgets. Every cluster starts with `default`, `kube-system`, `kube-public` and `kube-node-lease`. Nothing can be created in a namespace that does not exist, so the namespace comes first. Pods and most workloads are namespaced; nodes and namespaces belong to the whole cluster.',
  },
  challenge: {
    ko: '네임스페이스 `test`와 `prod`를 만들고, 각각에 파드 `web`을 실행합니다. 그다음 클러스터의 모든 `web`을 명령 하나로 나열합니다.',
    en: 'Create namespaces `test` and `prod`, and run a pod `web` in each. Then list every `web` in the cluster with one command.',
  },
};
