import type { PersistentVolume, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../sim/objects';
import type { Lesson } from '../types';
import type { Check } from '../goals';
import { allOf, eventExists, findObject, lastCommandMatches, lastErrorContains, lastOutputContains, objectExists, objectsOf, pvcPhase } from '../goals';

/** The container restarted at least `n` times (kill 1, a crash, a failed probe). */
export const containerRestarts =
  (ns: string, pod: string, n: number): Check =>
  (s) =>
    (findObject<Pod & KubeObject>(s, 'pods', ns, pod)?.status?.containerStatuses ?? []).some((c) => c.restartCount >= n);

/** The claim is Bound to this volume. */
export const claimBoundTo =
  (ns: string, claim: string, volume: string): Check =>
  (s) =>
    pvcPhase(ns, claim, 'Bound')(s) && (findObject<KubeObject & { spec?: { volumeName?: string } }>(s, 'persistentvolumeclaims', ns, claim)?.spec?.volumeName ?? '') === volume;

/** A PersistentVolume is in this phase (Available, Bound, Released, Failed). */
export const volumePhase =
  (name: string, phase: string): Check =>
  (s) =>
    objectsOf<PersistentVolume & KubeObject>(s, 'persistentvolumes').some((pv) => pv.metadata.name === name && pv.status?.phase === phase);

/** No PersistentVolume is (or was) bound to this claim any more. */
export const noVolumeFor =
  (ns: string, claim: string): Check =>
  (s) =>
    !objectsOf<PersistentVolume & KubeObject>(s, 'persistentvolumes').some((pv) => pv.spec?.claimRef?.namespace === ns && pv.spec.claimRef.name === claim);

const NOTES = `apiVersion: v1
kind: Pod
metadata:
  name: notes
spec:
  containers:
    - name: web
      image: nginx:1.27
`;

const PVC_DATA = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes:
    - ReadWriteOnce
  resources:
    requests:
      storage: 1Gi
`;

const PV_STATIC = `apiVersion: v1
kind: PersistentVolume
metadata:
  name: static-1g
spec:
  capacity:
    storage: 1Gi
  accessModes:
    - ReadWriteOnce
  persistentVolumeReclaimPolicy: Retain
  hostPath:
    path: /mnt/data
`;

const CLASS_AND_CLAIM = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: local-path
provisioner: rancher.io/local-path
volumeBindingMode: WaitForFirstConsumer
reclaimPolicy: Delete
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: cache
spec:
  storageClassName: local-path
  accessModes:
    - ReadWriteOnce
  resources:
    requests:
      storage: 512Mi
`;

const KEEPER = `apiVersion: v1
kind: Pod
metadata:
  name: keeper
spec:
  containers:
    - name: web
      image: nginx:1.27
      volumeMounts:
        - name: cache
          mountPath: /data
  volumes:
    - name: cache
      persistentVolumeClaim:
        claimName: cache
`;

const SC = 'storageclasses.storage.k8s.io';

export const storageLesson: Lesson = {
  id: 'storage',
  number: 12,
  title: { ko: '스토리지: 퍼시스턴트볼륨과 스토리지클래스', en: 'Storage: PersistentVolumes and StorageClasses' },
  summary: {
    ko: '컨테이너가 다시 시작되면 파일이 사라지는 것을 보고, 퍼시스턴트볼륨클레임(PVC)이 기다리다 정적 PV에 바인딩되고 스토리지클래스가 PV를 만들어 주는 과정을 따라갑니다. 마지막으로 Retain과 Delete의 차이를 확인합니다.',
    en: 'Watch a file vanish when its container restarts, then follow a PersistentVolumeClaim that waits, binds to a static PV, and gets a volume made for it by a StorageClass. Finish with Retain versus Delete.',
  },
  scenario: { cluster: { seed: 12, nodes: 2 }, manifests: [{ file: 'pod-notes.yaml', yaml: NOTES }] },
  steps: [
    {
      id: 'write',
      title: { ko: '컨테이너 안에 파일 쓰기', en: 'Write a file inside a container' },
      body: {
        ko: `파드 \`notes\`가 실행 중입니다. 컨테이너는 이미지 위에 **쓰기 가능한 레이어**를 하나 얹어 시작합니다. 컨테이너 안에서 쓰는 파일은 모두 이 레이어에 들어갑니다.

안정화로 파드를 띄운 뒤, 컨테이너 안에서 \`/tmp/f\`에 \`hi\`를 씁니다.`,
        en: `Pod \`notes\` is running. A container starts from its image plus one **writable layer** on top; every file written inside the container lands in that layer.

Press Settle to start the pod, then write \`hi\` into \`/tmp/f\` inside the container.`,
      },
      command: "kubectl exec notes -- sh -c 'echo hi > /tmp/f'",
      goals: [
        {
          id: 'written',
          text: { ko: '`notes` 안에 `/tmp/f`를 썼습니다', en: 'You wrote `/tmp/f` inside `notes`' },
          check: (s) => lastCommandMatches(/exec\s+notes\b.*>\s*\/tmp\/f/)(s) && s.lastResult?.exitCode === 0,
        },
      ],
      hint: { ko: "안정화를 누른 뒤 `kubectl exec notes -- sh -c 'echo hi > /tmp/f'`를 실행합니다. `cat /tmp/f`로 확인해도 됩니다.", en: "Press Settle, then run `kubectl exec notes -- sh -c 'echo hi > /tmp/f'`. Check it with `cat /tmp/f` if you like." },
      explain: {
        ko: '파일이 생겼습니다. 이 파일은 컨테이너의 쓰기 가능한 레이어, 즉 이 컨테이너 하나에만 있습니다.',
        en: 'The file exists, in the container\'s writable layer: it belongs to this one container.',
      },
      solution: [{ kind: 'settle' }, { kind: 'kubectl', line: "kubectl exec notes -- sh -c 'echo hi > /tmp/f'" }],
    },
    {
      id: 'restart',
      title: { ko: '컨테이너 다시 시작', en: 'Restart the container' },
      body: {
        ko: `\`kill 1\`은 컨테이너의 주 프로세스(PID 1, 여기서는 nginx)에 종료 신호를 보냅니다. 프로세스가 끝나면 kubelet이 \`restartPolicy: Always\`에 따라 컨테이너를 **새로** 만듭니다. 파드는 그대로이고 RESTARTS만 1 늘어납니다.

컨테이너를 다시 시작한 뒤 한 틱 지나고 \`kubectl exec notes -- cat /tmp/f\`로 파일을 읽습니다.`,
        en: `\`kill 1\` sends a termination signal to the container's main process (PID 1, here nginx). The kubelet then makes a **new** container, as \`restartPolicy: Always\` says; the pod stays, and RESTARTS goes up by one.

Restart the container, step one tick, then read the file with \`kubectl exec notes -- cat /tmp/f\`.`,
      },
      command: "kubectl exec notes -- sh -c 'kill 1'",
      prediction: {
        question: { ko: '다시 시작한 컨테이너에 `/tmp/f`가 있을까요?', en: 'Will `/tmp/f` be there in the restarted container?' },
        choices: [
          { ko: '있다. 같은 파드이므로', en: 'Yes: it is the same pod' },
          { ko: '없다. 새 컨테이너는 빈 레이어로 시작하므로', en: 'No: the new container starts with a fresh layer' },
        ],
        answer: 1,
        explain: {
          ko: '파드의 파일시스템은 기본적으로 임시입니다. 새 컨테이너는 이미지와 빈 쓰기 레이어로 시작합니다.',
          en: 'A pod\'s filesystem is ephemeral by default: the new container starts from the image and an empty writable layer.',
        },
      },
      goals: [
        { id: 'restarted', text: { ko: '`notes`의 컨테이너가 다시 시작했습니다', en: '`notes`\' container restarted' }, check: containerRestarts('default', 'notes', 1) },
        {
          id: 'lost',
          text: { ko: '`cat /tmp/f`가 파일이 없다고 답했습니다', en: '`cat /tmp/f` said the file is gone' },
          check: allOf(lastCommandMatches(/exec\s+notes\b.*cat\s+\/tmp\/f/), lastErrorContains('No such file or directory')),
        },
      ],
      hint: { ko: "`kubectl exec notes -- sh -c 'kill 1'`, 한 틱, 그다음 `kubectl exec notes -- cat /tmp/f`입니다.", en: "`kubectl exec notes -- sh -c 'kill 1'`, one tick, then `kubectl exec notes -- cat /tmp/f`." },
      explain: {
        ko: '`cat`은 `No such file or directory`로 실패했고 kubectl은 `command terminated with exit code 1`을 덧붙였습니다. 데이터가 컨테이너보다 오래 살려면 볼륨이 필요합니다. 노드 뷰의 RESTARTS 값도 확인합니다.',
        en: '`cat` failed with `No such file or directory`, and kubectl added `command terminated with exit code 1`. Data that must outlive a container needs a volume. Check the RESTARTS count in the Nodes view too.',
      },
      solution: [
        { kind: 'kubectl', line: "kubectl exec notes -- sh -c 'kill 1'" },
        { kind: 'tick', count: 3 },
        { kind: 'kubectl', line: 'kubectl exec notes -- cat /tmp/f', expectError: 'No such file or directory' },
      ],
    },
    {
      id: 'claim-waits',
      title: { ko: '기다리는 클레임', en: 'A claim that waits' },
      body: {
        ko: `**퍼시스턴트볼륨(PV)**은 실제 스토리지 한 조각을 추상화한 클러스터 리소스입니다. **퍼시스턴트볼륨클레임(PVC)**은 "1Gi, 한 노드에서 읽고 쓰기(ReadWriteOnce)"처럼 스토리지를 요청하는 문서입니다. 컨트롤러가 요청에 맞는 PV를 찾아 **바인딩**하면 파드가 클레임을 통해 그 스토리지를 씁니다.

편집기의 클레임을 적용하고 \`kubectl describe pvc data\`로 이벤트를 읽습니다.`,
        en: `A **PersistentVolume** (PV) is a cluster resource standing for a piece of real storage. A **PersistentVolumeClaim** (PVC) is a request for storage: "1Gi, read-write from one node (ReadWriteOnce)". A controller **binds** the claim to a matching PV, and pods use the storage through the claim.

Apply the claim in the editor, then read its events with \`kubectl describe pvc data\`.`,
      },
      editor: { file: 'pvc-data.yaml', yaml: PVC_DATA },
      goals: [
        { id: 'pending', text: { ko: '`data`가 Pending입니다', en: '`data` is Pending' }, check: pvcPhase('default', 'data', 'Pending') },
        { id: 'why', text: { ko: '바인딩하지 못한 이유가 이벤트에 있습니다', en: 'An event says why it cannot bind' }, check: eventExists('FailedBinding', 'data', 'default') },
      ],
      hint: { ko: '적용을 누르고 한 틱 지난 뒤 `kubectl describe pvc data`를 실행합니다.', en: 'Press Apply, step a tick, then run `kubectl describe pvc data`.' },
      explain: {
        ko: '이벤트는 `no persistent volumes available for this claim and no storage class is set`입니다. 새 클러스터에는 PV도 스토리지클래스도 없습니다. 스토리지클래스가 없으면 누군가 PV를 손으로 만들어야 합니다. 클레임은 오류가 아니라 대기 상태로 남습니다.',
        en: 'The event reads `no persistent volumes available for this claim and no storage class is set`. A fresh cluster has no PV and no StorageClass; without a class, someone has to create PVs by hand. The claim is not an error: it waits.',
      },
      solution: [{ kind: 'apply', file: 'pvc-data.yaml', yaml: PVC_DATA }, { kind: 'tick', count: 2 }, { kind: 'kubectl', line: 'kubectl describe pvc data' }],
    },
    {
      id: 'static-pv',
      title: { ko: '손으로 만든 PV', en: 'A PV made by hand' },
      body: {
        ko: `관리자가 PV를 미리 만들어 두는 방식을 **정적 프로비저닝**이라고 합니다. 편집기의 PV는 노드의 디렉터리 \`/mnt/data\`를 쓰는 \`hostPath\` 볼륨입니다. 용량 1Gi, 접근 모드 ReadWriteOnce, 회수 정책 \`Retain\`입니다. \`storageClassName\`이 없으므로 클래스가 없는 클레임과 짝이 됩니다.

적용하고 한 틱씩 진행합니다.`,
        en: `Creating PVs ahead of time is **static provisioning**. The PV in the editor is a \`hostPath\` volume, a directory \`/mnt/data\` on a node: 1Gi, ReadWriteOnce, reclaim policy \`Retain\`. It has no \`storageClassName\`, so it pairs with claims that have no class either.

Apply it and step tick by tick.`,
      },
      editor: { file: 'pv-static.yaml', yaml: PV_STATIC },
      prediction: {
        question: { ko: '기다리던 `data`는 어떻게 될까요?', en: 'What happens to the waiting claim `data`?' },
        choices: [
          { ko: '계속 기다린다. 클레임을 다시 만들어야 한다', en: 'It keeps waiting until you re-create it' },
          { ko: '다음 틱에 컨트롤러가 `static-1g`에 바인딩한다', en: 'On a following tick the controller binds it to `static-1g`' },
        ],
        answer: 1,
        explain: {
          ko: 'PV 컨트롤러는 Pending 클레임을 계속 다시 봅니다. 용량, 접근 모드, 클래스가 맞는 PV가 생기면 바인딩합니다.',
          en: 'The PV controller keeps revisiting Pending claims; once a PV with enough capacity, the access mode and the class appears, it binds them.',
        },
      },
      goals: [{ id: 'bound', text: { ko: '`data`가 `static-1g`에 바인딩되었습니다', en: '`data` is Bound to `static-1g`' }, check: allOf(claimBoundTo('default', 'data', 'static-1g'), volumePhase('static-1g', 'Bound')) }],
      hint: { ko: '적용을 누른 뒤 `kubectl get pvc,pv`를 보면서 한 틱씩 진행합니다.', en: 'Press Apply, then step ticks while watching `kubectl get pvc,pv`.' },
      explain: {
        ko: 'PV의 `claimRef`가 `default/data`를 가리키고, 클레임의 `volumeName`이 `static-1g`입니다. 바인딩은 일대일입니다. 이 PV는 이제 다른 클레임에 가지 않습니다.',
        en: 'The PV\'s `claimRef` points at `default/data` and the claim\'s `volumeName` is `static-1g`. Binding is one-to-one: no other claim can take this PV now.',
      },
      solution: [{ kind: 'apply', file: 'pv-static.yaml', yaml: PV_STATIC }, { kind: 'tick', count: 3 }],
    },
    {
      id: 'storage-class',
      title: { ko: '스토리지클래스와 동적 프로비저닝', en: 'StorageClass and dynamic provisioning' },
      body: {
        ko: `**스토리지클래스(StorageClass)**는 스토리지 등급을 정의합니다. 클레임이 클래스를 지정하면 그 클래스의 **프로비저너**가 PV를 자동으로 만듭니다(동적 프로비저닝).

- HostPath/local: 노드의 디렉터리. 빠르지만 한 노드에 묶입니다. 개발·테스트용입니다.
- NFS: 네트워크 파일시스템. 여러 노드가 함께 씁니다(ReadWriteMany). 성능은 보통입니다.
- CSI: 클라우드 디스크. 동적으로 만들고 확장하기 좋지만 성능은 클라우드에 따르고, 보통 한 노드만 붙습니다(ReadWriteOnce).

편집기의 \`local-path\`는 \`WaitForFirstConsumer\`입니다. 적용합니다.`,
        en: `A **StorageClass** defines a grade of storage. A claim that names a class gets a PV made for it by the class's **provisioner** (dynamic provisioning).

- HostPath/local: a directory on a node. Fast, tied to one node; for development and tests.
- NFS: a network filesystem shared by many nodes (ReadWriteMany); moderate speed.
- CSI: a cloud disk, dynamic and scalable, speed set by the cloud; usually one node at a time (ReadWriteOnce).

The editor's \`local-path\` class is \`WaitForFirstConsumer\`. Apply it.`,
      },
      editor: { file: 'sc-local-path.yaml', yaml: CLASS_AND_CLAIM },
      goals: [
        { id: 'class', text: { ko: '스토리지클래스 `local-path`가 있습니다', en: 'StorageClass `local-path` exists' }, check: objectExists(SC, undefined, 'local-path') },
        {
          id: 'waiting',
          text: { ko: '`cache`가 첫 소비자를 기다립니다', en: '`cache` waits for its first consumer' },
          check: allOf(pvcPhase('default', 'cache', 'Pending'), eventExists('WaitForFirstConsumer', 'cache', 'default')),
        },
      ],
      hint: { ko: '적용을 누르고 몇 틱 진행한 뒤 `kubectl describe pvc cache`를 읽습니다.', en: 'Press Apply, step a few ticks, then read `kubectl describe pvc cache`.' },
      explain: {
        ko: '`waiting for first consumer to be created before binding`. local-path 볼륨은 한 노드에 생기므로, 파드가 어느 노드에 갈지 정해질 때까지 만들지 않습니다. `Immediate` 클래스라면 바로 만들었을 것이고, 파드가 다른 노드에 가면 쓸 수 없게 됩니다.',
        en: '`waiting for first consumer to be created before binding`. A local-path volume lives on one node, so it is not made until the scheduler picks the pod\'s node. An `Immediate` class would make it at once, possibly on a node the pod cannot use.',
      },
      solution: [{ kind: 'apply', file: 'sc-local-path.yaml', yaml: CLASS_AND_CLAIM }, { kind: 'tick', count: 3 }],
    },
    {
      id: 'consumer',
      title: { ko: '볼륨에 쓴 파일은 남습니다', en: 'A file on a volume stays' },
      body: {
        ko: `편집기의 파드 \`keeper\`는 클레임 \`cache\`를 \`/data\`에 마운트합니다. 적용하고 안정화하면 스케줄러가 노드를 고르고, 프로비저너가 그 노드에 PV를 만들어 바인딩합니다.

그다음 1단계와 같은 실험을 합니다. \`/data/f\`에 쓰고, \`kill 1\`로 다시 시작하고, 다시 읽습니다.`,
        en: `Pod \`keeper\` in the editor mounts claim \`cache\` at \`/data\`. Apply and settle: the scheduler picks a node, the provisioner makes a PV there and binds it.

Then repeat the first experiment: write \`/data/f\`, restart with \`kill 1\`, read it again.`,
      },
      editor: { file: 'pod-keeper.yaml', yaml: KEEPER },
      goals: [
        { id: 'bound', text: { ko: '`cache`가 새로 만든 PV에 바인딩되었습니다', en: '`cache` is Bound to a newly made PV' }, check: pvcPhase('default', 'cache', 'Bound') },
        { id: 'restarted', text: { ko: '`keeper`의 컨테이너가 다시 시작했습니다', en: '`keeper`\'s container restarted' }, check: containerRestarts('default', 'keeper', 1) },
        { id: 'kept', text: { ko: '다시 시작한 뒤에도 `/data/f`에 `hi`가 있습니다', en: '`/data/f` still says `hi` after the restart' }, check: allOf(lastCommandMatches(/exec\s+keeper\b.*cat\s+\/data\/f/), lastOutputContains('hi')) },
      ],
      hint: {
        ko: "적용, 안정화, `kubectl exec keeper -- sh -c 'echo hi > /data/f'`, `kubectl exec keeper -- sh -c 'kill 1'`, 한 틱, `kubectl exec keeper -- cat /data/f` 순서입니다.",
        en: "Apply, Settle, `kubectl exec keeper -- sh -c 'echo hi > /data/f'`, `kubectl exec keeper -- sh -c 'kill 1'`, one tick, `kubectl exec keeper -- cat /data/f`.",
      },
      explain: {
        ko: '파일은 컨테이너 레이어가 아니라 PV에 있으므로 새 컨테이너도 같은 파일을 봅니다. 파드를 지우고 다시 만들어도 클레임이 남아 있으면 데이터도 남습니다.',
        en: 'The file lives on the PV, not in the container\'s layer, so the new container sees it. Even a deleted and re-created pod finds it again, as long as the claim stays.',
      },
      solution: [
        { kind: 'apply', file: 'pod-keeper.yaml', yaml: KEEPER },
        { kind: 'settle' },
        { kind: 'kubectl', line: "kubectl exec keeper -- sh -c 'echo hi > /data/f'" },
        { kind: 'kubectl', line: "kubectl exec keeper -- sh -c 'kill 1'" },
        { kind: 'tick', count: 3 },
        { kind: 'kubectl', line: 'kubectl exec keeper -- cat /data/f' },
      ],
    },
    {
      id: 'reclaim',
      title: { ko: 'Retain과 Delete', en: 'Retain and Delete' },
      body: {
        ko: `클레임을 지우면 PV의 **회수 정책**이 정합니다. \`Retain\`은 PV를 Released로 두고 데이터를 지키며, 정리는 관리자가 합니다. \`Delete\`는 PV와 실제 스토리지를 함께 지웁니다. 동적으로 만든 PV는 클래스의 \`reclaimPolicy\`를 따르고 기본값은 Delete입니다.

사용 중인 클레임은 지워지지 않고 기다리므로, 먼저 \`kubectl delete pod keeper\`로 파드를 지운 뒤 두 클레임을 지웁니다.`,
        en: `When a claim is deleted, the PV's **reclaim policy** decides. \`Retain\` leaves the PV Released with its data for an admin to clean up; \`Delete\` removes the PV and the storage behind it. Dynamically made PVs take the class's \`reclaimPolicy\`, which defaults to Delete.

A claim in use waits before it goes, so delete the pod first with \`kubectl delete pod keeper\`, then both claims.`,
      },
      command: 'kubectl delete pvc data cache',
      prediction: {
        question: { ko: '안정화한 뒤 `kubectl get pv`에는 무엇이 남을까요?', en: 'After settling, what will `kubectl get pv` list?' },
        choices: [
          { ko: '아무것도 없다', en: 'Nothing' },
          { ko: 'Released 상태의 `static-1g` 하나', en: '`static-1g` alone, Released' },
          { ko: '두 PV 모두 Available', en: 'Both PVs, Available' },
        ],
        answer: 1,
        explain: {
          ko: '`static-1g`는 Retain이라 데이터와 함께 남고, `cache`의 PV는 Delete라 사라집니다. Released PV는 `claimRef`가 남아 있어 새 클레임에 바로 바인딩되지 않습니다.',
          en: '`static-1g` is Retain, so it stays with its data; `cache`\'s PV is Delete, so it goes. A Released PV still carries its `claimRef`, so no new claim binds to it right away.',
        },
      },
      goals: [
        { id: 'claims-gone', text: { ko: '두 클레임이 지워졌습니다', en: 'Both claims are gone' }, check: (s) => !objectsOf(s, 'persistentvolumeclaims').some((c) => c.metadata.name === 'data' || c.metadata.name === 'cache') },
        { id: 'retained', text: { ko: '`static-1g`가 Released로 남았습니다', en: '`static-1g` stayed, Released' }, check: volumePhase('static-1g', 'Released') },
        { id: 'deleted', text: { ko: '`cache`의 PV가 지워졌습니다', en: '`cache`\'s PV was deleted' }, check: noVolumeFor('default', 'cache') },
      ],
      hint: { ko: '`kubectl delete pod keeper`, `kubectl delete pvc data cache`, 안정화, `kubectl get pv` 순서입니다.', en: '`kubectl delete pod keeper`, `kubectl delete pvc data cache`, Settle, `kubectl get pv`.' },
      explain: {
        ko: '중요한 데이터는 Retain으로 두거나 지우기 전에 백업합니다. Released PV를 다시 쓰려면 관리자가 데이터를 확인하고 `claimRef`를 지웁니다.',
        en: 'Keep important data on Retain volumes, or back it up before deleting. To reuse a Released PV, an admin checks the data and clears its `claimRef`.',
      },
      solution: [{ kind: 'kubectl', line: 'kubectl delete pod keeper' }, { kind: 'kubectl', line: 'kubectl delete pvc data cache' }, { kind: 'settle' }, { kind: 'kubectl', line: 'kubectl get pv' }],
    },
  ],
  recap: {
    ko: '파드의 파일시스템은 임시입니다. 컨테이너가 다시 시작되면 쓰기 레이어가 새로 생기고 파일이 사라집니다. 데이터를 남기려면 PVC로 PV를 요청합니다. 맞는 PV가 없고 스토리지클래스도 없으면 클레임은 Pending으로 기다립니다. 관리자가 PV를 만들면(정적) 바인딩되고, 스토리지클래스가 있으면 프로비저너가 PV를 만듭니다(동적). WaitForFirstConsumer는 파드의 노드가 정해질 때까지 기다립니다. HostPath는 빠르지만 한 노드에, NFS는 여러 노드가 함께(ReadWriteMany), CSI 클라우드 디스크는 동적이고 확장성이 좋습니다. 클레임을 지우면 Retain은 데이터를 남기고 Delete는 지웁니다.',
    en: 'A pod\'s filesystem is ephemeral: a restarted container gets a new writable layer and the file is gone. To keep data, request a PV with a PVC. With no matching PV and no StorageClass, the claim waits in Pending; a PV made by hand (static) binds it, and a StorageClass\'s provisioner makes one (dynamic). WaitForFirstConsumer waits for the pod\'s node. HostPath is fast but tied to one node, NFS is shared (ReadWriteMany), CSI cloud disks are dynamic and scale. Deleting a claim keeps the data under Retain and destroys it under Delete.',
  },
  challenge: {
    ko: 'NFS 스토리지클래스(`provisioner: nfs.csi.k8s.io`, `parameters: {server: nfs.example.com, share: /exports}`)와 ReadWriteMany 클레임을 만들고, 서로 다른 노드의 두 파드가 같은 파일을 읽는지 확인합니다. 같은 클레임을 ReadWriteOnce 클라우드 디스크(`ebs.csi.aws.com`)로 바꾸면 어떻게 되는지 예측해 봅니다.',
    en: 'Create an NFS StorageClass (`provisioner: nfs.csi.k8s.io`, `parameters: {server: nfs.example.com, share: /exports}`) and a ReadWriteMany claim, and check that two pods on different nodes read the same file. Predict what changes with a ReadWriteOnce cloud disk (`ebs.csi.aws.com`) instead.',
  },
};
