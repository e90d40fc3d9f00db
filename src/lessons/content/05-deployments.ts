import type { Lesson } from '../types';
import {
  allOf,
  deploymentAvailable,
  deploymentImagePullFailing,
  deploymentPodsOnImage,
  deploymentServingImage,
  lastErrorContains,
  lastOutputContains,
  not,
  podTemplateHashLabels,
  replicaSetCount,
} from '../goals';

const deployment = (image: string) => `apiVersion: apps/v1
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
        - name: nginx
          image: ${image}
          ports:
            - containerPort: 80
`;

const V127 = deployment('nginx:1.27');
const V128 = deployment('nginx:1.28');
const V199 = deployment('nginx:1.99');
const V128_RELABELED = V128.replaceAll('app: web\n', 'app: web-v2\n');

export const deploymentsLesson: Lesson = {
  id: 'deployments',
  number: 5,
  title: { ko: '디플로이먼트와 롤링 업데이트', en: 'Deployments and rolling updates' },
  summary: {
    ko: '무상태 앱을 디플로이먼트(Deployment)로 운영합니다. 이미지를 바꿔 롤링 업데이트를 한 틱씩 따라가고, 실패한 롤아웃을 되돌립니다.',
    en: 'Run a stateless app as a Deployment: change its image and follow the rolling update tick by tick, then roll back a rollout that fails.',
  },
  scenario: { cluster: { seed: 5, nodes: 3 }, manifests: [] },
  steps: [
    {
      id: 'apply',
      title: { ko: '디플로이먼트 적용', en: 'Apply a Deployment' },
      body: {
        ko: `**디플로이먼트(Deployment)**는 무상태 앱을 관리합니다. 웹 서버나 API 서버처럼 어느 파드가 요청을 받아도 상관없는 앱입니다. 디플로이먼트는 롤링 업데이트를 지원합니다.

디플로이먼트는 파드를 직접 만들지 않습니다. 템플릿마다 레플리카셋을 하나 만들고, 레플리카셋이 파드를 만듭니다.

적용하고 한 틱씩 진행하며 Deployment → ReplicaSet → Pod 순서로 생기는 것을 확인합니다.`,
        en: `A **Deployment** manages a stateless app: web servers, API servers, anything where it does not matter which pod answers. Deployments support rolling updates.

A Deployment does not create pods itself. It creates a ReplicaSet per pod template, and the ReplicaSet creates the pods.

Apply it and step tick by tick: Deployment → ReplicaSet → Pod, one hop at a time.`,
      },
      editor: { file: 'deploy-web.yaml', yaml: V127 },
      goals: [
        { id: 'available', text: { ko: '디플로이먼트 `web`의 레플리카 3개가 사용 가능합니다', en: 'Deployment `web` has 3 available replicas' }, check: deploymentAvailable('default', 'web', 3) },
        { id: 'one-rs', text: { ko: '레플리카셋이 하나 있습니다', en: 'There is one ReplicaSet' }, check: replicaSetCount('default', 'web', 1) },
      ],
      hint: { ko: 'Apply를 누른 뒤 Step을 누르거나 Settle로 빨리 감습니다.', en: 'Press Apply, then Step, or fast-forward with Settle.' },
      explain: {
        ko: '틱마다 한 단계가 진행되었습니다. 디플로이먼트 컨트롤러가 레플리카셋 `web-<해시>`를 만들었고(`ScalingReplicaSet` 이벤트), 레플리카셋 컨트롤러가 파드 3개를 만들었습니다. 이어서 스케줄러가 배치하고 kubelet이 실행했습니다.',
        en: 'Each tick moved one hop. The Deployment controller created ReplicaSet `web-<hash>` (the `ScalingReplicaSet` event), the ReplicaSet controller created three pods, then the scheduler placed them and the kubelets started them.',
      },
      solution: [{ kind: 'apply', file: 'deploy-web.yaml', yaml: V127 }, { kind: 'settle' }],
    },
    {
      id: 'hash',
      title: { ko: '소유 관계와 pod-template-hash', en: 'The owner chain and pod-template-hash' },
      body: {
        ko: `레플리카셋 이름의 뒷부분은 파드 템플릿의 해시입니다. 디플로이먼트 컨트롤러는 이 값을 \`pod-template-hash\` 레이블로 레플리카셋과 파드에 붙입니다. 그래서 템플릿이 다른 레플리카셋끼리 파드를 빼앗지 않습니다.

파드의 레이블을 확인합니다. 그래프에서 파드를 골라 Why 패널을 열면 소유 관계(Pod → ReplicaSet → Deployment)를 거슬러 올라갈 수 있습니다.`,
        en: `The end of the ReplicaSet's name is a hash of the pod template. The Deployment controller puts it on the ReplicaSet and its pods as the \`pod-template-hash\` label, so ReplicaSets of different templates never claim each other's pods.

Look at the pods' labels. Select a pod in the graph and open its Why panel to walk the owner chain up: Pod → ReplicaSet → Deployment.`,
      },
      command: 'kubectl get pods --show-labels',
      goals: [
        { id: 'labels', text: { ko: '`pod-template-hash` 레이블을 확인했습니다', en: 'You saw the `pod-template-hash` label' }, check: lastOutputContains('pod-template-hash=') },
        { id: 'match', text: { ko: '레플리카셋 이름과 파드 레이블의 해시가 같습니다', en: 'The ReplicaSet name and the pod labels share the hash' }, check: podTemplateHashLabels('default', 'web') },
      ],
      hint: { ko: '콘솔에 `kubectl get pods --show-labels`를 입력합니다.', en: 'Type `kubectl get pods --show-labels` in the console.' },
      explain: {
        ko: '파드마다 `app=web`과 `pod-template-hash=<해시>`가 있습니다. 레플리카셋의 셀렉터에는 두 레이블이 모두 들어 있습니다. 파드의 `ownerReferences`는 레플리카셋을, 레플리카셋의 `ownerReferences`는 디플로이먼트를 가리킵니다.',
        en: 'Each pod has `app=web` and `pod-template-hash=<hash>`, and the ReplicaSet\'s selector includes both. The pod\'s `ownerReferences` points at the ReplicaSet, and the ReplicaSet\'s at the Deployment.',
      },
      solution: [{ kind: 'kubectl', line: 'kubectl get pods --show-labels' }],
    },
    {
      id: 'rolling-update',
      title: { ko: '롤링 업데이트', en: 'A rolling update' },
      body: {
        ko: `이미지를 \`nginx:1.28\`로 바꿔 적용합니다. 템플릿이 바뀌었으므로 해시도 바뀝니다. 디플로이먼트 컨트롤러는 새 레플리카셋을 만들고, 두 레플리카셋의 파드 수를 조금씩 맞바꿉니다.

속도는 \`strategy.rollingUpdate\`가 정합니다. 기본값은 둘 다 25%입니다.
- \`maxSurge\`: 의도한 파드 수보다 더 만들 수 있는 파드 수(올림: 3의 25% → 1)
- \`maxUnavailable\`: 준비되지 않아도 되는 파드 수(내림: 3의 25% → 0)

한 틱씩 진행하며 지켜봅니다.`,
        en: `Change the image to \`nginx:1.28\` and apply. A new template means a new hash: the Deployment controller creates a new ReplicaSet and trades pods between the two, a few at a time.

\`strategy.rollingUpdate\` sets the pace; both default to 25%:
- \`maxSurge\`: how many pods above the desired count may exist (rounded up: 25% of 3 → 1)
- \`maxUnavailable\`: how many may be unready (rounded down: 25% of 3 → 0)

Step tick by tick and watch.`,
      },
      editor: { file: 'deploy-web.yaml', yaml: V128 },
      prediction: {
        question: {
          ko: '레플리카 3개, `maxSurge` 1, `maxUnavailable` 0입니다. 롤아웃 도중 파드는 최대 몇 개까지 있을까요?',
          en: 'Three replicas, `maxSurge` 1, `maxUnavailable` 0. At most how many pods exist during the rollout?',
        },
        choices: [
          { ko: '3개: 하나를 지우고 하나를 만든다', en: '3: delete one, then create one' },
          { ko: '4개: 새 파드가 준비된 뒤에 옛 파드를 지운다', en: '4: an old pod goes only after a new one is ready' },
          { ko: '6개: 새 파드 3개를 한꺼번에 만든다', en: '6: all three new pods at once' },
        ],
        answer: 1,
        explain: {
          ko: '`maxUnavailable`이 0이므로 준비된 파드는 3개 아래로 내려가지 않습니다. `maxSurge`가 1이므로 새 파드 하나가 준비되어야 옛 파드 하나가 빠집니다.',
          en: 'With `maxUnavailable` 0, ready pods never drop below three; with `maxSurge` 1, one new pod must be ready before one old pod leaves.',
        },
      },
      goals: [
        { id: 'two-rs', text: { ko: '레플리카셋이 두 개입니다', en: 'There are two ReplicaSets' }, check: replicaSetCount('default', 'web', 2) },
        { id: 'new', text: { ko: '파드 3개가 모두 `nginx:1.28`로 실행 중입니다', en: 'All three pods run `nginx:1.28`' }, check: deploymentPodsOnImage('default', 'web', 'nginx:1.28', 3) },
        { id: 'available', text: { ko: '디플로이먼트가 사용 가능합니다', en: 'The Deployment is available' }, check: deploymentAvailable('default', 'web', 3) },
      ],
      hint: { ko: '이미지 태그를 고쳐 Apply를 누른 뒤 Step을 여러 번 누릅니다.', en: 'Change the image tag, press Apply, then Step several times.' },
      explain: {
        ko: '디플로이먼트 컨트롤러가 새 레플리카셋을 1로 늘렸고, 그 파드가 준비되자 옛 레플리카셋을 2로 줄였습니다. 이 교대가 세 번 반복되었습니다. 옛 레플리카셋은 0개로 남습니다. 되돌리기(rollback)에 쓰기 위해서입니다.',
        en: 'The Deployment controller scaled the new ReplicaSet to 1, and once its pod was ready, the old one down to 2. That trade repeated three times. The old ReplicaSet stays, at 0 replicas, so you can roll back to it.',
      },
      solution: [{ kind: 'apply', file: 'deploy-web.yaml', yaml: V128 }, { kind: 'tick', count: 3 }, { kind: 'settle' }],
    },
    {
      id: 'status',
      title: { ko: '롤아웃 상태', en: 'Rollout status' },
      body: {
        ko: `\`kubectl rollout status\`는 디플로이먼트의 \`status\`와 조건(\`Available\`, \`Progressing\`)을 읽어 롤아웃이 끝났는지 알려 줍니다. 배포 스크립트가 다음 단계로 넘어가기 전에 기다리는 명령입니다.`,
        en: `\`kubectl rollout status\` reads the Deployment's \`status\` and its conditions (\`Available\`, \`Progressing\`) and says whether the rollout has finished. Deploy scripts run it to wait before their next step.`,
      },
      command: 'kubectl rollout status deployment/web',
      goals: [{ id: 'done', text: { ko: '롤아웃이 끝났다고 나옵니다', en: 'It reports the rollout finished' }, check: lastOutputContains('successfully rolled out') }],
      hint: { ko: '콘솔에 `kubectl rollout status deployment/web`을 입력합니다.', en: 'Type `kubectl rollout status deployment/web` in the console.' },
      explain: {
        ko: '`deployment "web" successfully rolled out`: 모든 레플리카가 새 템플릿으로 바뀌었고 사용 가능합니다. `Progressing` 조건의 이유는 `NewReplicaSetAvailable`입니다.',
        en: '`deployment "web" successfully rolled out`: every replica runs the new template and is available. The `Progressing` condition\'s reason is `NewReplicaSetAvailable`.',
      },
      solution: [{ kind: 'kubectl', line: 'kubectl rollout status deployment/web' }],
    },
    {
      id: 'selector',
      title: { ko: '셀렉터는 바꿀 수 없습니다', en: 'The selector is fixed' },
      body: {
        ko: `버전마다 레이블을 바꾸고 싶을 수 있습니다. 편집기의 파일은 셀렉터와 템플릿 레이블을 모두 \`app: web-v2\`로 바꿉니다. 둘이 서로 맞으므로 레슨 4의 오류는 나지 않습니다.

적용하고 API 서버의 답을 읽습니다.`,
        en: `You might want a new label per version. The file in the editor changes both the selector and the template label to \`app: web-v2\`. They match each other, so lesson 4's error does not apply.

Apply it and read the API server's answer.`,
      },
      editor: { file: 'deploy-web.yaml', yaml: V128_RELABELED },
      goals: [
        { id: 'immutable', text: { ko: 'API 서버가 `field is immutable`로 거부했습니다', en: 'The API server refused: `field is immutable`' }, check: lastErrorContains('field is immutable') },
        { id: 'unchanged', text: { ko: '`nginx:1.28` 파드 3개가 그대로입니다', en: 'The three `nginx:1.28` pods are untouched' }, check: deploymentPodsOnImage('default', 'web', 'nginx:1.28', 3) },
      ],
      hint: { ko: '파일을 그대로 적용합니다. 거부되는 것이 이 단계의 목표입니다.', en: 'Apply the file as it is. Being refused is the goal of this step.' },
      explain: {
        ko: '`apps/v1`에서 디플로이먼트의 `spec.selector`는 만든 뒤 바꿀 수 없습니다. 셀렉터가 바뀌면 이미 있는 레플리카셋과 파드를 잃기 때문입니다. 레이블을 바꾸려면 새 이름의 디플로이먼트를 만듭니다. 버전은 셀렉터에 없는 레이블(예: `version: "1.28"`)로 붙입니다. 편집기를 `app: web`으로 되돌립니다.',
        en: 'In `apps/v1` a Deployment\'s `spec.selector` cannot change once created: a new selector would orphan the existing ReplicaSets and pods. To relabel, create a Deployment under a new name; put versions in labels the selector does not use (e.g. `version: "1.28"`). Set the editor back to `app: web`.',
      },
      solution: [{ kind: 'apply', file: 'deploy-web.yaml', yaml: V128_RELABELED, expectError: 'field is immutable' }],
    },
    {
      id: 'bad-tag',
      title: { ko: '없는 태그', en: 'A tag that does not exist' },
      body: {
        ko: `이번에는 일부러 실수합니다. 이미지를 존재하지 않는 \`nginx:1.99\`로 바꿔 적용하고 몇 틱 진행합니다.

새 파드의 kubelet이 이미지를 받으려다 실패합니다. 처음에는 \`ErrImagePull\`, 이후에는 다시 시도하기 전에 기다리는 \`ImagePullBackOff\`가 됩니다.`,
        en: `Now make a mistake on purpose. Change the image to \`nginx:1.99\`, which does not exist, apply, and step a few ticks.

The new pod's kubelet fails to pull the image: first \`ErrImagePull\`, then \`ImagePullBackOff\` while it waits before trying again.`,
      },
      editor: { file: 'deploy-web.yaml', yaml: V199 },
      prediction: {
        question: { ko: '새 파드가 이미지를 받지 못합니다. 옛 `nginx:1.28` 파드는 어떻게 될까요?', en: 'The new pod cannot pull its image. What happens to the old `nginx:1.28` pods?' },
        choices: [
          { ko: '3개 모두 계속 요청을 처리한다', en: 'All three keep serving' },
          { ko: '모두 지워지고 앱이 멈춘다', en: 'They are all deleted and the app goes down' },
          { ko: '하나만 남는다', en: 'Only one is left' },
        ],
        answer: 0,
        explain: {
          ko: '새 파드가 준비되지 않으면 옛 파드를 줄이지 않습니다. `maxUnavailable` 0이 앱을 지킵니다. 롤아웃은 멈춘 채 기다립니다.',
          en: 'No old pod goes until a new one is ready; `maxUnavailable` 0 protects the app. The rollout stalls and waits.',
        },
      },
      goals: [
        { id: 'pull', text: { ko: '새 파드가 `ErrImagePull` 또는 `ImagePullBackOff`입니다', en: 'A new pod shows `ErrImagePull` or `ImagePullBackOff`' }, check: deploymentImagePullFailing('default', 'web') },
        { id: 'serving', text: { ko: '`nginx:1.28` 파드 3개가 계속 실행 중입니다', en: 'Three `nginx:1.28` pods keep running' }, check: deploymentServingImage('default', 'web', 'nginx:1.28', 3) },
      ],
      hint: { ko: '`1.28`을 `1.99`로 바꿔 Apply를 누르고 Step을 대여섯 번 누릅니다.', en: 'Change `1.28` to `1.99`, press Apply, and Step five or six times.' },
      explain: {
        ko: '디플로이먼트 컨트롤러가 세 번째 레플리카셋을 1로 늘렸습니다. 그 파드의 kubelet은 `Failed to pull image "nginx:1.99"` 경고 이벤트를 남기고 점점 길게 기다리며 다시 시도합니다. 옛 파드 3개는 그대로입니다. 지금 `kubectl rollout status deployment/web`을 실행하면 `Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...`가 나옵니다. 실제 클러스터라면 `progressDeadlineSeconds`(기본 600초)가 지난 뒤 `Progressing` 조건이 `ProgressDeadlineExceeded`가 됩니다.',
        en: 'The Deployment controller scaled a third ReplicaSet to 1. Its pod\'s kubelet wrote a `Failed to pull image "nginx:1.99"` warning and retries with growing back-off. The three old pods stay. `kubectl rollout status deployment/web` now answers `Waiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...`. On a real cluster, after `progressDeadlineSeconds` (600 by default) the `Progressing` condition turns to `ProgressDeadlineExceeded`.',
      },
      solution: [{ kind: 'apply', file: 'deploy-web.yaml', yaml: V199 }, { kind: 'tick', count: 12 }],
    },
    {
      id: 'undo',
      title: { ko: '되돌리기', en: 'Roll back' },
      body: {
        ko: `디플로이먼트는 템플릿이 바뀔 때마다 리비전 번호를 올리고, 옛 레플리카셋을 \`revisionHistoryLimit\`(기본 10)개까지 남겨 둡니다. \`kubectl rollout history deployment/web\`은 리비전 1(\`nginx:1.27\`), 2(\`nginx:1.28\`), 3(\`nginx:1.99\`)을 보여 줍니다.

\`kubectl rollout undo\`는 리비전의 템플릿을 디플로이먼트에 다시 씁니다. 인자가 없으면 바로 전 리비전으로 갑니다. 리비전 2로 되돌린 뒤 시계를 진행합니다.`,
        en: `A Deployment numbers a new revision each time its template changes, and keeps old ReplicaSets up to \`revisionHistoryLimit\` (10 by default). \`kubectl rollout history deployment/web\` lists revision 1 (\`nginx:1.27\`), 2 (\`nginx:1.28\`) and 3 (\`nginx:1.99\`).

\`kubectl rollout undo\` writes a revision's template back into the Deployment; without \`--to-revision\` it goes to the previous one. Go back to revision 2, then step the clock.`,
      },
      command: 'kubectl rollout undo deployment/web --to-revision=2',
      goals: [
        { id: 'clean', text: { ko: '이미지를 받지 못하는 파드가 없습니다', en: 'No pod is stuck pulling its image' }, check: not(deploymentImagePullFailing('default', 'web')) },
        {
          id: 'back',
          text: { ko: '`nginx:1.28` 파드 3개로 돌아왔습니다', en: 'Back to three `nginx:1.28` pods' },
          check: allOf(deploymentPodsOnImage('default', 'web', 'nginx:1.28', 3), deploymentAvailable('default', 'web', 3)),
        },
      ],
      hint: { ko: '명령을 실행한 뒤 Settle을 누릅니다.', en: 'Run the command, then press Settle.' },
      explain: {
        ko: '템플릿이 리비전 2와 같아졌으므로 디플로이먼트 컨트롤러는 새 레플리카셋을 만들지 않고 기존 `nginx:1.28` 레플리카셋을 다시 썼습니다. 그 레플리카셋은 리비전 4가 되었고, `nginx:1.99` 레플리카셋은 0으로 줄었습니다. 옛 파드는 한 번도 멈추지 않았습니다.',
        en: 'The template matched revision 2 again, so the Deployment controller reused the existing `nginx:1.28` ReplicaSet instead of making a new one; it became revision 4, and the `nginx:1.99` ReplicaSet was scaled to 0. The old pods never stopped serving.',
      },
      solution: [{ kind: 'kubectl', line: 'kubectl rollout undo deployment/web --to-revision=2' }, { kind: 'settle' }],
    },
  ],
  recap: {
    ko: '디플로이먼트는 웹 서버나 API 서버 같은 무상태 앱을 관리하고 롤링 업데이트를 지원합니다. 템플릿마다 레플리카셋이 하나 있고, `pod-template-hash` 레이블이 둘을 구분합니다. 롤링 업데이트는 `maxSurge`와 `maxUnavailable` 범위 안에서 옛 레플리카셋과 새 레플리카셋의 파드를 맞바꿉니다. 새 파드가 준비되지 않으면 롤아웃이 멈추고 옛 파드가 계속 요청을 처리합니다. `rollout status`, `rollout history`, `rollout undo`로 상태를 읽고 되돌립니다.',
    en: 'A Deployment runs stateless apps such as web and API servers, and supports rolling updates. Each pod template gets its own ReplicaSet, told apart by the `pod-template-hash` label. A rolling update trades pods between the old and new ReplicaSets within `maxSurge` and `maxUnavailable`. When new pods never become ready, the rollout stalls and the old pods keep serving. `rollout status`, `rollout history` and `rollout undo` read the state and take you back.',
  },
  challenge: {
    ko: '`strategy.type: Recreate`로 바꾼 뒤 이미지를 `nginx:1.27`로 바꿔 적용합니다. 롤아웃 도중 준비된 파드 수가 어떻게 변하는지 예측하고 확인합니다. 그다음 `maxSurge: 0`, `maxUnavailable: 1`로 롤링 업데이트를 다시 해 봅니다.',
    en: 'Switch to `strategy.type: Recreate` and change the image to `nginx:1.27`. Predict how the number of ready pods changes during that rollout, then check. Then roll again with `maxSurge: 0` and `maxUnavailable: 1`.',
  },
};
