import type { Lesson } from '../types';
import {
  allOf,
  lastCommandMatches,
  lastListingIs,
  lastOutputContains,
  not,
  podLabel,
  podRunning,
  podWithoutController,
  podsNamed,
  podsOwnedBy,
  replicaSetReady,
} from '../goals';

const pod = (name: string, labels: Record<string, string>, image = 'nginx:1.27', extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels:
${Object.entries(labels)
  .map(([k, v]) => `    ${k}: ${v}\n`)
  .join('')}spec:
  containers:
    - name: main
      image: ${image}
${extra}`;

/** Six bare pods, no controller yet: the labels are the only thing tying them together. */
const SHOP = [
  pod('web-1', { app: 'web', tier: 'frontend' }),
  pod('web-2', { app: 'web', tier: 'frontend' }),
  pod('web-3', { app: 'web', tier: 'frontend' }),
  pod('api-1', { app: 'api', tier: 'backend' }),
  pod('api-2', { app: 'api', tier: 'backend' }),
  pod('toolbox', { app: 'toolbox' }, 'busybox:1.36', '      command: ["sleep", "3600"]\n'),
].join('---\n');

const WEB_RS = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
        tier: frontend
    spec:
      containers:
        - name: main
          image: nginx:1.27
`;

const apiRs = (tier: string) => `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: api
spec:
  replicas: 2
  selector:
    matchLabels:
      app: api
    matchExpressions:
      - key: tier
        operator: In
        values: ["backend"]
  template:
    metadata:
      labels:
        app: api
        tier: ${tier}
    spec:
      containers:
        - name: main
          image: nginx:1.27
`;

const API_RS_BROKEN = apiRs('back-end');
const API_RS = apiRs('backend');

const WEB_PODS = ['web-1', 'web-2', 'web-3'];

/** ReplicaSet `web` has three running pods and `web-1` is not one of them. */
const replacedWeb1 = allOf(replicaSetReady('default', 'web', 3), (s) => {
  const names = podsOwnedBy(s, 'default', 'ReplicaSet', 'web').map((p) => p.metadata.name);
  return !names.includes('web-1') && names.filter((n) => !WEB_PODS.includes(n)).length === 1;
});

export const labelsLesson: Lesson = {
  id: 'labels',
  number: 8,
  title: { ko: '레이블과 셀렉터', en: 'Labels and selectors' },
  summary: {
    ko: '파드에 붙은 레이블을 셀렉터로 골라내고, 레플리카셋이 이름이 아니라 레이블로 자기 파드를 찾는다는 것을 확인합니다.',
    en: 'Pick pods out by their labels with selectors, and see that a ReplicaSet finds its pods by label, never by name.',
  },
  scenario: {
    cluster: { seed: 8, nodes: 3 },
    manifests: [{ file: 'shop.yaml', yaml: SHOP }],
  },
  steps: [
    {
      id: 'show-labels',
      title: { ko: '레이블 보기', en: 'See the labels' },
      body: {
        ko: `**레이블**은 오브젝트의 \`metadata.labels\`에 붙이는 키-값 쌍입니다. 쿠버네티스는 레이블에 뜻을 정해 두지 않습니다. 무엇을 붙일지는 사용자가 정합니다. 예를 들면 앱 이름(\`app\`), 계층(\`tier\`), 환경(\`env\`)입니다.

이 클러스터에는 파드 6개가 있습니다. 아직 이 파드들을 관리하는 컨트롤러는 없습니다. \`--show-labels\`로 각 파드의 레이블을 확인합니다.`,
        en: `A **label** is a key/value pair in an object's \`metadata.labels\`. Kubernetes gives labels no meaning of its own; you decide what to attach: an app name (\`app\`), a tier (\`tier\`), an environment (\`env\`).

This cluster has six pods and, so far, no controller managing them. Print each pod's labels with \`--show-labels\`.`,
      },
      command: 'kubectl get pods --show-labels',
      goals: [
        {
          id: 'labels',
          text: {
            ko: '`app=web,tier=frontend`와 `app=toolbox` 레이블을 확인했습니다',
            en: 'You saw `app=web,tier=frontend` and `app=toolbox`',
          },
          check: allOf(lastOutputContains('app=web,tier=frontend'), lastOutputContains('app=toolbox')),
        },
      ],
      hint: {
        ko: '콘솔에 `kubectl get pods --show-labels`를 입력합니다.',
        en: 'Type `kubectl get pods --show-labels` in the console.',
      },
      explain: {
        ko: '`LABELS` 열에 레이블이 `키=값`으로 쉼표로 이어져 나왔습니다. 웹 파드 3개는 `app=web,tier=frontend`, API 파드 2개는 `app=api,tier=backend`입니다. `toolbox`에는 `tier` 레이블이 없습니다. 키는 `app.kubernetes.io/name`처럼 접두사를 가질 수 있고, 값은 63자 이하입니다.',
        en: 'The `LABELS` column lists them as `key=value`, comma-separated. The three web pods carry `app=web,tier=frontend`, the two API pods `app=api,tier=backend`; `toolbox` has no `tier` at all. Keys may have a prefix, as in `app.kubernetes.io/name`; values are at most 63 characters.',
      },
      solution: [{ kind: 'kubectl', line: 'kubectl get pods --show-labels' }],
    },
    {
      id: 'equality',
      title: { ko: '같음 기반 셀렉터', en: 'Equality-based selectors' },
      body: {
        ko: `**셀렉터**는 레이블로 오브젝트를 고르는 질의입니다. 이름을 하나하나 적는 대신 "이런 레이블을 가진 것 전부"라고 말합니다.

같음 기반 셀렉터는 \`=\`(또는 \`==\`)와 \`!=\`를 씁니다. 쉼표는 AND입니다.
- \`-l app=web\`: \`app\`이 \`web\`인 파드
- \`-l tier!=frontend\`: \`tier\`가 \`frontend\`가 아닌 파드(\`tier\`가 없는 파드도 포함)
- \`-l app=web,tier=frontend\`: 두 조건을 모두 만족하는 파드

웹 파드만 골라 봅니다.`,
        en: `A **selector** is a query over labels. Instead of listing names one by one, you say "everything with these labels".

Equality-based selectors use \`=\` (or \`==\`) and \`!=\`; a comma means AND:
- \`-l app=web\`: pods whose \`app\` is \`web\`
- \`-l tier!=frontend\`: pods whose \`tier\` is not \`frontend\` (pods without \`tier\` too)
- \`-l app=web,tier=frontend\`: pods matching both

Select only the web pods.`,
      },
      command: 'kubectl get pods -l app=web',
      goals: [
        {
          id: 'web-only',
          text: {
            ko: '셀렉터로 `web-1`, `web-2`, `web-3`만 나열했습니다',
            en: 'A selector listed exactly `web-1`, `web-2`, `web-3`',
          },
          check: allOf(lastCommandMatches(/\s(-l|--selector)[\s=]/), lastListingIs(WEB_PODS)),
        },
      ],
      hint: {
        ko: '`kubectl get pods -l app=web`을 입력합니다.',
        en: 'Type `kubectl get pods -l app=web`.',
      },
      explain: {
        ko: 'kubectl은 셀렉터를 `labelSelector` 질의 파라미터로 API 서버에 보냈고, API 서버가 맞는 파드만 돌려주었습니다. 이름에 `web`이 들어 있어서가 아닙니다. 다음 단계에서 확인하겠지만 컨트롤러도 같은 방식으로 파드를 찾습니다.',
        en: 'kubectl sent the selector to the API server as the `labelSelector` query parameter, and the server returned only the pods that match. Their names containing `web` played no part. Controllers find pods the same way, as the next steps show.',
      },
      solution: [{ kind: 'kubectl', line: 'kubectl get pods -l app=web' }],
    },
    {
      id: 'set-based',
      title: { ko: '집합 기반 셀렉터와 -L', en: 'Set-based selectors and -L' },
      body: {
        ko: `집합 기반 셀렉터는 값의 목록이나 키의 존재로 고릅니다.
- \`tier in (frontend,backend)\`: 값이 목록 안에 있음
- \`tier notin (frontend)\`: 값이 목록 밖에 있음(키가 없어도 포함)
- \`tier\`: 키가 있음, \`!tier\`: 키가 없음

셸이 괄호와 \`!\`를 해석하지 않도록 작은따옴표로 감쌉니다. \`-L tier\`는 \`tier\` 값을 열로 따로 보여 줍니다.`,
        en: `Set-based selectors match a list of values, or whether a key exists:
- \`tier in (frontend,backend)\`: the value is in the list
- \`tier notin (frontend)\`: the value is not in it (no key matches too)
- \`tier\`: the key exists; \`!tier\`: it does not

Wrap them in single quotes so the shell leaves the parentheses and \`!\` alone. \`-L tier\` prints the \`tier\` value as a column of its own.`,
      },
      command: "kubectl get pods -l 'tier in (frontend,backend)' -L tier",
      goals: [
        {
          id: 'in',
          text: {
            ko: '`tier`가 있는 파드 5개를 나열했습니다(`toolbox` 제외)',
            en: 'The five pods with a `tier` were listed (not `toolbox`)',
          },
          check: allOf(lastCommandMatches(/\sin\s*\(/), lastListingIs([...WEB_PODS, 'api-1', 'api-2'])),
        },
        {
          id: 'column',
          text: { ko: '`TIER` 열이 보입니다', en: 'A `TIER` column is shown' },
          check: lastOutputContains('TIER'),
        },
      ],
      hint: {
        ko: "`kubectl get pods -l 'tier in (frontend,backend)' -L tier`를 입력합니다.",
        en: "Type `kubectl get pods -l 'tier in (frontend,backend)' -L tier`.",
      },
      explain: {
        ko: "`toolbox`에는 `tier` 키가 없으므로 `in`에 맞지 않았습니다. `kubectl get pods -l '!tier'`를 실행하면 반대로 `toolbox`만 나옵니다. 매니페스트에서는 같은 질의를 `matchLabels`와 `matchExpressions`(`operator: In`, `NotIn`, `Exists`, `DoesNotExist`)로 씁니다.",
        en: "`toolbox` has no `tier` key, so `in` did not match it. `kubectl get pods -l '!tier'` returns the opposite: only `toolbox`. In a manifest the same queries are written as `matchLabels` and `matchExpressions` (`operator: In`, `NotIn`, `Exists`, `DoesNotExist`).",
      },
      solution: [
        {
          kind: 'kubectl',
          line: "kubectl get pods -l 'tier in (frontend,backend)' -L tier",
        },
      ],
    },
    {
      id: 'adopt',
      title: {
        ko: '레플리카셋은 레이블로 셉니다',
        en: 'A ReplicaSet counts by label',
      },
      body: {
        ko: `편집기의 레플리카셋(ReplicaSet) \`web\`은 레플리카 3개와 셀렉터 \`app: web\`을 선언합니다. 레플리카셋 컨트롤러는 셀렉터에 맞는 파드를 세고, 모자라면 템플릿으로 만들고, 남으면 지웁니다.

\`web-1\`, \`web-2\`, \`web-3\`은 이미 \`app=web\`을 달고 실행 중입니다. 적용하고 한 틱씩 진행합니다.`,
        en: `The ReplicaSet \`web\` in the editor declares three replicas and the selector \`app: web\`. The ReplicaSet controller counts the pods that match its selector, creates from the template when there are too few, and deletes when there are too many.

\`web-1\`, \`web-2\` and \`web-3\` already run with \`app=web\`. Apply it and step tick by tick.`,
      },
      editor: { file: 'rs-web.yaml', yaml: WEB_RS },
      prediction: {
        question: {
          ko: '레플리카셋 `web`은 새 파드를 몇 개 만들까요?',
          en: 'How many new pods will ReplicaSet `web` create?',
        },
        choices: [
          {
            ko: '3개: 자기가 만든 파드만 센다',
            en: 'Three: it counts only pods it made',
          },
          {
            ko: '0개: 레이블이 맞는 파드 3개가 이미 있다',
            en: 'None: three pods with matching labels already exist',
          },
          {
            ko: '6개: 이름이 같은 파드를 바꿔 만든다',
            en: 'Six: it replaces the pods with the same names',
          },
        ],
        answer: 1,
        explain: {
          ko: '컨트롤러가 보는 것은 레이블뿐입니다. 주인 없는 파드가 셀렉터에 맞으면 입양합니다.',
          en: 'The controller only looks at labels. An orphan pod that matches the selector gets adopted.',
        },
      },
      goals: [
        {
          id: 'adopted',
          text: {
            ko: '레플리카셋 `web`이 `web-1`, `web-2`, `web-3`을 소유합니다',
            en: 'ReplicaSet `web` owns `web-1`, `web-2` and `web-3`',
          },
          check: allOf(podsNamed('default', 'ReplicaSet', 'web', WEB_PODS), replicaSetReady('default', 'web', 3)),
        },
      ],
      hint: {
        ko: '적용을 누른 뒤 한 틱을 몇 번 누릅니다.',
        en: 'Press Apply, then Step a few times.',
      },
      explain: {
        ko: '레플리카셋 컨트롤러는 셀렉터에 맞고 컨트롤러가 없는 파드 3개를 찾아 각 파드의 `metadata.ownerReferences`에 자신을 적었습니다(입양). 수가 이미 맞으므로 새 파드는 만들지 않았습니다. 그래프에서 세 파드가 레플리카셋 아래로 옮겨 간 것을 확인합니다.',
        en: "The ReplicaSet controller found three pods that match its selector and have no controller, and wrote itself into each pod's `metadata.ownerReferences` (adoption). The count was already right, so it created nothing. In the graph, the three pods moved under the ReplicaSet.",
      },
      solution: [{ kind: 'apply', file: 'rs-web.yaml', yaml: WEB_RS }, { kind: 'settle' }],
    },
    {
      id: 'relabel',
      title: {
        ko: '레이블을 바꿔 파드 빼내기',
        en: 'Relabel a pod out of its ReplicaSet',
      },
      body: {
        ko: `\`kubectl label\`은 실행 중인 오브젝트의 레이블을 바꿉니다. 이미 있는 키의 값을 바꿀 때는 \`--overwrite\`가 필요합니다. 없으면 kubectl이 \`'app' already has a value (web), and --overwrite is false\`로 거절합니다.

\`web-1\`의 \`app\`을 \`debug\`로 바꿉니다. 문제가 생긴 파드를 서비스와 레플리카셋에서 떼어 내 살펴볼 때 쓰는 방법입니다.`,
        en: `\`kubectl label\` changes the labels of a live object. Changing a key that already has a value needs \`--overwrite\`; without it kubectl refuses with \`'app' already has a value (web), and --overwrite is false\`.

Change \`web-1\`'s \`app\` to \`debug\`. This is how you pull a misbehaving pod out of its Service and ReplicaSet to examine it.`,
      },
      command: 'kubectl label pod web-1 app=debug --overwrite',
      prediction: {
        question: {
          ko: '레이블을 바꾼 뒤 시계를 진행하면 어떻게 될까요?',
          en: 'After the relabel, what happens when the clock moves?',
        },
        choices: [
          { ko: '`web-1`이 지워진다', en: '`web-1` is deleted' },
          {
            ko: '아무 일도 없다: `web-1`은 여전히 레플리카셋의 파드다',
            en: 'Nothing: `web-1` still belongs to the ReplicaSet',
          },
          {
            ko: '`web-1`은 남고, 레플리카셋이 새 파드를 하나 만든다',
            en: '`web-1` stays, and the ReplicaSet creates one new pod',
          },
        ],
        answer: 2,
        explain: {
          ko: '레플리카셋의 셀렉터에 맞는 파드가 2개로 줄었습니다. 컨트롤러 루프는 차이 1을 보고 파드를 하나 만듭니다.',
          en: 'Only two pods match the selector now. The controller loop sees a difference of one and creates a pod.',
        },
      },
      goals: [
        {
          id: 'released',
          text: {
            ko: '`web-1`이 `app=debug`로 계속 실행 중이고 컨트롤러가 없습니다',
            en: '`web-1` keeps running as `app=debug`, with no controller',
          },
          check: allOf(podLabel('default', 'web-1', 'app', 'debug'), podRunning('default', 'web-1'), podWithoutController('default', 'web-1')),
        },
        {
          id: 'replaced',
          text: {
            ko: '레플리카셋 `web`이 새 파드를 만들어 다시 3개입니다',
            en: 'ReplicaSet `web` made a new pod and is back to three',
          },
          check: replacedWeb1,
        },
      ],
      hint: {
        ko: '명령을 실행한 뒤 한 틱을 몇 번 누릅니다.',
        en: 'Run the command, then Step a few times.',
      },
      explain: {
        ko: '레플리카셋 컨트롤러는 셀렉터에 더는 맞지 않는 `web-1`의 `ownerReferences`에서 자신을 지웠습니다(해제). 그리고 파드 수가 2개이므로 템플릿으로 새 파드를 만들었습니다. `web-1`은 그대로 실행되므로 로그를 읽거나 `kubectl exec`로 들어가 볼 수 있습니다. 서비스도 레이블로 파드를 고르므로 이제 `web-1`에는 요청을 보내지 않습니다(레슨 9).',
        en: "The ReplicaSet controller removed itself from `web-1`'s `ownerReferences`, since the pod no longer matches (release), then saw only two pods and created one from its template. `web-1` keeps running, so you can read its logs or `kubectl exec` into it. Services select pods by label too, so they stop sending `web-1` requests (lesson 9).",
      },
      solution: [
        {
          kind: 'kubectl',
          line: 'kubectl label pod web-1 app=debug --overwrite',
        },
        { kind: 'settle' },
      ],
    },
    {
      id: 'mismatch',
      title: {
        ko: '템플릿이 셀렉터에 맞지 않으면',
        en: 'A template its selector does not match',
      },
      body: {
        ko: `이번에는 \`api\` 파드를 맡을 레플리카셋을 적용합니다. 셀렉터는 \`matchLabels\`와 \`matchExpressions\`를 함께 씁니다. 두 조건은 AND로 묶입니다.

파일에 일부러 넣은 오타가 있습니다. 템플릿의 레이블이 \`tier: back-end\`라서 \`tier In [backend]\`에 맞지 않습니다. 적용하고 API 서버의 오류를 읽은 뒤, 레이블을 고쳐 다시 적용합니다.`,
        en: `Now apply a ReplicaSet for the \`api\` pods. Its selector uses \`matchLabels\` and \`matchExpressions\` together; both must hold (AND).

The file has a typo on purpose: the template's label is \`tier: back-end\`, which \`tier In [backend]\` does not match. Apply, read the API server's error, fix the label and apply again.`,
      },
      editor: { file: 'rs-api.yaml', yaml: API_RS_BROKEN },
      goals: [
        {
          id: 'adopted',
          text: {
            ko: '레플리카셋 `api`가 `api-1`, `api-2`를 소유합니다',
            en: 'ReplicaSet `api` owns `api-1` and `api-2`',
          },
          check: allOf(podsNamed('default', 'ReplicaSet', 'api', ['api-1', 'api-2']), replicaSetReady('default', 'api', 2)),
        },
      ],
      hint: {
        ko: '오류는 `spec.template.metadata.labels`를 가리킵니다. `back-end`를 `backend`로 고칩니다.',
        en: 'The error points at `spec.template.metadata.labels`. Change `back-end` to `backend`.',
      },
      explain: {
        ko: '첫 적용은 `The ReplicaSet "api" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"api", "tier":"back-end"}: `selector` does not match template `labels``로 거부되었습니다. 자기가 만든 파드를 셀 수 없는 레플리카셋은 파드를 끝없이 만들기 때문입니다. 고친 뒤에는 `api-1`, `api-2`를 입양했고 새 파드는 만들지 않았습니다.',
        en: 'The first apply was refused: `The ReplicaSet "api" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"api", "tier":"back-end"}: `selector` does not match template `labels``. A ReplicaSet that cannot count the pods it makes would make pods forever. After the fix it adopted `api-1` and `api-2` and created nothing.',
      },
      solution: [
        {
          kind: 'apply',
          file: 'rs-api.yaml',
          yaml: API_RS_BROKEN,
          expectError: '`selector` does not match template `labels`',
        },
        { kind: 'apply', file: 'rs-api.yaml', yaml: API_RS },
        { kind: 'settle' },
      ],
    },
    {
      id: 'remove',
      title: { ko: '레이블 지우기', en: 'Remove a label' },
      body: {
        ko: `레이블을 지울 때는 키 뒤에 \`-\`를 붙입니다. \`kubectl label pod toolbox app-\`는 \`toolbox\`에서 \`app\` 키를 지웁니다.

\`api-2\`에서 \`tier\`를 지우면 어떻게 될지 생각해 봅니다. 레플리카셋 \`api\`의 셀렉터에는 \`tier In [backend]\`가 있습니다.`,
        en: `To remove a label, put \`-\` after its key: \`kubectl label pod toolbox app-\` removes the \`app\` key from \`toolbox\`.

Think about what removing \`tier\` from \`api-2\` does. ReplicaSet \`api\`'s selector contains \`tier In [backend]\`.`,
      },
      command: 'kubectl label pod api-2 tier-',
      goals: [
        {
          id: 'gone',
          text: {
            ko: '`api-2`에 `tier` 레이블이 없고 컨트롤러도 없습니다',
            en: '`api-2` has no `tier` label and no controller',
          },
          check: allOf(podLabel('default', 'api-2', 'tier'), podWithoutController('default', 'api-2')),
        },
        {
          id: 'api-back',
          text: {
            ko: '레플리카셋 `api`가 다시 파드 2개를 가집니다',
            en: 'ReplicaSet `api` has two pods again',
          },
          check: allOf(replicaSetReady('default', 'api', 2), not(podsNamed('default', 'ReplicaSet', 'api', ['api-1', 'api-2']))),
        },
      ],
      hint: {
        ko: '명령을 실행한 뒤 안정화를 누릅니다.',
        en: 'Run the command, then press Settle.',
      },
      explain: {
        ko: 'kubectl은 `pod/api-2 unlabeled`라고 답했습니다. `api-2`는 `app=api`를 여전히 달고 있지만 `matchExpressions`의 `tier In [backend]`에 맞지 않으므로 셀렉터 전체에 맞지 않습니다. 레플리카셋은 `api-2`를 해제하고 대신할 파드를 만들었습니다.',
        en: 'kubectl answered `pod/api-2 unlabeled`. `api-2` still carries `app=api`, but fails `tier In [backend]` in `matchExpressions`, so it fails the selector as a whole. The ReplicaSet released it and created a pod in its place.',
      },
      solution: [{ kind: 'kubectl', line: 'kubectl label pod api-2 tier-' }, { kind: 'settle' }],
    },
  ],
  recap: {
    ko: '레이블은 `metadata.labels`의 키-값 쌍이고, 셀렉터는 레이블에 대한 질의입니다. 같음 기반(`=`, `!=`)과 집합 기반(`in`, `notin`, `key`, `!key`)이 있고, 쉼표는 AND입니다. `kubectl label`로 붙이고, `--overwrite`로 바꾸고, `key-`로 지웁니다. `--show-labels`는 모든 레이블을, `-L`은 고른 키를 열로 보여 줍니다. 레플리카셋, 디플로이먼트, 서비스는 하드코딩된 이름이나 IP 대신 셀렉터로 파드를 고릅니다. 그래서 레이블이 맞는 파드는 자동으로 포함되고, 레이블을 바꾼 파드는 빠집니다.',
    en: 'Labels are key/value pairs in `metadata.labels`; selectors are queries over them: equality-based (`=`, `!=`) and set-based (`in`, `notin`, `key`, `!key`), with a comma meaning AND. `kubectl label` adds them, `--overwrite` changes them and `key-` removes them; `--show-labels` prints them all and `-L` picks columns. ReplicaSets, Deployments and Services choose their pods by selector instead of hard-coded names or IPs, so a pod with matching labels joins automatically and a relabelled pod drops out.',
  },
  challenge: {
    ko: '`web-1`의 `app`을 다시 `web`으로 바꾸면 레플리카셋 `web`에 맞는 파드가 4개가 됩니다. 레플리카셋이 무엇을 할지, 어느 파드가 사라질지 예측하고 확인합니다.',
    en: "Set `web-1`'s `app` back to `web`: four pods now match ReplicaSet `web`. Predict what the ReplicaSet does, and which pod goes, then check.",
  },
};
