import type { Lesson } from '../types';
import { eventCountAtLeast, lastCommandMatches, lastOutputContains, objectExists, replicaSetReady } from '../goals';
import { allOf } from '../goals';

const WEB_RS = `apiVersion: apps/v1
kind: ReplicaSet
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
          image: nginx:1.27
          ports:
            - containerPort: 80
`;

const WEB_RS_5 = WEB_RS.replace('replicas: 3', 'replicas: 5');

const API_RS_BROKEN = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: api
spec:
  replicas: 2
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: apl
    spec:
      containers:
        - name: api
          image: nginx:1.27
`;

const API_RS = API_RS_BROKEN.replace('app: apl', 'app: api');

export const controllersLesson: Lesson = {
  id: 'controllers',
  number: 4,
  title: { ko: '선언적 상태와 컨트롤러 루프(자가 치유)', en: 'Declarative state and the controller loop (self-healing)' },
  summary: {
    ko: '의도한 상태(desired state)를 선언하고, 레플리카셋(ReplicaSet) 컨트롤러가 현재 상태를 그 선언에 맞추는 과정을 한 틱씩 지켜봅니다.',
    en: 'Declare a desired state and watch, tick by tick, the ReplicaSet controller bring the current state in line with it.',
  },
  scenario: { cluster: { seed: 4, nodes: 3 }, manifests: [] },
  steps: [
    {
      id: 'declare',
      title: { ko: '의도한 상태를 선언합니다', en: 'Declare what you want' },
      body: {
        ko: `**선언적 설정**에서는 "이런 상태가 되어야 한다"를 적고, 쿠버네티스가 그 상태를 실현합니다. 자동차 크루즈 컨트롤과 같습니다. 시속 100km를 정하면 오르막이든 내리막이든 차가 알아서 속도를 맞춥니다.

편집기의 **레플리카셋(ReplicaSet)**은 "\`app: web\` 레이블을 단 nginx 파드가 3개 있어야 한다"고 선언합니다. \`selector\`는 어느 파드를 셀지 정하고, \`template\`은 부족할 때 만들 파드의 모양입니다.

적용하고 시계를 진행합니다.`,
        en: `With **declarative configuration** you write down "this is how things should be", and Kubernetes makes it so. Think of cruise control: set 100 km/h and the car holds it, uphill or down.

The **ReplicaSet** in the editor declares "three nginx pods labelled \`app: web\` should exist". \`selector\` says which pods to count; \`template\` is what to make when some are missing.

Apply it and step the clock.`,
      },
      editor: { file: 'rs-web.yaml', yaml: WEB_RS },
      goals: [
        { id: 'ready', text: { ko: '레플리카셋 `web`의 파드 3개가 Running입니다', en: 'ReplicaSet `web` has 3 Running pods' }, check: replicaSetReady('default', 'web', 3) },
      ],
      hint: { ko: 'Apply를 누른 뒤 Step을 여러 번, 또는 Settle을 누릅니다.', en: 'Press Apply, then Step several times, or Settle.' },
      explain: {
        ko: '레플리카셋 컨트롤러가 현재 상태(파드 0개)와 의도한 상태(3개)를 비교하고 파드 3개를 만들었습니다(`SuccessfulCreate` 이벤트). 파드 이름은 `web-`에 무작위 다섯 글자가 붙은 것입니다. 파드마다 `ownerReferences`가 레플리카셋 `web`을 가리킵니다. 그래프의 실선이 이 관계입니다.',
        en: 'The ReplicaSet controller compared the current state (0 pods) with the desired one (3) and created three pods (`SuccessfulCreate` events). Their names are `web-` plus five random characters. Each pod\'s `ownerReferences` points at ReplicaSet `web`: the solid line in the graph.',
      },
      solution: [{ kind: 'apply', file: 'rs-web.yaml', yaml: WEB_RS }, { kind: 'settle' }],
    },
    {
      id: 'self-heal',
      title: { ko: '파드를 지우면', en: 'Delete the pods' },
      body: {
        ko: `**컨트롤러 패턴**: 컨트롤러는 현재 상태와 의도한 상태를 계속 비교하고, 차이가 있으면 조정합니다. 이것이 쿠버네티스 **자가 치유**의 근간입니다.

레이블 셀렉터로 \`web\`의 파드를 모두 지웁니다. 명령을 실행한 뒤 한 틱씩 진행하며 조정 기록(reconcile log)을 읽습니다.`,
        en: `**The controller pattern**: a controller keeps comparing the current state with the desired one and acts on any difference. This is the root of Kubernetes' **self-healing**.

Delete every pod of \`web\` with a label selector. Then step one tick at a time and read the reconcile log.`,
      },
      command: 'kubectl delete pod -l app=web',
      prediction: {
        question: { ko: '`web`의 파드 3개를 모두 지웁니다. 몇 틱 뒤에는 어떻게 될까요?', en: 'You delete all three pods of `web`. What will you see a few ticks later?' },
        choices: [
          { ko: '`web`에 파드가 하나도 없다', en: '`web` has no pods' },
          { ko: '새 이름의 파드 3개가 실행된다', en: 'Three pods with new names run' },
          { ko: '지운 파드가 같은 이름으로 돌아온다', en: 'The deleted pods come back under their old names' },
        ],
        answer: 1,
        explain: {
          ko: '레플리카셋은 파드 하나하나가 아니라 개수를 지킵니다. 지워진 파드는 돌아오지 않고, 템플릿으로 만든 새 파드가 새 이름으로 빈자리를 채웁니다.',
          en: 'A ReplicaSet guards a count, not particular pods. The deleted pods stay gone; new pods from the template, with new names, fill the gap.',
        },
      },
      goals: [
        {
          id: 'replaced',
          text: { ko: '레플리카셋이 대체 파드를 만들었습니다', en: 'The ReplicaSet created replacement pods' },
          check: eventCountAtLeast('SuccessfulCreate', 'web', 4),
        },
        { id: 'ready', text: { ko: '`web`의 파드 3개가 다시 Running입니다', en: '`web` is back to 3 Running pods' }, check: replicaSetReady('default', 'web', 3) },
      ],
      hint: {
        ko: '명령을 실행하고 Step을 누릅니다. 파드가 Terminating인 동안 새 파드가 Pending으로 나타납니다.',
        en: 'Run the command and press Step. New pods appear as Pending while the old ones are still Terminating.',
      },
      explain: {
        ko: '삭제된 파드에 `deletionTimestamp`가 붙자 레플리카셋 컨트롤러는 그 파드를 더는 세지 않았습니다. 셀 수 있는 파드가 0개가 되었으므로 다음 틱에 3개를 만들었습니다. 조정 기록(reconcile log)에는 의도한 수 3과 현재 수 0, 그리고 새로 만든 파드 이름이 남습니다. 그다음 스케줄러와 kubelet이 한 틱씩 이어받았습니다. 사람이 개입한 단계는 없습니다.',
        en: 'Once the pods carried a `deletionTimestamp`, the ReplicaSet controller stopped counting them. With 0 pods left to count, it created three on the next tick; the reconcile log reads `ReplicaSet web wants 3 pods and has 0, so it creates pod web-…`. Then the scheduler and kubelets took over, one hop per tick. No person stepped in.',
      },
      solution: [{ kind: 'kubectl', line: 'kubectl delete pod -l app=web' }, { kind: 'settle' }],
    },
    {
      id: 'scale-declaratively',
      title: { ko: '선언을 바꿉니다', en: 'Change the declaration' },
      body: {
        ko: `파드를 5개로 늘립니다. 선언적인 방법은 파일의 \`replicas\`를 5로 고치고 다시 적용하는 것입니다. 파일이 곧 의도한 상태의 기록이 됩니다.

명령형인 \`kubectl scale rs web --replicas=5\`도 결과는 같습니다. 그러나 파일은 여전히 3이라고 적혀 있으므로, 다음에 파일을 적용하면 다시 3개로 돌아갑니다.

편집기에서 \`replicas\`를 고쳐 적용합니다.`,
        en: `Grow \`web\` to five pods. The declarative way: change \`replicas\` to 5 in the file and apply it again. The file stays the record of what you want.

The imperative \`kubectl scale rs web --replicas=5\` has the same effect, but the file still says 3, so the next apply of that file takes you back to three.

Edit \`replicas\` in the editor and apply.`,
      },
      editor: { file: 'rs-web.yaml', yaml: WEB_RS_5 },
      goals: [
        { id: 'five', text: { ko: '`web`의 파드 5개가 Running입니다', en: '`web` has 5 Running pods' }, check: replicaSetReady('default', 'web', 5) },
        { id: 'applied', text: { ko: '파일을 적용해 바꿨습니다', en: 'You changed it by applying the file' }, check: lastCommandMatches(/^apply -f rs-web\.yaml$/) },
      ],
      hint: {
        ko: '`replicas: 3`을 `replicas: 5`로 바꾸고 Apply를 누른 뒤 Settle을 누릅니다.',
        en: 'Change `replicas: 3` to `replicas: 5`, press Apply, then Settle.',
      },
      explain: {
        ko: '`kubectl apply`는 바뀐 필드(`spec.replicas`)만 보냈고, API 서버가 레플리카셋을 갱신했습니다. 레플리카셋 컨트롤러는 차이(5 − 3 = 2)를 보고 파드 2개를 더 만들었습니다. 줄일 때는 같은 방식으로 남는 파드를 지웁니다.',
        en: '`kubectl apply` sent only the changed field (`spec.replicas`) and the API server updated the ReplicaSet. The ReplicaSet controller saw the difference (5 − 3 = 2) and created two more pods. Scaling down works the same way, deleting the extra pods.',
      },
      solution: [{ kind: 'apply', file: 'rs-web.yaml', yaml: WEB_RS_5 }, { kind: 'settle' }],
    },
    {
      id: 'selector-mismatch',
      title: { ko: '셀렉터가 템플릿과 다르면', en: 'A selector that misses its template' },
      body: {
        ko: `새 레플리카셋 \`api\`를 적용합니다. 이 파일에는 오타가 하나 있습니다. 셀렉터는 \`app: api\`를 찾는데, 템플릿의 레이블은 \`app: apl\`입니다.

이런 레플리카셋이 있다면 만든 파드를 한 번도 세지 못하고 끝없이 파드를 만들 것입니다. API 서버는 이를 저장하기 전에 막습니다. 적용하고 오류를 읽은 뒤, 레이블을 고쳐 다시 적용합니다.`,
        en: `Apply a new ReplicaSet, \`api\`. The file has a typo: the selector looks for \`app: api\`, but the template's label says \`app: apl\`.

Such a ReplicaSet would never count the pods it makes, and would make pods forever. The API server stops it before it is stored. Apply, read the error, fix the label and apply again.`,
      },
      editor: { file: 'rs-api.yaml', yaml: API_RS_BROKEN },
      goals: [
        { id: 'api', text: { ko: '레플리카셋 `api`의 파드 2개가 Running입니다', en: 'ReplicaSet `api` has 2 Running pods' }, check: allOf(objectExists('replicasets.apps', 'default', 'api'), replicaSetReady('default', 'api', 2)) },
      ],
      hint: {
        ko: '오류는 `spec.template.metadata.labels`를 가리킵니다. `app: apl`을 `app: api`로 고칩니다.',
        en: 'The error points at `spec.template.metadata.labels`. Change `app: apl` to `app: api`.',
      },
      explain: {
        ko: '첫 적용은 `The ReplicaSet "api" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"apl"}`로 거부되었고, 아무것도 저장되지 않았습니다. 메시지 끝은 `selector` does not match template `labels`입니다. 고친 뒤에는 레플리카셋 컨트롤러가 파드 2개를 만들었습니다.',
        en: 'The first apply was refused with `The ReplicaSet "api" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"apl"}`, ending in `selector` does not match template `labels`; nothing was stored. After the fix, the ReplicaSet controller created two pods.',
      },
      solution: [
        { kind: 'apply', file: 'rs-api.yaml', yaml: API_RS_BROKEN, expectError: '`selector` does not match template `labels`' },
        { kind: 'apply', file: 'rs-api.yaml', yaml: API_RS },
        { kind: 'settle' },
      ],
    },
    {
      id: 'read-status',
      title: { ko: '상태 읽기', en: 'Read the status' },
      body: {
        ko: `컨트롤러는 자신이 본 현재 상태를 오브젝트의 \`status\`에 기록합니다. \`kubectl get rs\`는 이를 표로 보여 줍니다.

- \`DESIRED\`: \`spec.replicas\`, 의도한 파드의 수
- \`CURRENT\`: 지금 있는 파드 수
- \`READY\`: 준비된 파드 수

세 값이 같으면 조정이 끝난 것입니다.`,
        en: `A controller writes the current state it observed into the object's \`status\`. \`kubectl get rs\` shows it as a table:

- \`DESIRED\`: \`spec.replicas\`, the desired number of pods
- \`CURRENT\`: how many pods exist
- \`READY\`: how many are ready

When the three agree, reconciliation is done.`,
      },
      command: 'kubectl get rs',
      goals: [{ id: 'table', text: { ko: '`DESIRED` 열이 있는 표를 읽었습니다', en: 'You read a table with a `DESIRED` column' }, check: lastOutputContains('DESIRED') }],
      hint: { ko: '콘솔에 `kubectl get rs`를 입력합니다.', en: 'Type `kubectl get rs` in the console.' },
      explain: {
        ko: '`web`은 5/5/5, `api`는 2/2/2입니다. `spec`은 여러분이 쓰고, `status`는 컨트롤러가 씁니다. 이 분업이 모든 쿠버네티스 오브젝트에 공통입니다.',
        en: '`web` shows 5/5/5 and `api` 2/2/2. You write `spec`; controllers write `status`. Every Kubernetes object shares this split.',
      },
      solution: [{ kind: 'kubectl', line: 'kubectl get rs' }],
    },
  ],
  recap: {
    ko: '선언적 설정에서는 의도한 상태를 적고, 쿠버네티스가 그 상태를 실현합니다. 레플리카셋 컨트롤러는 셀렉터에 맞는 파드를 세고, 템플릿으로 부족한 만큼 만들거나 남는 만큼 지웁니다. 이 비교와 조정의 반복이 컨트롤러 패턴이며 자가 치유의 근간입니다. 파일을 고쳐 다시 적용하면 의도한 상태의 기록이 남습니다. 셀렉터가 템플릿 레이블과 맞지 않으면 API 서버가 거부합니다. 실제로는 레플리카셋을 직접 만들기보다 디플로이먼트가 만들게 합니다. 레슨 5에서 다룹니다.',
    en: 'With declarative configuration you write the desired state and Kubernetes makes it real. The ReplicaSet controller counts the pods its selector matches and, from its template, makes what is missing or removes what is extra. That loop of compare and correct is the controller pattern, the root of self-healing. Editing the file and re-applying keeps a record of what you want. A selector that misses the template\'s labels is refused by the API server. In practice you let a Deployment create ReplicaSets for you: lesson 5.',
  },
  challenge: {
    ko: '`kubectl scale rs web --replicas=2`로 줄인 뒤 `rs-web.yaml`을 다시 적용합니다. 파드 수가 어떻게 되는지 예측하고 확인합니다. 그다음 `app: web` 레이블을 단 베어 파드를 하나 직접 만들면 레플리카셋이 어떻게 반응하는지 확인합니다.',
    en: 'Scale down with `kubectl scale rs web --replicas=2`, then apply `rs-web.yaml` again. Predict the pod count, then check. Next, create a bare pod labelled `app: web` yourself and see how the ReplicaSet reacts.',
  },
};
