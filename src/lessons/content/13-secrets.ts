import type { Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../sim/objects';
import type { Lesson } from '../types';
import type { Check } from '../goals';
import { allOf, clusterSetting, findObject, lastCommandMatches, lastErrorContains, lastOutputContains, not, objectExists, podRunning } from '../goals';

/** Some container of the pod waits with one of these reasons (ErrImagePull, CreateContainerConfigError ...). */
const containerWaiting =
  (ns: string, pod: string, reasons: readonly string[]): Check =>
  (s) =>
    (findObject<Pod & KubeObject>(s, 'pods', ns, pod)?.status?.containerStatuses ?? []).some((c) => reasons.includes(c.state?.waiting?.reason ?? ''));

const SECRET = `apiVersion: v1
kind: Secret
metadata:
  name: db
type: Opaque
stringData:
  password: s3cr3t
`;

const ROTATED = `apiVersion: v1
kind: Secret
metadata:
  name: db
type: Opaque
stringData:
  password: n3w-s3cr3t-2025
`;

const APP = `apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  imagePullSecrets:
    - name: regcred
  containers:
    - name: app
      image: registry.example.com/team/app:1.0
      env:
        - name: DB_PASSWORD
          valueFrom:
            secretKeyRef:
              name: db
              key: password
      volumeMounts:
        - name: db
          mountPath: /etc/db
          readOnly: true
  volumes:
    - name: db
      secret:
        secretName: db
        defaultMode: 0400
`;

const RBAC = `apiVersion: v1
kind: ServiceAccount
metadata:
  name: reader
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: configmap-reader
rules:
  - apiGroups: [""]
    resources: ["configmaps"]
    verbs: ["get", "list", "watch"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: reader-reads-configmaps
subjects:
  - kind: ServiceAccount
    name: reader
    namespace: default
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: configmap-reader
`;

const GET_PASSWORD = "kubectl get secret db -o jsonpath='{.data.password}'";
const ETCD = 'etcdctl get /registry/secrets/default/db';
const AS_READER = '--as=system:serviceaccount:default:reader';
const RBAC_GROUP = 'rbac.authorization.k8s.io';

export const secretsLesson: Lesson = {
  id: 'secrets',
  number: 13,
  title: { ko: '시크릿과 보안: base64, 암호화, RBAC', en: 'Secrets and security: base64, encryption, RBAC' },
  summary: {
    ko: '시크릿(Secret)이 base64일 뿐이라는 것을 디코딩해서 확인하고, 환경 변수·볼륨·imagePullSecrets로 쓰고, etcd 암호화를 켠 뒤 다시 써 보고, RBAC으로 시크릿을 읽지 못하게 막습니다.',
    en: 'Decode a Secret to see it is only base64, use it as env, as a volume and as an image pull secret, turn on encryption at rest and re-write it, then keep a ServiceAccount out of Secrets with RBAC.',
  },
  scenario: { cluster: { seed: 13, nodes: 2 }, manifests: [{ file: 'secret-db.yaml', yaml: SECRET }] },
  steps: [
    {
      id: 'base64',
      title: { ko: 'base64는 암호화가 아닙니다', en: 'base64 is not encryption' },
      body: {
        ko: `**시크릿(Secret)**은 비밀번호, 토큰, 인증서를 파드 정의와 따로 담는 오브젝트입니다. 시나리오가 \`password: s3cr3t\`를 담은 시크릿 \`db\`를 만들었습니다. API 서버는 값을 \`data\` 아래 **base64**로 인코딩해 보여 줍니다.

값을 꺼낸 뒤 Kube Orchestra의 \`base64 -d 값\`으로 디코딩합니다.`,
        en: `A **Secret** holds passwords, tokens and certificates apart from the pod spec. The scenario created Secret \`db\` with \`password: s3cr3t\`. The API server shows values under \`data\`, **base64**-encoded.

Read the value, then decode it with Kube Orchestra's \`base64 -d VALUE\`.`,
      },
      command: GET_PASSWORD,
      goals: [
        {
          id: 'decoded',
          text: { ko: '비밀번호를 디코딩해 `s3cr3t`를 읽었습니다', en: 'You decoded the password and read `s3cr3t`' },
          check: allOf(lastCommandMatches(/^base64\s+(-d|--decode)\s/), lastOutputContains('s3cr3t')),
        },
      ],
      hint: { ko: `\`${GET_PASSWORD}\`는 \`czNjcjN0\`을 출력합니다. 그다음 \`base64 -d czNjcjN0\`입니다.`, en: `\`${GET_PASSWORD}\` prints \`czNjcjN0\`; then run \`base64 -d czNjcjN0\`.` },
      explain: {
        ko: 'base64는 바이너리도 텍스트로 옮기기 위한 인코딩입니다. 키가 없으니 누구나 되돌립니다. 시크릿을 읽을 수 있는 사람은 값을 아는 사람입니다. 그래서 누가 읽을 수 있는지(RBAC)와 어디에 어떻게 저장되는지(etcd 암호화)가 중요합니다.',
        en: 'base64 is an encoding that carries bytes as text. There is no key: anyone can reverse it. Whoever can read the Secret knows the value, so what matters is who may read it (RBAC) and how it is stored (encryption at rest).',
      },
      solution: [{ kind: 'kubectl', line: GET_PASSWORD }, { kind: 'kubectl', line: 'base64 -d czNjcjN0' }],
    },
    {
      id: 'three-ways',
      title: { ko: '파드가 시크릿을 쓰는 세 가지 방법', en: 'Three ways a pod uses a Secret' },
      body: {
        ko: `편집기의 파드 \`app\`은 시크릿을 세 가지로 씁니다.

- **환경 변수**(\`secretKeyRef\`): 간단하지만 프로세스 환경에 들어가 로그나 프로세스 정보로 새기 쉽습니다.
- **볼륨**(\`secret\`): 파일로 마운트하며 \`defaultMode: 0400\`처럼 권한을 정합니다. 인증서 같은 민감한 데이터에 알맞습니다.
- **imagePullSecrets**: 비공개 레지스트리에서 이미지를 받을 인증 정보를 파드 단위로 지정합니다.

\`regcred\`는 아직 없습니다. 적용하고 몇 틱 진행합니다.`,
        en: `Pod \`app\` in the editor uses Secrets three ways:

- **Environment variables** (\`secretKeyRef\`): simple, but the value sits in the process environment, easy to leak through logs or process listings.
- **A volume** (\`secret\`): files, with permissions such as \`defaultMode: 0400\`; the choice for sensitive data like certificates.
- **imagePullSecrets**: credentials, per pod, for pulling from a private registry.

\`regcred\` does not exist yet. Apply and step a few ticks.`,
      },
      editor: { file: 'pod-app.yaml', yaml: APP },
      goals: [{ id: 'pull-fails', text: { ko: '`app`의 이미지를 받지 못합니다', en: '`app`\'s image cannot be pulled' }, check: containerWaiting('default', 'app', ['ErrImagePull', 'ImagePullBackOff']) }],
      hint: { ko: '적용을 누르고 몇 틱 진행한 뒤 `kubectl describe pod app`의 이벤트를 읽습니다.', en: 'Press Apply, step a few ticks, then read the events of `kubectl describe pod app`.' },
      explain: {
        ko: '이벤트에 `Unable to retrieve some image pull secrets (regcred)`와 레지스트리의 `401 Unauthorized`가 있습니다. 파드는 ImagePullBackOff로 다시 시도할 때까지 기다립니다.',
        en: 'The events say `Unable to retrieve some image pull secrets (regcred)`, then the registry\'s `401 Unauthorized`. The pod waits in ImagePullBackOff between retries.',
      },
      solution: [{ kind: 'apply', file: 'pod-app.yaml', yaml: APP }, { kind: 'tick', count: 6 }],
    },
    {
      id: 'pull-secret',
      title: { ko: '레지스트리 인증 시크릿', en: 'A registry credential Secret' },
      body: {
        ko: `\`kubectl create secret docker-registry\`는 \`kubernetes.io/dockerconfigjson\` 타입 시크릿을 만듭니다. kubelet은 이미지를 받을 때 이 인증 정보를 레지스트리에 보냅니다.

만든 뒤 안정화하고 \`kubectl exec app -- env\`와 \`kubectl exec app -- cat /etc/db/password\`로 두 경로의 값을 비교합니다.`,
        en: `\`kubectl create secret docker-registry\` makes a Secret of type \`kubernetes.io/dockerconfigjson\`; the kubelet sends those credentials to the registry when it pulls.

Create it, settle, then compare both paths with \`kubectl exec app -- env\` and \`kubectl exec app -- cat /etc/db/password\`.`,
      },
      command: 'kubectl create secret docker-registry regcred --docker-server=registry.example.com --docker-username=learner --docker-password=pa55word',
      goals: [
        { id: 'regcred', text: { ko: '`regcred`가 있습니다', en: '`regcred` exists' }, check: objectExists('secrets', 'default', 'regcred') },
        { id: 'running', text: { ko: '`app`이 실행 중입니다', en: '`app` is running' }, check: podRunning('default', 'app') },
        { id: 'file', text: { ko: '볼륨 파일에서 비밀번호를 읽었습니다', en: 'You read the password from the volume file' }, check: allOf(lastCommandMatches(/exec\s+app\b.*cat\s+\/etc\/db\/password/), lastOutputContains('s3cr3t')) },
      ],
      hint: { ko: '명령을 실행하고 안정화한 뒤 `kubectl exec app -- cat /etc/db/password`를 실행합니다.', en: 'Run the command, settle, then `kubectl exec app -- cat /etc/db/password`.' },
      explain: {
        ko: '컨테이너 안에서는 두 경로 모두 디코딩된 값 `s3cr3t`입니다. 차이는 노출 범위입니다. 환경 변수는 프로세스가 끝날 때까지 고정되고, 볼륨 파일은 시크릿이 바뀌면 kubelet이 갱신합니다.',
        en: 'Inside the container both paths hold the decoded `s3cr3t`. The difference is exposure: an env var is fixed for the life of the process, while the kubelet refreshes volume files when the Secret changes.',
      },
      solution: [
        { kind: 'kubectl', line: 'kubectl create secret docker-registry regcred --docker-server=registry.example.com --docker-username=learner --docker-password=pa55word' },
        { kind: 'settle' },
        { kind: 'kubectl', line: 'kubectl exec app -- env' },
        { kind: 'kubectl', line: 'kubectl exec app -- cat /etc/db/password' },
      ],
    },
    {
      id: 'encryption',
      title: { ko: 'etcd 암호화 켜기', en: 'Turn on encryption at rest' },
      body: {
        ko: `API 서버는 모든 오브젝트를 **etcd**에 저장합니다. 기본 설정에서 시크릿은 etcd에 평문으로 들어갑니다. etcd 백업을 손에 넣은 사람은 비밀번호를 그대로 읽습니다.

**저장 시 암호화**는 API 서버의 설정(\`--encryption-provider-config\`)입니다. \`cluster encryption-at-rest on\`은 이 설정을 켜는 Kube Orchestra 명령이고, \`etcdctl get\`은 etcd에 실제로 저장된 값을 보여 줍니다. 켠 뒤 \`${ETCD}\`를 실행합니다.`,
        en: `The API server stores every object in **etcd**. By default, Secrets sit there in plain text: anyone holding an etcd backup reads the password.

**Encryption at rest** is an API server setting (\`--encryption-provider-config\`). \`cluster encryption-at-rest on\` is the Kube Orchestra command that turns it on, and \`etcdctl get\` shows what etcd really holds. Turn it on, then run \`${ETCD}\`.`,
      },
      command: 'cluster encryption-at-rest on',
      prediction: {
        question: { ko: '켠 직후 etcd의 `db`는 어떻게 보일까요?', en: 'Right after the switch, how does `db` look in etcd?' },
        choices: [
          { ko: '`k8s:enc:aescbc:v1:`로 시작하는 암호문', en: 'Ciphertext starting with `k8s:enc:aescbc:v1:`' },
          { ko: '여전히 `s3cr3t`가 보이는 평문', en: 'Still plain text with `s3cr3t` in it' },
        ],
        answer: 1,
        explain: {
          ko: '암호화는 쓰기 시점에 일어납니다. 이미 저장된 시크릿은 다시 쓸 때까지 평문으로 남습니다.',
          en: 'Encryption happens on write. Secrets stored earlier stay plain until they are written again.',
        },
      },
      goals: [
        { id: 'on', text: { ko: '저장 시 암호화가 켜졌습니다', en: 'Encryption at rest is on' }, check: clusterSetting('encryptionAtRest', true) },
        { id: 'still-plain', text: { ko: 'etcd에서 `db`가 아직 평문입니다', en: '`db` is still plain text in etcd' }, check: allOf(lastCommandMatches(/^etcdctl get/), lastOutputContains('s3cr3t')) },
      ],
      hint: { ko: `\`cluster encryption-at-rest on\` 다음 \`${ETCD}\`입니다.`, en: `\`cluster encryption-at-rest on\`, then \`${ETCD}\`.` },
      explain: {
        ko: '`k8s\\x00` 뒤에 `password`와 `s3cr3t`가 그대로 보입니다. 실제 클러스터에서도 설정을 켠 뒤 기존 시크릿을 모두 다시 써야 합니다.',
        en: 'After `k8s\\x00` you can still read `password` and `s3cr3t`. On a real cluster too, every existing Secret has to be re-written after the switch.',
      },
      solution: [{ kind: 'kubectl', line: 'cluster encryption-at-rest on' }, { kind: 'kubectl', line: ETCD }],
    },
    {
      id: 'rotate',
      title: { ko: '교체하면서 다시 쓰기', en: 'Rotate, and re-write' },
      body: {
        ko: `비밀번호는 강하게 만들고 주기적으로 **교체**합니다. 편집기의 시크릿은 \`db\`의 새 비밀번호입니다. 적용하면 API 서버가 시크릿을 다시 쓰고, 이번에는 암호화해서 저장합니다.

적용한 뒤 \`${ETCD}\`로 다시 확인합니다.`,
        en: `Passwords should be strong and **rotated** regularly. The editor holds a new password for \`db\`. Applying it makes the API server write the Secret again, encrypted this time.

Apply, then look again with \`${ETCD}\`.`,
      },
      editor: { file: 'secret-db.yaml', yaml: ROTATED },
      goals: [
        {
          id: 'encrypted',
          text: { ko: 'etcd의 `db`가 암호문입니다', en: '`db` is ciphertext in etcd' },
          check: allOf(lastCommandMatches(/^etcdctl get/), lastOutputContains('k8s:enc:aescbc:v1:key1:'), not(lastOutputContains('s3cr3t'))),
        },
      ],
      hint: { ko: `적용을 누른 뒤 \`${ETCD}\`를 실행합니다.`, en: `Press Apply, then run \`${ETCD}\`.` },
      explain: {
        ko: '이제 etcd에는 `k8s:enc:aescbc:v1:key1:`과 암호문만 있습니다. `kubectl get secret`은 여전히 base64로 보여 줍니다. 암호화는 저장소를 지킬 뿐, API 권한이 있는 사람을 막지 않습니다. 볼륨 파일은 kubelet이 곧 새 값으로 갱신하지만, 환경 변수는 파드를 다시 만들어야 바뀝니다.',
        en: 'etcd now holds only `k8s:enc:aescbc:v1:key1:` and ciphertext. `kubectl get secret` still shows base64: encryption protects the storage, not against someone with API access. The kubelet soon refreshes the volume file, while the env var changes only when the pod is re-created.',
      },
      solution: [{ kind: 'apply', file: 'secret-db.yaml', yaml: ROTATED }, { kind: 'kubectl', line: ETCD }],
    },
    {
      id: 'rbac',
      title: { ko: '컨피그맵만 읽는 서비스어카운트', en: 'A ServiceAccount that reads ConfigMaps' },
      body: {
        ko: `**RBAC**은 누가(주체) 어떤 리소스에 무엇을(동사) 할 수 있는지 정합니다. **롤(Role)**은 한 네임스페이스 안의 권한 목록이고, **롤바인딩(RoleBinding)**이 그 롤을 주체에게 줍니다. 편집기는 서비스어카운트 \`reader\`에게 컨피그맵의 get, list, watch만 줍니다. 최소 권한 원칙입니다.

적용한 뒤 \`kubectl auth can-i\`로 \`reader\`가 되어 물어봅니다.`,
        en: `**RBAC** decides who (a subject) may do what (verbs) to which resources. A **Role** lists permissions inside one namespace; a **RoleBinding** grants it to subjects. The editor grants ServiceAccount \`reader\` get, list and watch on ConfigMaps, nothing more: least privilege.

Apply, then ask \`kubectl auth can-i\` as \`reader\`.`,
      },
      editor: { file: 'rbac-reader.yaml', yaml: RBAC },
      goals: [
        { id: 'binding', text: { ko: '롤바인딩 `reader-reads-configmaps`가 있습니다', en: 'RoleBinding `reader-reads-configmaps` exists' }, check: objectExists(`rolebindings.${RBAC_GROUP}`, 'default', 'reader-reads-configmaps') },
        {
          id: 'can-i',
          text: { ko: '`reader`가 컨피그맵을 나열할 수 있다는 답을 받았습니다', en: 'You were told `reader` may list ConfigMaps' },
          check: allOf(lastCommandMatches(/auth\s+can-i\s+list\s+(configmaps|cm)\b.*--as[= ]system:serviceaccount:default:reader/), lastOutputContains('yes')),
        },
      ],
      hint: { ko: `적용한 뒤 \`kubectl auth can-i list configmaps ${AS_READER}\`를 실행합니다.`, en: `Apply, then run \`kubectl auth can-i list configmaps ${AS_READER}\`.` },
      explain: {
        ko: '`--as`는 다른 사용자인 것처럼 요청하는 가장(impersonation)입니다. 서비스어카운트의 사용자 이름은 `system:serviceaccount:네임스페이스:이름`입니다. 같은 질문을 `get secrets`로 바꾸면 `no`가 나옵니다.',
        en: '`--as` impersonates another user; a ServiceAccount\'s user name is `system:serviceaccount:NAMESPACE:NAME`. Ask the same about `get secrets` and the answer is `no`.',
      },
      solution: [{ kind: 'apply', file: 'rbac-reader.yaml', yaml: RBAC }, { kind: 'kubectl', line: `kubectl auth can-i list configmaps ${AS_READER}` }],
    },
    {
      id: 'forbidden',
      title: { ko: '시크릿은 거부됩니다', en: 'Secrets are forbidden' },
      body: {
        ko: `이제 \`reader\`로 시크릿 목록을 요청합니다. 롤에는 \`secrets\`가 없습니다. RBAC에는 거부 규칙이 없고, 허용되지 않은 것은 모두 거부입니다.`,
        en: `Now list Secrets as \`reader\`. The Role does not mention \`secrets\`; RBAC has no deny rules, and whatever is not allowed is denied.`,
      },
      command: `kubectl get secrets ${AS_READER}`,
      prediction: {
        question: { ko: 'API 서버는 무엇이라고 답할까요?', en: 'What will the API server answer?' },
        choices: [
          { ko: '빈 목록 (`No resources found`)', en: 'An empty list (`No resources found`)' },
          { ko: '`Forbidden` 오류', en: 'A `Forbidden` error' },
        ],
        answer: 1,
        explain: {
          ko: '빈 목록은 "볼 수 있지만 없음"입니다. 권한이 없으면 API 서버는 요청 자체를 403 Forbidden으로 거절합니다.',
          en: 'An empty list means "allowed, but none". Without permission the API server refuses the request itself with 403 Forbidden.',
        },
      },
      goals: [
        {
          id: 'denied',
          text: { ko: '`reader`의 시크릿 요청이 거부되었습니다', en: '`reader`\'s request for Secrets was denied' },
          check: lastErrorContains('secrets is forbidden: User "system:serviceaccount:default:reader" cannot list resource "secrets"'),
        },
      ],
      hint: { ko: `\`kubectl get secrets ${AS_READER}\`를 실행합니다.`, en: `Run \`kubectl get secrets ${AS_READER}\`.` },
      explain: {
        ko: '`Error from server (Forbidden): secrets is forbidden: User "system:serviceaccount:default:reader" cannot list resource "secrets" in API group "" in the namespace "default"`. 오류가 누가, 무엇을, 어디서 하려 했는지 알려 줍니다. 시크릿은 네임스페이스별로 나누고, 읽기 권한은 꼭 필요한 주체에게만 줍니다.',
        en: '`Error from server (Forbidden): secrets is forbidden: User "system:serviceaccount:default:reader" cannot list resource "secrets" in API group "" in the namespace "default"`. The error names who tried what, where. Keep Secrets per namespace and grant read access only to the subjects that need it.',
      },
      solution: [{ kind: 'kubectl', line: `kubectl get secrets ${AS_READER}`, expectError: 'secrets is forbidden' }],
    },
  ],
  recap: {
    ko: '시크릿은 base64로 인코딩될 뿐 암호화되지 않습니다. 파드는 시크릿을 환경 변수(간단하지만 노출 위험), 볼륨 파일(권한 제어, 민감한 데이터), imagePullSecrets(비공개 레지스트리)로 씁니다. etcd에 평문으로 남지 않게 하려면 API 서버의 저장 시 암호화를 켜고 기존 시크릿을 다시 써야 합니다. 시크릿은 네임스페이스별로 만들고, 강한 비밀번호를 주기적으로 교체하고, RBAC으로 읽을 수 있는 주체를 최소로 줄입니다.',
    en: 'A Secret is base64-encoded, not encrypted. Pods use Secrets as env vars (simple, easier to leak), volume files (permissions, for sensitive data) and imagePullSecrets (private registries). To keep them out of etcd in plain text, turn on the API server\'s encryption at rest and re-write existing Secrets. Create Secrets per namespace, use strong passwords and rotate them, and let RBAC grant read access to as few subjects as possible.',
  },
  challenge: {
    ko: '`reader`에게 시크릿 `db` 하나만 get할 수 있는 권한을 `resourceNames`로 주고, `kubectl auth can-i get secret/db`와 `kubectl auth can-i list secrets`의 답이 왜 다른지 설명해 봅니다.',
    en: 'Give `reader` get on the single Secret `db` with `resourceNames`, then explain why `kubectl auth can-i get secret/db` and `kubectl auth can-i list secrets` answer differently.',
  },
};
