import type { Lesson } from '../types';
import type { Check } from '../goals';
import { cronJobRuns, eventTotal, jobComplete, jobFailed, jobPodsInPhase, lastOutputContains, objectsOf } from '../goals';

const PI = `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  template:
    spec:
      containers:
        - name: pi
          image: perl:5.34.0
          command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"]
      restartPolicy: Never
  backoffLimit: 4
`;

const BATCH_ALWAYS = `apiVersion: batch/v1
kind: Job
metadata:
  name: batch
spec:
  completions: 6
  parallelism: 2
  template:
    spec:
      containers:
        - name: worker
          image: busybox:1.36
          command: ["sh", "-c", "echo processing one item; sleep 5"]
      restartPolicy: Always
`;

const BATCH = BATCH_ALWAYS.replace('restartPolicy: Always', 'restartPolicy: Never');

const failing = (name: string, restartPolicy: string) => `apiVersion: batch/v1
kind: Job
metadata:
  name: ${name}
spec:
  backoffLimit: 2
  template:
    spec:
      containers:
        - name: etl
          image: busybox:1.36
          command: ["sh", "-c", "echo connecting to db.example.internal; exit 1"]
      restartPolicy: ${restartPolicy}
`;

const ETL = failing('etl', 'Never');
const ETL_ON_FAILURE = failing('etl-retry', 'OnFailure');

const HELLO = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: hello
spec:
  schedule: "*/1 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: hello
              image: busybox:1.36
              command: ["sh", "-c", "date; echo Hello from the Kubernetes cluster"]
          restartPolicy: OnFailure
`;

/** The Job made exactly one pod over its whole life (OnFailure restarts in place). */
const onePodEver =
  (job: string): Check =>
  (s) =>
    eventTotal(s, 'SuccessfulCreate', job) === 1;

/** The Job's pod restarted its container at least once. */
const restartedInPlace =
  (job: string): Check =>
  (s) =>
    objectsOf(s, 'pods').some(
      (p) =>
        (p.metadata.ownerReferences ?? []).some((r) => r.kind === 'Job' && r.name === job) &&
        ((p as { status?: { containerStatuses?: { restartCount?: number }[] } }).status?.containerStatuses ?? []).some((c) => (c.restartCount ?? 0) > 0),
    ) || jobFailed('default', job)(s);

/** Some Job of the CronJob has the Complete condition. */
const cronJobCompleted =
  (cronJob: string): Check =>
  (s) =>
    objectsOf(s, 'jobs.batch').some(
      (j) => (j.metadata.ownerReferences ?? []).some((r) => r.kind === 'CronJob' && r.name === cronJob) && jobComplete(j.metadata.namespace ?? 'default', j.metadata.name)(s),
    );

export const jobsLesson: Lesson = {
  id: 'jobs',
  number: 6,
  title: { ko: '잡', en: 'Jobs' },
  summary: {
    ko: '끝나는 일을 잡(Job)으로 실행합니다. 완료, 병렬 실행, 실패와 재시도 한도를 한 틱씩 확인합니다.',
    en: 'Run work that finishes as a Job: completion, parallel runs, failure and the retry limit, tick by tick.',
  },
  scenario: { cluster: { seed: 6, nodes: 2 }, manifests: [] },
  steps: [
    {
      id: 'pi',
      title: { ko: '끝나는 파드', en: 'A pod that finishes' },
      body: {
        ko: `웹 서버는 계속 실행되어야 하지만, 배치 처리나 ETL 작업은 할 일을 마치면 끝나야 합니다. **잡(Job)**은 이런 일회성 작업을 관리합니다. 파드를 만들고, 파드가 성공적으로 끝나면 잡을 완료로 표시합니다.

편집기의 잡은 Kubernetes 문서의 잡 예제입니다. perl로 원주율을 2000자리까지 계산해 출력합니다. 적용하고 시계를 진행합니다.`,
        en: `A web server should run forever; a batch or ETL job should stop once its work is done. A **Job** manages that kind of one-off work: it creates pods, and when they finish successfully it marks itself complete.

The Job in the editor is the Kubernetes docs' Job example: perl computes π to 2000 digits and prints it. Apply it and step the clock.`,
      },
      editor: { file: 'job-pi.yaml', yaml: PI },
      prediction: {
        question: { ko: 'perl이 원주율을 출력하고 끝납니다. 그다음 파드는 어떻게 될까요?', en: 'perl prints π and exits. What happens to the pod then?' },
        choices: [
          { ko: '레플리카셋의 파드처럼 다시 시작된다', en: 'It restarts, like a ReplicaSet\'s pod' },
          { ko: '`Completed`로 남고 다시 시작되지 않는다', en: 'It stays as `Completed` and never restarts' },
          { ko: '즉시 삭제된다', en: 'It is deleted at once' },
        ],
        answer: 1,
        explain: {
          ko: '`restartPolicy: Never`이므로 kubelet은 끝난 컨테이너를 다시 시작하지 않습니다. 파드는 `Succeeded` 단계로 남아 로그를 읽을 수 있습니다.',
          en: 'With `restartPolicy: Never` the kubelet does not restart a finished container. The pod stays in phase `Succeeded`, so its logs can still be read.',
        },
      },
      goals: [
        { id: 'complete', text: { ko: '잡 `pi`가 완료되었습니다', en: 'Job `pi` is complete' }, check: jobComplete('default', 'pi', 1) },
        { id: 'succeeded', text: { ko: '`pi`의 파드가 Succeeded입니다', en: '`pi`\'s pod has Succeeded' }, check: jobPodsInPhase('default', 'pi', 'Succeeded', 1) },
      ],
      hint: { ko: 'Apply를 누르고 Settle로 빨리 감습니다.', en: 'Press Apply, then fast-forward with Settle.' },
      explain: {
        ko: '잡 컨트롤러가 파드 하나를 만들었고(`SuccessfulCreate`), 컨테이너가 종료 코드 0으로 끝나자 `succeeded`를 1로 올리고 `Complete` 조건을 달았습니다(`Completed` 이벤트). 더는 파드를 만들지 않습니다.',
        en: 'The Job controller created one pod (`SuccessfulCreate`). When its container exited with code 0, it set `succeeded` to 1 and added the `Complete` condition (the `Completed` event). It makes no more pods.',
      },
      solution: [{ kind: 'apply', file: 'job-pi.yaml', yaml: PI }, { kind: 'settle' }],
    },
    {
      id: 'read',
      title: { ko: '결과 읽기', en: 'Read the result' },
      body: {
        ko: `끝난 잡의 결과는 파드 로그에 남습니다. \`kubectl logs job/pi\`는 잡의 파드를 찾아 로그를 보여 줍니다.`,
        en: `A finished Job's output stays in its pod's log. \`kubectl logs job/pi\` finds the Job's pod and prints its log.`,
      },
      command: 'kubectl logs job/pi',
      goals: [{ id: 'pi', text: { ko: '로그에 `3.14159`가 보입니다', en: 'The log shows `3.14159`' }, check: lastOutputContains('3.14159') }],
      hint: { ko: '콘솔에 `kubectl logs job/pi`를 입력합니다.', en: 'Type `kubectl logs job/pi` in the console.' },
      explain: {
        ko: '원주율 2000자리가 나왔습니다. 파드를 지우면 로그도 사라집니다. `ttlSecondsAfterFinished`를 설정하면 끝난 잡과 파드를 정해진 시간 뒤에 자동으로 지웁니다.',
        en: 'There are the 2000 digits. Deleting the pod deletes the log with it. Set `ttlSecondsAfterFinished` to have finished Jobs and their pods removed automatically after that many seconds.',
      },
      solution: [{ kind: 'kubectl', line: 'kubectl logs job/pi' }],
    },
    {
      id: 'parallel',
      title: { ko: '여러 번, 동시에', en: 'Many times, side by side' },
      body: {
        ko: `\`completions\`는 성공해야 하는 파드 수, \`parallelism\`은 동시에 실행할 파드 수입니다. 편집기의 잡은 항목 6개를 2개씩 처리합니다.

이 파일에는 실수가 하나 있습니다. 디플로이먼트에서 복사한 \`restartPolicy: Always\`입니다. 적용하고 API 서버의 답을 읽은 뒤 \`Never\`로 고쳐 다시 적용합니다.`,
        en: `\`completions\` is how many pods must succeed; \`parallelism\` how many run at once. The Job in the editor processes six items, two at a time.

The file has one mistake: \`restartPolicy: Always\`, copied from a Deployment. Apply, read the API server's answer, change it to \`Never\` and apply again.`,
      },
      editor: { file: 'job-batch.yaml', yaml: BATCH_ALWAYS },
      prediction: {
        question: { ko: '고친 잡을 적용하고 시계를 진행합니다. 파드는 한 번에 몇 개씩 실행될까요?', en: 'You apply the fixed Job and step the clock. How many pods run at a time?' },
        choices: [
          { ko: '6개 한꺼번에', en: 'All six at once' },
          { ko: '2개씩, 하나가 끝나면 다음 하나', en: 'Two; as one finishes, the next starts' },
          { ko: '1개씩 차례로', en: 'One after another' },
        ],
        answer: 1,
        explain: {
          ko: '잡 컨트롤러는 실행 중인 파드를 `parallelism` 이하로 유지하고, 남은 완료 수보다 많이 만들지 않습니다.',
          en: 'The Job controller keeps at most `parallelism` pods active, and never more than the completions still needed.',
        },
      },
      goals: [
        { id: 'complete', text: { ko: '잡 `batch`가 6번 성공해 완료되었습니다', en: 'Job `batch` completed with 6 successes' }, check: jobComplete('default', 'batch', 6) },
        { id: 'pods', text: { ko: 'Succeeded 파드가 6개입니다', en: 'Six pods Succeeded' }, check: jobPodsInPhase('default', 'batch', 'Succeeded', 6) },
      ],
      hint: {
        ko: '오류는 `spec.template.spec.restartPolicy`를 가리킵니다. 잡에는 `Never`나 `OnFailure`만 쓸 수 있습니다.',
        en: 'The error points at `spec.template.spec.restartPolicy`. A Job accepts only `Never` or `OnFailure`.',
      },
      explain: {
        ko: '첫 적용은 `spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"`로 거부되었습니다. `Always`라면 파드가 끝나지 않으므로 잡이 완료될 수 없습니다. 고친 뒤에는 잡 컨트롤러가 파드를 2개씩 만들었고, 6번 성공하자 `Complete`가 되었습니다.',
        en: 'The first apply was refused: `spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"`. With `Always` a pod would never finish, so the Job could never complete. After the fix, the Job controller kept two pods running until six had succeeded, then marked itself `Complete`.',
      },
      solution: [
        { kind: 'apply', file: 'job-batch.yaml', yaml: BATCH_ALWAYS, expectError: 'valid values: "OnFailure", "Never"' },
        { kind: 'apply', file: 'job-batch.yaml', yaml: BATCH },
        { kind: 'settle' },
      ],
    },
    {
      id: 'fails',
      title: { ko: '실패하는 잡', en: 'A Job that fails' },
      body: {
        ko: `이 ETL 잡은 데이터베이스에 연결하지 못하고 종료 코드 1로 끝납니다. \`backoffLimit: 2\`는 재시도를 두 번까지 허용한다는 뜻입니다.

\`restartPolicy: Never\`이면 실패할 때마다 잡 컨트롤러가 **새 파드**를 만듭니다. 재시도 사이의 대기 시간은 10초, 20초, 40초처럼 두 배씩 늘어납니다(최대 6분). 적용하고 시계를 진행합니다.`,
        en: `This ETL Job cannot reach its database and exits with code 1. \`backoffLimit: 2\` allows two retries.

With \`restartPolicy: Never\`, the Job controller makes a **new pod** for each retry, waiting longer each time: 10s, 20s, 40s… (capped at 6 minutes). Apply it and step the clock.`,
      },
      editor: { file: 'job-etl.yaml', yaml: ETL },
      goals: [
        { id: 'failed', text: { ko: '잡 `etl`이 `BackoffLimitExceeded`로 실패했습니다', en: 'Job `etl` failed with `BackoffLimitExceeded`' }, check: jobFailed('default', 'etl', 'BackoffLimitExceeded') },
        { id: 'three', text: { ko: 'Failed 파드가 3개입니다', en: 'Three pods Failed' }, check: jobPodsInPhase('default', 'etl', 'Failed', 3) },
      ],
      hint: { ko: 'Apply를 누른 뒤 Settle을 누르고, `kubectl describe job etl`로 이벤트를 읽습니다.', en: 'Press Apply, then Settle, and read the events with `kubectl describe job etl`.' },
      explain: {
        ko: '첫 파드와 재시도 두 번, 모두 3개의 파드가 실패했습니다. 잡 컨트롤러는 `Failed` 조건(이유 `BackoffLimitExceeded`)을 달고 `Job has reached the specified backoff limit` 경고 이벤트를 남겼습니다. 실패한 파드는 로그를 읽을 수 있도록 남습니다.',
        en: 'The first pod and two retries: three pods failed. The Job controller set the `Failed` condition (reason `BackoffLimitExceeded`) and wrote the warning `Job has reached the specified backoff limit`. The failed pods stay, so you can read their logs.',
      },
      solution: [{ kind: 'apply', file: 'job-etl.yaml', yaml: ETL }, { kind: 'settle' }],
    },
    {
      id: 'on-failure',
      title: { ko: 'Never와 OnFailure', en: 'Never versus OnFailure' },
      body: {
        ko: `같은 잡을 \`restartPolicy: OnFailure\`로 실행합니다. 이름은 \`etl-retry\`입니다.

\`OnFailure\`이면 새 파드를 만들지 않습니다. kubelet이 **같은 파드 안에서** 컨테이너를 다시 시작하고, 파드의 \`RESTARTS\`가 늘어납니다. 재시도 한도에 닿으면 잡은 실패하고 그 파드를 종료합니다.`,
        en: `Run the same Job with \`restartPolicy: OnFailure\`, named \`etl-retry\`.

With \`OnFailure\` no new pod is made: the kubelet restarts the container **inside the same pod**, and the pod's \`RESTARTS\` count grows. When the retries reach the limit, the Job fails and terminates that pod.`,
      },
      editor: { file: 'job-etl-retry.yaml', yaml: ETL_ON_FAILURE },
      prediction: {
        question: { ko: '`etl-retry`는 실패할 때까지 파드를 몇 개 만들까요?', en: 'How many pods will `etl-retry` create before it fails?' },
        choices: [
          { ko: '1개', en: 'One' },
          { ko: '3개', en: 'Three' },
          { ko: '끝없이', en: 'Endlessly' },
        ],
        answer: 0,
        explain: {
          ko: '재시도는 kubelet이 같은 파드 안에서 합니다. 잡 컨트롤러는 컨테이너 재시작 횟수를 세어 한도와 비교합니다.',
          en: 'The kubelet retries inside the one pod; the Job controller counts container restarts against the limit.',
        },
      },
      goals: [
        { id: 'failed', text: { ko: '잡 `etl-retry`가 실패했습니다', en: 'Job `etl-retry` failed' }, check: jobFailed('default', 'etl-retry', 'BackoffLimitExceeded') },
        { id: 'one', text: { ko: '파드는 하나만 만들어졌습니다', en: 'Only one pod was ever created' }, check: onePodEver('etl-retry') },
        { id: 'restarts', text: { ko: '컨테이너가 같은 파드 안에서 다시 시작되었습니다', en: 'The container restarted inside its pod' }, check: restartedInPlace('etl-retry') },
      ],
      hint: { ko: 'Apply를 누르고 Step을 누르며 `kubectl get pods`의 RESTARTS 열을 봅니다.', en: 'Press Apply, Step, and watch the RESTARTS column of `kubectl get pods`.' },
      explain: {
        ko: '파드는 하나였고, kubelet이 컨테이너를 다시 시작할 때마다 대기 시간이 길어졌습니다(`CrashLoopBackOff`). 재시작 횟수가 한도에 닿자 잡 컨트롤러가 `Failed`를 달고 파드를 지웠습니다. 실패 기록을 파드로 남기려면 `Never`, 파드를 아끼려면 `OnFailure`가 알맞습니다.',
        en: 'There was one pod; each time the kubelet restarted the container it waited longer (`CrashLoopBackOff`). When the restarts reached the limit, the Job controller set `Failed` and removed the pod. Use `Never` to keep every failed attempt as a pod, `OnFailure` to spare pods.',
      },
      solution: [{ kind: 'apply', file: 'job-etl-retry.yaml', yaml: ETL_ON_FAILURE }, { kind: 'settle' }],
    },
    {
      id: 'cron',
      title: { ko: '정해진 시각마다', en: 'On a timetable' },
      body: {
        ko: `정해진 시각마다 잡을 만들려면 **크론잡(CronJob)**을 씁니다. \`schedule\`은 리눅스 cron 형식(분 시 일 월 요일)입니다. \`*/1 * * * *\`은 매분입니다.

크론잡 컨트롤러는 시각이 되면 \`jobTemplate\`으로 잡을 하나 만들고, 그 뒤는 잡 컨트롤러가 맡습니다. 이 시뮬레이터에서 한 틱은 1초입니다. 적용하고 60틱 이상 진행합니다(\`kubectl tick 60\`).`,
        en: `To create Jobs on a timetable, use a **CronJob**. \`schedule\` uses the cron format (minute hour day month weekday); \`*/1 * * * *\` means every minute.

When the time comes, the CronJob controller creates a Job from \`jobTemplate\`, and the Job controller takes it from there. In this simulator one tick is one second: apply, then step at least 60 ticks (\`kubectl tick 60\`).`,
      },
      editor: { file: 'cronjob-hello.yaml', yaml: HELLO },
      goals: [
        { id: 'ran', text: { ko: '크론잡 `hello`가 잡을 만들었습니다', en: 'CronJob `hello` created a Job' }, check: cronJobRuns('default', 'hello', 1) },
        { id: 'done', text: { ko: '그 잡이 완료되었습니다', en: 'That Job completed' }, check: cronJobCompleted('hello') },
      ],
      hint: { ko: 'Apply를 누른 뒤 콘솔에 `kubectl tick 70`을 입력합니다.', en: 'Press Apply, then type `kubectl tick 70` in the console.' },
      explain: {
        ko: '분이 바뀌는 순간 크론잡 컨트롤러가 `hello-<예정 시각>` 잡을 만들었습니다(`SuccessfulCreate`). 잡 이름의 숫자는 예정 시각을 분 단위로 센 값입니다. 성공한 잡은 `successfulJobsHistoryLimit`(기본 3)개까지, 실패한 잡은 `failedJobsHistoryLimit`(기본 1)개까지 남습니다.',
        en: 'As the minute turned, the CronJob controller created Job `hello-<scheduled time>` (`SuccessfulCreate`); the number is the scheduled time counted in minutes. Up to `successfulJobsHistoryLimit` (3 by default) finished Jobs and `failedJobsHistoryLimit` (1) failed ones are kept.',
      },
      solution: [{ kind: 'apply', file: 'cronjob-hello.yaml', yaml: HELLO }, { kind: 'tick', count: 75 }],
    },
  ],
  recap: {
    ko: '잡은 배치 처리나 ETL처럼 끝나는 일을 실행하고, 일이 끝나면 더 실행하지 않습니다. `completions`는 필요한 성공 수, `parallelism`은 동시 실행 수입니다. 잡의 `restartPolicy`는 `Never`나 `OnFailure`만 허용됩니다. `Never`면 실패할 때마다 새 파드를, `OnFailure`면 같은 파드 안에서 재시작을 시도하고, 어느 쪽이든 `backoffLimit`을 넘으면 `Failed`가 됩니다. 크론잡은 `schedule`에 맞춰 잡을 만듭니다.',
    en: 'A Job runs work that ends, such as batch processing or ETL, and stops once it is done. `completions` is how many successes are needed, `parallelism` how many run at once. A Job accepts only `Never` or `OnFailure` as `restartPolicy`: `Never` retries with a new pod, `OnFailure` restarts inside the same pod, and either way the Job is `Failed` past `backoffLimit`. A CronJob creates Jobs on its `schedule`.',
  },
  challenge: {
    ko: '새 잡 `slow`를 `completions: 4`, `parallelism: 2`, `activeDeadlineSeconds: 8`로 만들고 `sleep 5`를 실행합니다. 잡이 어떻게 끝날지 예측하고 확인합니다. 그다음 `hello`에 `suspend: true`를 더해 적용하고 120틱 동안 잡이 생기는지 봅니다.',
    en: 'Create a new Job `slow` with `completions: 4`, `parallelism: 2` and `activeDeadlineSeconds: 8` that runs `sleep 5`. Predict how it ends, then check. Next, add `suspend: true` to `hello`, apply, and watch 120 ticks for new Jobs.',
  },
};
