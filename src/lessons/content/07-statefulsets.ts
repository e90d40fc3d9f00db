import type { Lesson } from '../types';
import { eventCountAtLeast, lastErrorContains, podExists, podGone, podUnscheduled, podsNamed, pvcPhase, statefulSetReady } from '../goals';
import { allOf } from '../goals';

const web = (replicas: number) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: web
  replicas: ${replicas}
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
              name: http
`;

const WEB3 = web(3);
const WEB1 = web(1);

const CLAIMS = `  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        accessModes: ["ReadWriteOnce"]
        resources:
          requests:
            storage: 1Gi
`;

const MOUNT = `          volumeMounts:
            - name: data
              mountPath: /usr/share/nginx/html
`;

/** The learner's natural next move: add storage to the running set. StatefulSets refuse it. */
const WEB1_WITH_CLAIMS = WEB1 + MOUNT + CLAIMS;

const DB = WEB1_WITH_CLAIMS.replace('name: web\nspec:\n  serviceName: web\n  replicas: 1', 'name: db\nspec:\n  serviceName: db\n  replicas: 2').replaceAll('app: web', 'app: db');

export const statefulSetsLesson: Lesson = {
  id: 'statefulsets',
  number: 7,
  title: { ko: '스테이트풀셋', en: 'StatefulSets' },
  summary: {
    ko: '이름과 순서와 저장소가 파드마다 고정되는 스테이트풀셋(StatefulSet)을 만들고, 디플로이먼트와 무엇이 다른지 확인합니다.',
    en: 'Create a StatefulSet, whose pods keep fixed names, order and storage, and see how it differs from a Deployment.',
  },
  scenario: { cluster: { seed: 7, nodes: 3 }, manifests: [] },
  steps: [
    {
      id: 'ordered',
      title: { ko: '이름과 순서', en: 'Names and order' },
      body: {
        ko: `데이터베이스처럼 상태를 가진 앱은 파드마다 정체성이 필요합니다. 어느 파드가 주 서버인지, 어느 디스크가 누구 것인지 알아야 하기 때문입니다. **스테이트풀셋(StatefulSet)**은 파드에 \`web-0\`, \`web-1\`, \`web-2\`처럼 순번이 붙은 고정 이름을 줍니다.

\`serviceName\`은 파드마다 DNS 이름(\`web-0.web\`)을 주는 헤드리스 서비스의 이름입니다. 서비스는 레슨 9에서 만듭니다.

적용하고 한 틱씩 진행합니다.`,
        en: `A stateful app such as a database needs an identity per pod: which one is the primary, which disk belongs to whom. A **StatefulSet** gives its pods fixed, numbered names: \`web-0\`, \`web-1\`, \`web-2\`.

\`serviceName\` names the headless Service that gives each pod a DNS name (\`web-0.web\`); you create Services in lesson 9.

Apply it and step tick by tick.`,
      },
      editor: { file: 'sts-web.yaml', yaml: WEB3 },
      prediction: {
        question: { ko: '레플리카 3개를 선언했습니다. 파드는 어떤 순서로 생길까요?', en: 'You declared three replicas. In what order do the pods appear?' },
        choices: [
          { ko: '세 개가 한꺼번에', en: 'All three at once' },
          { ko: '`web-0`이 Ready가 된 뒤 `web-1`, 그다음 `web-2`', en: '`web-0`, then `web-1` once `web-0` is Ready, then `web-2`' },
          { ko: '무작위 순서', en: 'In random order' },
        ],
        answer: 1,
        explain: {
          ko: '기본 `podManagementPolicy`는 `OrderedReady`입니다. 앞 순번의 파드가 Running이고 Ready여야 다음 파드를 만듭니다. `Parallel`로 바꾸면 한꺼번에 만듭니다.',
          en: 'The default `podManagementPolicy` is `OrderedReady`: the next pod is created only when the one before it is Running and Ready. `Parallel` creates them all at once.',
        },
      },
      goals: [{ id: 'ready', text: { ko: '`web-0`, `web-1`, `web-2`가 모두 Running입니다', en: '`web-0`, `web-1` and `web-2` are all Running' }, check: statefulSetReady('default', 'web', 3) }],
      hint: { ko: 'Apply를 누르고 Step을 여러 번 누릅니다. 그래프에서 파드가 하나씩 나타납니다.', en: 'Press Apply and Step several times. In the graph, pods appear one at a time.' },
      explain: {
        ko: '스테이트풀셋 컨트롤러는 `web-0`을 만들고 그 파드가 Ready가 될 때까지 기다렸습니다. 이어서 `web-1`, `web-2`를 같은 방식으로 만들었습니다. 이름 끝의 숫자를 순번(ordinal)이라고 합니다.',
        en: 'The StatefulSet controller created `web-0` and waited until it was Ready, then did the same for `web-1` and `web-2`. The number at the end of each name is its ordinal.',
      },
      solution: [{ kind: 'apply', file: 'sts-web.yaml', yaml: WEB3 }, { kind: 'tick', count: 3 }, { kind: 'settle' }],
    },
    {
      id: 'same-name',
      title: { ko: '같은 이름으로 돌아옵니다', en: 'Back under the same name' },
      body: {
        ko: `레슨 4에서는 레플리카셋의 파드를 지우자 새 이름의 파드가 생겼습니다. 스테이트풀셋의 파드 \`web-1\`을 지우고 시계를 진행합니다.`,
        en: `In lesson 4, deleting a ReplicaSet's pods brought pods with new names. Delete the StatefulSet's pod \`web-1\` and step the clock.`,
      },
      command: 'kubectl delete pod web-1',
      prediction: {
        question: { ko: '`web-1`을 지우면 어떻게 될까요?', en: 'What happens when you delete `web-1`?' },
        choices: [
          { ko: '`web-3`이 새로 생긴다', en: 'A new `web-3` appears' },
          { ko: '새 `web-1`이 생긴다', en: 'A new `web-1` appears' },
          { ko: '`web-2`가 `web-1`로 이름을 바꾼다', en: '`web-2` is renamed to `web-1`' },
        ],
        answer: 1,
        explain: {
          ko: '스테이트풀셋은 순번마다 파드 하나를 지킵니다. 비어 있는 순번은 1이므로 같은 이름의 파드를 다시 만듭니다. 볼륨이 있었다면 같은 PVC를 다시 붙입니다.',
          en: 'A StatefulSet keeps one pod per ordinal. Ordinal 1 is missing, so it makes a pod with the same name again; had there been a volume, it would attach the same PVC.',
        },
      },
      goals: [
        { id: 'recreated', text: { ko: '스테이트풀셋이 파드를 다시 만들었습니다', en: 'The StatefulSet created a pod again' }, check: eventCountAtLeast('SuccessfulCreate', 'web', 4) },
        { id: 'ready', text: { ko: '`web-0`, `web-1`, `web-2`가 모두 Running입니다', en: '`web-0`, `web-1` and `web-2` are all Running' }, check: statefulSetReady('default', 'web', 3) },
      ],
      hint: { ko: '명령을 실행하고 Settle을 누릅니다.', en: 'Run the command, then press Settle.' },
      explain: {
        ko: 'kubelet이 옛 `web-1`을 멈추고 지운 뒤에야 스테이트풀셋 컨트롤러가 새 `web-1`을 만들었습니다. 같은 이름의 파드가 동시에 둘 있을 수 없기 때문입니다. IP는 바뀔 수 있지만 이름과 DNS 이름은 그대로입니다.',
        en: 'Only after the kubelet stopped and removed the old `web-1` did the StatefulSet controller create the new one: two pods cannot share a name. The IP may change; the name and DNS name stay.',
      },
      solution: [{ kind: 'kubectl', line: 'kubectl delete pod web-1' }, { kind: 'settle' }],
    },
    {
      id: 'scale-down',
      title: { ko: '거꾸로 줄어듭니다', en: 'Scaling down in reverse' },
      body: {
        ko: `\`replicas\`를 1로 줄여 적용합니다. 한 틱씩 진행하며 어느 파드가 먼저 사라지는지 봅니다.

스테이트풀셋은 가장 큰 순번부터 지우고, 하나가 완전히 사라진 뒤에 다음 파드를 지웁니다. 흔히 주 서버 역할을 맡는 \`web-0\`은 마지막까지 남습니다.`,
        en: `Lower \`replicas\` to 1 and apply. Step tick by tick and see which pod goes first.

A StatefulSet removes the highest ordinal first, and waits for one pod to be fully gone before removing the next. \`web-0\`, often the primary, stays to the end.`,
      },
      editor: { file: 'sts-web.yaml', yaml: WEB1 },
      goals: [
        { id: 'one', text: { ko: '`web-0`만 남았습니다', en: 'Only `web-0` is left' }, check: allOf(podsNamed('default', 'StatefulSet', 'web', ['web-0']), statefulSetReady('default', 'web', 1)) },
        { id: 'gone', text: { ko: '`web-1`과 `web-2`가 사라졌습니다', en: '`web-1` and `web-2` are gone' }, check: allOf(podGone('default', 'web-1'), podGone('default', 'web-2')) },
      ],
      hint: { ko: '`replicas: 3`을 `replicas: 1`로 바꿔 Apply를 누르고 Step을 누릅니다.', en: 'Change `replicas: 3` to `replicas: 1`, press Apply, then Step.' },
      explain: {
        ko: '스테이트풀셋 컨트롤러가 `web-2`를 먼저 지웠고, 그 파드가 사라진 뒤 `web-1`을 지웠습니다(`SuccessfulDelete` 이벤트). 다시 늘리면 `web-1`, `web-2` 순서로 같은 이름이 돌아옵니다.',
        en: 'The StatefulSet controller deleted `web-2` first, and `web-1` only once `web-2` was gone (`SuccessfulDelete` events). Scale up again and the same names come back, `web-1` then `web-2`.',
      },
      solution: [{ kind: 'apply', file: 'sts-web.yaml', yaml: WEB1 }, { kind: 'settle' }],
    },
    {
      id: 'add-storage',
      title: { ko: '나중에 저장소를 붙이려면', en: 'Adding storage afterwards' },
      body: {
        ko: `\`web\`의 파드마다 디스크를 주려고 편집기의 파일에 \`volumeClaimTemplates\`를 더했습니다. 적용하고 API 서버의 답을 읽습니다.`,
        en: `To give each pod of \`web\` its own disk, the file adds \`volumeClaimTemplates\`. Apply it and read the API server's answer.`,
      },
      editor: { file: 'sts-web.yaml', yaml: WEB1_WITH_CLAIMS },
      goals: [{ id: 'forbidden', text: { ko: 'API 서버가 `Forbidden`으로 거부했습니다', en: 'The API server refused with `Forbidden`' }, check: lastErrorContains('updates to statefulset spec for fields other than') }],
      hint: { ko: '파일을 그대로 적용합니다. 거부되는 것이 이 단계의 목표입니다.', en: 'Apply the file as it is. Being refused is the goal of this step.' },
      explain: {
        ko: '스테이트풀셋은 만든 뒤에 `replicas`, `ordinals`, `template`, `updateStrategy`, `persistentVolumeClaimRetentionPolicy`, `minReadySeconds`만 바꿀 수 있습니다. `volumeClaimTemplates`는 처음부터 적어야 합니다. 다음 단계에서 새 스테이트풀셋을 만듭니다.',
        en: 'After creation, a StatefulSet lets you change only `replicas`, `ordinals`, `template`, `updateStrategy`, `persistentVolumeClaimRetentionPolicy` and `minReadySeconds`. `volumeClaimTemplates` must be there from the start; the next step creates a new StatefulSet.',
      },
      solution: [{ kind: 'apply', file: 'sts-web.yaml', yaml: WEB1_WITH_CLAIMS, expectError: 'updates to statefulset spec for fields other than' }],
    },
    {
      id: 'claims',
      title: { ko: '파드마다 PVC', en: 'A PVC per pod' },
      body: {
        ko: `새 스테이트풀셋 \`db\`는 처음부터 \`volumeClaimTemplates\`를 가집니다. 컨트롤러는 파드를 만들기 전에 파드마다 퍼시스턴트볼륨클레임(PVC)을 만듭니다. 이름은 \`<템플릿>-<스테이트풀셋>-<순번>\`, 곧 \`data-db-0\`입니다.

이 클러스터에는 아직 퍼시스턴트볼륨(PV)도 스토리지클래스(StorageClass)도 없습니다. 적용하고 시계를 진행한 뒤 무엇이 멈춰 있는지 확인합니다.`,
        en: `The new StatefulSet \`db\` has \`volumeClaimTemplates\` from the start. Before each pod, the controller creates that pod's PersistentVolumeClaim (PVC), named \`<template>-<statefulset>-<ordinal>\`: \`data-db-0\`.

This cluster has no PersistentVolume and no StorageClass yet. Apply, step the clock, and find what is stuck.`,
      },
      editor: { file: 'sts-db.yaml', yaml: DB },
      goals: [
        { id: 'pvc', text: { ko: 'PVC `data-db-0`이 Pending입니다', en: 'PVC `data-db-0` is Pending' }, check: pvcPhase('default', 'data-db-0', 'Pending') },
        { id: 'pod', text: { ko: '파드 `db-0`이 노드 없이 기다립니다', en: 'Pod `db-0` waits with no node' }, check: allOf(podExists('default', 'db-0'), podUnscheduled('default', 'db-0')) },
        { id: 'no-db-1', text: { ko: '`db-1`은 아직 없습니다', en: '`db-1` does not exist yet' }, check: podGone('default', 'db-1') },
      ],
      hint: { ko: 'Apply를 누르고 Step을 몇 번 누른 뒤 `kubectl get pvc`와 `kubectl describe pod db-0`을 실행합니다.', en: 'Press Apply, Step a few times, then run `kubectl get pvc` and `kubectl describe pod db-0`.' },
      explain: {
        ko: 'PVC `data-db-0`을 묶어 줄 PV가 없으므로 `Pending`입니다. 스케줄러는 묶이지 않은 PVC를 쓰는 `db-0`을 배치하지 않고 `FailedScheduling` 이벤트에 `pod has unbound immediate PersistentVolumeClaims`라고 남깁니다. `OrderedReady` 때문에 `db-1`은 만들어지지도 않았습니다. PV와 스토리지클래스로 이 PVC를 묶는 일은 레슨 12에서 합니다. 파드를 지워도 PVC는 남으므로, 다시 생긴 `db-0`은 같은 데이터를 씁니다.',
        en: 'No PersistentVolume can bind `data-db-0`, so it is `Pending`. The scheduler will not place `db-0` while its claim is unbound; its `FailedScheduling` event says `pod has unbound immediate PersistentVolumeClaims`. And with `OrderedReady` `db-1` is not even created. Binding this claim with a PV or a StorageClass is lesson 12. Deleting a pod keeps its PVC, so a re-created `db-0` gets the same data back.',
      },
      solution: [{ kind: 'apply', file: 'sts-db.yaml', yaml: DB }, { kind: 'tick', count: 8 }],
    },
  ],
  recap: {
    ko: '스테이트풀셋은 상태를 가진 앱을 위해 파드마다 고정된 이름(`web-0`, `web-1` …), 순서, 저장소를 줍니다. 기본 정책 `OrderedReady`에서는 순번대로 하나씩 만들고, 줄일 때는 큰 순번부터 지웁니다. 지운 파드는 같은 이름으로 돌아옵니다. `volumeClaimTemplates`는 파드마다 `<템플릿>-<스테이트풀셋>-<순번>` PVC를 만들고, 이 PVC는 파드를 지워도 남습니다. 만든 뒤에 바꿀 수 있는 필드는 몇 개로 제한됩니다.',
    en: 'A StatefulSet gives each pod of a stateful app a fixed name (`web-0`, `web-1` …), an order and its own storage. With the default `OrderedReady` policy it creates pods one ordinal at a time and removes the highest ordinal first. A deleted pod comes back under the same name. `volumeClaimTemplates` make one PVC per pod, named `<template>-<statefulset>-<ordinal>`, which outlives the pod. Only a few fields can change after creation.',
  },
  challenge: {
    ko: '`podManagementPolicy: Parallel`인 스테이트풀셋 `cache`를 레플리카 3개로 만들고, 파드가 생기는 순서를 `web`과 비교합니다. 그다음 `web`을 다시 3개로 늘리기 전에, 어느 이름의 파드가 어떤 순서로 생길지 예측합니다.',
    en: 'Create a StatefulSet `cache` with `podManagementPolicy: Parallel` and three replicas, and compare the order its pods appear in with `web`. Then, before scaling `web` back to three, predict which names appear and in what order.',
  },
};
