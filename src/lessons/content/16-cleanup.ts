import type { PersistentVolume, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../sim/objects';
import type { Lesson } from '../types';
import type { Check } from '../goals';
import { allOf, lastCommandMatches, lastErrorContains, lastOutputContains, not, objectExists, objectsOf, podsRunningWithLabel } from '../goals';

const NS = 'shop';

const podsOf = (s: Parameters<Check>[0]): (Pod & KubeObject)[] => objectsOf<Pod & KubeObject>(s, 'pods').filter((p) => p.metadata.namespace === NS) as (Pod & KubeObject)[];

/** Some pod of the namespace waits with this container reason. */
const podWaiting =
  (reason: string): Check =>
  (s) =>
    podsOf(s).some((p) => (p.status?.containerStatuses ?? []).some((c) => c.state?.waiting?.reason === reason));

/** The claim still exists but is being deleted, held by this finalizer. */
const claimTerminating =
  (name: string, finalizer: string): Check =>
  (s) =>
    objectsOf(s, 'persistentvolumeclaims').some((c) => c.metadata.namespace === NS && c.metadata.name === name && !!c.metadata.deletionTimestamp && (c.metadata.finalizers ?? []).includes(finalizer));

/** Gone from the store, not merely Terminating. */
const gone =
  (resource: string, name: string, ns: string | undefined = NS): Check =>
  (s) =>
    !objectsOf(s, resource).some((o) => o.metadata.name === name && (ns === undefined || o.metadata.namespace === ns));

/** No PersistentVolume was bound to a claim of the namespace any more. */
const noVolumesOfNamespace: Check = (s) => !objectsOf<PersistentVolume & KubeObject>(s, 'persistentvolumes').some((pv) => pv.spec?.claimRef?.namespace === NS);

const SHOP = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: storage.k8s.io/v1
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
  name: data
  namespace: shop
spec:
  storageClassName: local-path
  accessModes:
    - ReadWriteOnce
  resources:
    requests:
      storage: 1Gi
---
apiVersion: v1
kind: Secret
metadata:
  name: db
  namespace: shop
type: Opaque
stringData:
  password: s3cr3t
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: shop
data:
  LOG_LEVEL: info
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
          envFrom:
            - configMapRef:
                name: settings
          env:
            - name: DB_PASSWORD
              valueFrom:
                secretKeyRef:
                  name: db
                  key: password
          volumeMounts:
            - name: data
              mountPath: /usr/share/nginx/html
      volumes:
        - name: data
          persistentVolumeClaim:
            claimName: data
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  selector:
    app: web
  ports:
    - port: 80
`;

const SECRET = `apiVersion: v1
kind: Secret
metadata:
  name: db
  namespace: shop
type: Opaque
stringData:
  password: s3cr3t
`;

const RESTART = "kubectl exec deploy/web -n shop -- sh -c 'kill 1'";
const PVC_PROTECTION = 'kubernetes.io/pvc-protection';

export const cleanupLesson: Lesson = {
  id: 'cleanup',
  number: 16,
  title: { ko: '안전한 정리 순서', en: 'Safe cleanup order' },
  summary: {
    ko: '잘못된 순서로 지우면 무엇이 깨지는지 직접 보고(실행 중인 파드 아래에서 지운 시크릿, Terminating에 멈춘 PVC), 애플리케이션 → 네트워크 → 설정 → 스토리지 → 네임스페이스 순서로 아무것도 남기지 않고 정리합니다.',
    en: 'See what breaks when you delete in the wrong order (a Secret deleted under running pods, a PVC stuck Terminating), then tear down in the safe order, application → network → configuration → storage → namespace, leaving nothing behind.',
  },
  scenario: { cluster: { seed: 16, nodes: 2 }, manifests: [{ file: 'shop.yaml', yaml: SHOP }] },
  steps: [
    {
      id: 'secret-first',
      title: { ko: '실행 중인 파드 아래에서 시크릿 지우기', en: 'Delete a Secret under a running pod' },
      body: {
        ko: `네임스페이스 \`shop\`에 디플로이먼트 \`web\`, 서비스, 컨피그맵, 시크릿 \`db\`, PVC \`data\`가 있습니다. 파드는 \`db\`를 환경 변수로 읽고 \`data\`를 마운트합니다.

안정화한 뒤, 설정부터 정리하는 잘못된 순서로 시작합니다. 시크릿을 지웁니다.`,
        en: `Namespace \`shop\` holds Deployment \`web\`, a Service, a ConfigMap, Secret \`db\` and PVC \`data\`. The pod reads \`db\` as an environment variable and mounts \`data\`.

Press Settle, then start in the wrong order, with the configuration: delete the Secret.`,
      },
      command: 'kubectl delete secret db -n shop',
      prediction: {
        question: { ko: '실행 중인 `web` 파드는 어떻게 될까요?', en: 'What happens to the running `web` pod?' },
        choices: [
          { ko: '곧바로 멈춘다', en: 'It stops at once' },
          { ko: '아무 일 없이 계속 실행된다', en: 'Nothing: it keeps running' },
        ],
        answer: 1,
        explain: {
          ko: '환경 변수는 컨테이너가 시작할 때 한 번 채워집니다. 실행 중인 프로세스는 값을 이미 가지고 있습니다.',
          en: 'Environment variables are filled in once, when the container starts; the running process already has the value.',
        },
      },
      goals: [
        { id: 'deleted', text: { ko: '시크릿 `db`가 지워졌습니다', en: 'Secret `db` is deleted' }, check: gone('secrets', 'db') },
        { id: 'running', text: { ko: '`web` 파드는 아직 실행 중입니다', en: 'The `web` pod is still running' }, check: podsRunningWithLabel(NS, 'app', 'web', 1) },
      ],
      hint: { ko: '안정화를 누른 뒤 `kubectl delete secret db -n shop`을 실행합니다.', en: 'Press Settle, then run `kubectl delete secret db -n shop`.' },
      explain: {
        ko: 'API 서버는 아무 경고 없이 지웠습니다. 누가 이 시크릿을 쓰는지 확인하지 않습니다. 겉으로는 멀쩡하지만, 깨진 것은 다음 재시작 때 드러납니다.',
        en: 'The API server deleted it without a warning: it does not check who uses a Secret. Everything looks fine; the damage shows at the next restart.',
      },
      solution: [{ kind: 'settle' }, { kind: 'kubectl', line: 'kubectl delete secret db -n shop' }],
    },
    {
      id: 'restart',
      title: { ko: '다음 재시작', en: 'The next restart' },
      body: {
        ko: `컨테이너는 언제든 다시 시작될 수 있습니다. 노드 재부팅, 메모리 부족, 프로세스 종료가 모두 원인입니다. 주 프로세스를 끝내 재시작을 일으킵니다.

몇 틱 진행한 뒤 \`kubectl get pods -n shop\`을 보고, \`kubectl exec deploy/web -n shop -- env\`를 시도합니다.`,
        en: `A container can restart at any time: a node reboot, running out of memory, a process that exits. End the main process to cause one.

Step a few ticks, look at \`kubectl get pods -n shop\`, then try \`kubectl exec deploy/web -n shop -- env\`.`,
      },
      command: RESTART,
      goals: [
        { id: 'config-error', text: { ko: '파드가 CreateContainerConfigError입니다', en: 'The pod is in CreateContainerConfigError' }, check: podWaiting('CreateContainerConfigError') },
        { id: 'no-container', text: { ko: '`exec`가 실행 중인 컨테이너를 찾지 못했습니다', en: '`exec` found no running container' }, check: lastErrorContains('container not found') },
      ],
      hint: { ko: `\`${RESTART}\`, 몇 틱, 그다음 \`kubectl exec deploy/web -n shop -- env\`입니다.`, en: `\`${RESTART}\`, a few ticks, then \`kubectl exec deploy/web -n shop -- env\`.` },
      explain: {
        ko: 'kubelet은 새 컨테이너의 환경 변수를 만들다가 `secret "db" not found`로 멈췄습니다. 컨테이너가 없으므로 exec도 `unable to upgrade connection: container not found ("web")`로 실패합니다. 설정을 애플리케이션보다 먼저 지우면 이렇게 됩니다.',
        en: 'Building the new container\'s environment, the kubelet stopped at `secret "db" not found`. With no container, exec fails too: `unable to upgrade connection: container not found ("web")`. This is what deleting configuration before the application does.',
      },
      solution: [
        { kind: 'kubectl', line: RESTART },
        { kind: 'tick', count: 3 },
        { kind: 'kubectl', line: 'kubectl exec deploy/web -n shop -- env', expectError: 'container not found' },
      ],
    },
    {
      id: 'pvc-first',
      title: { ko: '사용 중인 PVC 지우기', en: 'Delete a PVC in use' },
      body: {
        ko: `이번에는 스토리지를 먼저 지워 봅니다. 파드가 아직 \`data\`를 마운트하고 있습니다.`,
        en: `Now delete the storage first. The pod still mounts \`data\`.`,
      },
      command: 'kubectl delete pvc data -n shop',
      prediction: {
        question: { ko: '몇 틱 뒤 `kubectl get pvc -n shop`에는 무엇이 보일까요?', en: 'A few ticks later, what does `kubectl get pvc -n shop` show?' },
        choices: [
          { ko: '아무것도 없다', en: 'Nothing' },
          { ko: '`data`가 Terminating으로 남아 있다', en: '`data`, Terminating' },
        ],
        answer: 1,
        explain: {
          ko: 'PVC에는 `kubernetes.io/pvc-protection` 파이널라이저가 있습니다. 이 파이널라이저는 클레임을 쓰는 파드가 남아 있는 동안 삭제를 끝내지 못하게 합니다.',
          en: 'The PVC carries the `kubernetes.io/pvc-protection` finalizer, which holds back the deletion while any pod still uses the claim.',
        },
      },
      goals: [{ id: 'stuck', text: { ko: '`data`가 Terminating에 멈췄습니다', en: '`data` is stuck Terminating' }, check: claimTerminating('data', PVC_PROTECTION) }],
      hint: { ko: '`kubectl delete pvc data -n shop`을 실행하고 몇 틱 진행합니다.', en: 'Run `kubectl delete pvc data -n shop` and step a few ticks.' },
      explain: {
        ko: '데이터를 쓰는 파드 밑에서 디스크가 사라지지 않도록 지켜 준 것입니다. 하지만 정리는 멈췄고, 무엇이 막고 있는지는 `kubectl describe pvc data -n shop`의 Used By 줄에서 봅니다.',
        en: 'This keeps the disk from vanishing under a pod that writes to it. But the cleanup is stuck; `kubectl describe pvc data -n shop` shows who holds it in its Used By line.',
      },
      solution: [{ kind: 'kubectl', line: 'kubectl delete pvc data -n shop' }, { kind: 'tick', count: 3 }],
    },
    {
      id: 'plan',
      title: { ko: '의존 관계 읽기', en: 'Read the dependencies' },
      body: {
        ko: `먼저 시크릿을 되살려 파드를 고칩니다. 편집기의 시크릿을 적용하면 kubelet이 다시 시도해 컨테이너를 띄웁니다.

그다음 Kube Orchestra의 \`cleanup plan -n shop\`(정리 뷰에서도 보입니다)으로 무엇이 무엇에 기대는지, 지금 지우면 무슨 일이 생기는지 읽습니다. 순서는 애플리케이션 → 네트워크 → 설정 → 스토리지 → 네임스페이스입니다.`,
        en: `First repair the pod by bringing the Secret back: apply the one in the editor and the kubelet retries and starts the container.

Then read Kube Orchestra's \`cleanup plan -n shop\` (also in the Cleanup view): what depends on what, and what deleting each thing now would do. The order is application → network → configuration → storage → namespace.`,
      },
      editor: { file: 'secret-db.yaml', yaml: SECRET },
      goals: [
        { id: 'recovered', text: { ko: '`web` 파드가 다시 실행 중입니다', en: 'The `web` pod runs again' }, check: allOf(objectExists('secrets', NS, 'db'), podsRunningWithLabel(NS, 'app', 'web', 1)) },
        { id: 'planned', text: { ko: '정리 계획을 읽었습니다', en: 'You read the cleanup plan' }, check: allOf(lastCommandMatches(/^cleanup\s+plan\b.*-n\s+shop/), lastOutputContains('kubernetes.io/pvc-protection')) },
      ],
      hint: { ko: '적용, 안정화, 그다음 콘솔에 `cleanup plan -n shop`입니다.', en: 'Apply, Settle, then `cleanup plan -n shop` in the console.' },
      explain: {
        ko: '계획은 디플로이먼트가 레플리카셋과 파드를 함께 지운다(캐스케이드)는 것, 시크릿과 컨피그맵을 아직 파드가 쓴다는 것, `data`가 파드가 사라질 때까지 멈춰 있다는 것, 그리고 PV의 회수 정책이 Delete라 데이터가 함께 지워진다는 것을 보여 줍니다. 중요한 데이터라면 지금 백업합니다.',
        en: 'The plan shows the Deployment cascading to its ReplicaSet and pod, the Secret and ConfigMap still in use, `data` stuck until the pod is gone, and the PV\'s reclaim policy Delete, which destroys the data with it. If the data matters, back it up now.',
      },
      solution: [{ kind: 'apply', file: 'secret-db.yaml', yaml: SECRET }, { kind: 'settle' }, { kind: 'kubectl', line: 'cleanup plan -n shop' }],
    },
    {
      id: 'application',
      title: { ko: '1. 애플리케이션', en: '1. The application' },
      body: {
        ko: `애플리케이션부터 지웁니다. 디플로이먼트를 지우면 가비지 컬렉터가 \`ownerReferences\`를 따라 레플리카셋과 파드를 지웁니다. 파드만 지우면 레플리카셋이 곧 다시 만듭니다.`,
        en: `Start with the application. Deleting the Deployment lets the garbage collector follow \`ownerReferences\` to its ReplicaSet and pod. Deleting only the pod would make the ReplicaSet create another.`,
      },
      command: 'kubectl delete deployment web -n shop',
      prediction: {
        question: { ko: '파드가 사라지면 Terminating이던 `data`는?', en: 'Once the pod is gone, what happens to the Terminating `data`?' },
        choices: [
          { ko: '계속 Terminating으로 남는다', en: 'It stays Terminating' },
          { ko: '삭제가 끝나고, PV도 회수 정책 Delete로 사라진다', en: 'Its deletion completes, and its PV goes too (reclaim policy Delete)' },
        ],
        answer: 1,
        explain: {
          ko: 'pvc-protection 컨트롤러가 쓰는 파드가 없음을 보고 파이널라이저를 뗍니다. 그러면 PV 컨트롤러가 회수 정책을 따릅니다.',
          en: 'The pvc-protection controller sees no pod using the claim and removes its finalizer; the PV controller then applies the reclaim policy.',
        },
      },
      goals: [
        { id: 'no-pods', text: { ko: '`shop`에 파드가 없습니다', en: 'No pods left in `shop`' }, check: (s) => podsOf(s).length === 0 },
        { id: 'claim-gone', text: { ko: '`data`와 그 PV가 사라졌습니다', en: '`data` and its PV are gone' }, check: allOf(gone('persistentvolumeclaims', 'data'), noVolumesOfNamespace) },
      ],
      hint: { ko: '`kubectl delete deployment web -n shop`을 실행하고 안정화합니다.', en: 'Run `kubectl delete deployment web -n shop` and settle.' },
      explain: {
        ko: '애플리케이션이 사라지자 멈춰 있던 스토리지 정리가 저절로 끝났습니다. 의존하는 쪽을 먼저 지우면 의존받는 쪽은 막힘 없이 지워집니다.',
        en: 'With the application gone, the stuck storage cleanup finished by itself. Delete what depends on things first, and the things it depended on go without getting stuck.',
      },
      solution: [{ kind: 'kubectl', line: 'kubectl delete deployment web -n shop' }, { kind: 'settle' }],
    },
    {
      id: 'network-config',
      title: { ko: '2–3. 네트워크와 설정', en: '2–3. Network and configuration' },
      body: {
        ko: `다음은 네트워크, 그다음 설정입니다. 서비스를 먼저 지우고, 컨피그맵과 시크릿을 지웁니다. 이제 이들을 쓰는 파드가 없으므로 아무것도 깨지지 않습니다.

\`kubectl delete service web -n shop\` 다음 \`kubectl delete configmap/settings secret/db -n shop\`을 실행합니다.`,
        en: `Next the network, then the configuration. Delete the Service first, then the ConfigMap and the Secret; no pod uses them any more, so nothing breaks.

Run \`kubectl delete service web -n shop\`, then \`kubectl delete configmap/settings secret/db -n shop\`.`,
      },
      command: 'kubectl delete service web -n shop',
      goals: [
        {
          id: 'gone',
          text: { ko: '서비스, 컨피그맵, 시크릿이 지워졌습니다', en: 'The Service, ConfigMap and Secret are gone' },
          check: allOf(gone('services', 'web'), gone('configmaps', 'settings'), gone('secrets', 'db')),
        },
      ],
      hint: { ko: '명령 두 개를 차례로 실행합니다.', en: 'Run the two commands one after the other.' },
      explain: {
        ko: '서비스를 지우면 그 엔드포인트슬라이스도 함께 지워집니다. 실제 운영에서는 한 단계씩 지우고 확인한 뒤 다음으로 넘어갑니다. 단계적으로 지워야 예상하지 못한 문제를 일찍 봅니다.',
        en: 'Deleting the Service took its EndpointSlice with it. On a real system, delete one level, check, then move on: going step by step shows surprises early.',
      },
      solution: [{ kind: 'kubectl', line: 'kubectl delete service web -n shop' }, { kind: 'kubectl', line: 'kubectl delete configmap/settings secret/db -n shop' }, { kind: 'settle' }],
    },
    {
      id: 'namespace',
      title: { ko: '5. 네임스페이스', en: '5. The namespace' },
      body: {
        ko: `스토리지는 이미 정리되었으므로 마지막은 네임스페이스입니다. 네임스페이스를 지우면 안에 남은 것을 모두 지우므로, 처음부터 이것만 지우면 순서를 통제할 수 없습니다.

지운 뒤 안정화하고 \`kubectl get all,pvc,pv,cm,secret -n shop\`으로 남은 것이 없는지 확인합니다.`,
        en: `Storage is already clean, so the namespace comes last. Deleting a namespace deletes everything left in it; doing only that from the start gives you no control over the order.

Delete it, settle, then check nothing is left with \`kubectl get all,pvc,pv,cm,secret -n shop\`.`,
      },
      command: 'kubectl delete namespace shop',
      goals: [
        { id: 'ns-gone', text: { ko: '`shop` 네임스페이스가 사라졌습니다', en: 'Namespace `shop` is gone' }, check: allOf(not((s) => objectsOf(s, 'namespaces').some((n) => n.metadata.name === NS)), noVolumesOfNamespace) },
        { id: 'checked', text: { ko: '남은 리소스가 없음을 확인했습니다', en: 'You checked that nothing is left' }, check: (s) => !!s.lastResult && /get\s+all,pvc,pv,cm,secret\s+-n\s+shop/.test(s.lastResult.command) && s.lastResult.stdout === '' },
      ],
      hint: { ko: '`kubectl delete namespace shop`, 안정화, 그다음 확인 명령입니다.', en: '`kubectl delete namespace shop`, Settle, then the check.' },
      explain: {
        ko: '네임스페이스는 Terminating을 거쳐 사라졌고 PV도 남지 않았습니다. 스토리지클래스 `local-path`는 클러스터 범위라 남아 있고, 다른 애플리케이션이 다시 씁니다.',
        en: 'The namespace went through Terminating and is gone, and no PV is left. StorageClass `local-path` is cluster-scoped and stays, ready for the next application.',
      },
      solution: [{ kind: 'kubectl', line: 'kubectl delete namespace shop' }, { kind: 'settle' }, { kind: 'kubectl', line: 'kubectl get all,pvc,pv,cm,secret -n shop' }],
    },
  ],
  recap: {
    ko: '정리는 의존 관계를 거꾸로 따라갑니다. 애플리케이션(디플로이먼트, 잡, 파드)을 먼저 지우고, 네트워크(서비스, 인그레스), 설정(컨피그맵, 시크릿), 스토리지(PVC, 그다음 PV), 마지막으로 네임스페이스를 지웁니다. 순서를 거꾸로 하면 실행 중인 파드가 다음 재시작에서 CreateContainerConfigError로 멈추고, 사용 중인 PVC는 pvc-protection 파이널라이저 때문에 Terminating에 멈춥니다. 회수 정책이 Delete인 볼륨은 데이터와 함께 사라지므로 중요한 데이터는 먼저 백업합니다. 한 단계씩 지우고 확인합니다.',
    en: 'Cleanup follows the dependencies backwards: the application first (Deployments, Jobs, Pods), then the network (Services, Ingresses), the configuration (ConfigMaps, Secrets), the storage (PVCs, then PVs), and the namespace last. In reverse, a running pod stops in CreateContainerConfigError at its next restart, and a PVC in use sits Terminating on its pvc-protection finalizer. Volumes with reclaim policy Delete take their data with them, so back up what matters first. Delete one level at a time and check.',
  },
  challenge: {
    ko: '스테이트풀셋과 `volumeClaimTemplates`로 같은 애플리케이션을 만들고 스테이트풀셋을 지워 봅니다. 클레임은 왜 남을까요? `persistentVolumeClaimRetentionPolicy`를 바꾸면 `cleanup plan`의 답이 어떻게 달라지는지 확인합니다.',
    en: 'Build the same application as a StatefulSet with `volumeClaimTemplates` and delete the StatefulSet. Why do the claims stay? Change `persistentVolumeClaimRetentionPolicy` and see how `cleanup plan` answers differently.',
  },
};
