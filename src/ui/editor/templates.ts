/**
 * New-file templates, one per kind the sim serves: small, valid manifests in the shape the
 * Kubernetes docs use, so each applies unchanged to a fresh cluster (templates.test.ts).
 */
export interface FileTemplate {
  kind: string;
  /** The file name the new tab gets (made unique by the workspace). */
  file: string;
  text: string;
}

const labels = (app: string, indent: string) => `${indent}labels:\n${indent}  app: ${app}\n`;

export const TEMPLATES: FileTemplate[] = [
  {
    kind: 'Pod',
    file: 'pod.yaml',
    text: `apiVersion: v1
kind: Pod
metadata:
  name: web
${labels('web', '  ')}spec:
  containers:
  - name: nginx
    image: nginx:1.27
    ports:
    - containerPort: 80
`,
  },
  {
    kind: 'Deployment',
    file: 'deployment.yaml',
    text: `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
${labels('web', '      ')}    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80
`,
  },
  {
    kind: 'Service',
    file: 'service.yaml',
    text: `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector:
    app: web
  ports:
  - protocol: TCP
    port: 80
    targetPort: 80
`,
  },
  {
    kind: 'ConfigMap',
    file: 'configmap.yaml',
    text: `apiVersion: v1
kind: ConfigMap
metadata:
  name: app-config
data:
  LOG_LEVEL: info
  app.properties: |
    greeting=hello
`,
  },
  {
    kind: 'Secret',
    file: 'secret.yaml',
    text: `apiVersion: v1
kind: Secret
metadata:
  name: db-credentials
type: Opaque
stringData:
  username: admin
  password: change-me
`,
  },
  {
    kind: 'PersistentVolumeClaim',
    file: 'pvc.yaml',
    text: `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes:
  - ReadWriteOnce
  resources:
    requests:
      storage: 1Gi
`,
  },
  {
    kind: 'StorageClass',
    file: 'storageclass.yaml',
    text: `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: fast
provisioner: rancher.io/local-path
reclaimPolicy: Delete
volumeBindingMode: WaitForFirstConsumer
`,
  },
  {
    kind: 'Job',
    file: 'job.yaml',
    text: `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  backoffLimit: 4
  template:
    spec:
      containers:
      - name: pi
        image: perl:5.34.0
        command: ["perl", "-Mbignum=bpi", "-wle", "print bpi(2000)"]
      restartPolicy: Never
`,
  },
  {
    kind: 'CronJob',
    file: 'cronjob.yaml',
    text: `apiVersion: batch/v1
kind: CronJob
metadata:
  name: hello
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - name: hello
            image: busybox:1.28
            command: ["/bin/sh", "-c", "date; echo Hello from the Kubernetes cluster"]
          restartPolicy: OnFailure
`,
  },
  {
    kind: 'StatefulSet',
    file: 'statefulset.yaml',
    text: `apiVersion: v1
kind: Service
metadata:
  name: db
spec:
  clusterIP: None
  selector:
    app: db
  ports:
  - port: 80
---
apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  replicas: 2
  selector:
    matchLabels:
      app: db
  template:
    metadata:
${labels('db', '      ')}    spec:
      containers:
      - name: nginx
        image: nginx:1.27
`,
  },
  {
    kind: 'DaemonSet',
    file: 'daemonset.yaml',
    text: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: node-agent
spec:
  selector:
    matchLabels:
      app: node-agent
  template:
    metadata:
${labels('node-agent', '      ')}    spec:
      containers:
      - name: agent
        image: busybox:1.28
        command: ["sh", "-c", "sleep 3600"]
`,
  },
  {
    kind: 'Ingress',
    file: 'ingress.yaml',
    text: `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
spec:
  rules:
  - host: web.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: web
            port:
              number: 80
`,
  },
  {
    kind: 'NetworkPolicy',
    file: 'networkpolicy.yaml',
    text: `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web-allow-frontend
spec:
  podSelector:
    matchLabels:
      app: web
  policyTypes:
  - Ingress
  ingress:
  - from:
    - podSelector:
        matchLabels:
          role: frontend
    ports:
    - protocol: TCP
      port: 80
`,
  },
  {
    kind: 'Role',
    file: 'role.yaml',
    text: `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: pod-reader
rules:
- apiGroups: [""]
  resources: ["pods"]
  verbs: ["get", "watch", "list"]
`,
  },
  {
    kind: 'RoleBinding',
    file: 'rolebinding.yaml',
    text: `apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: read-pods
subjects:
- kind: ServiceAccount
  name: default
  namespace: default
roleRef:
  kind: Role
  name: pod-reader
  apiGroup: rbac.authorization.k8s.io
`,
  },
  {
    kind: 'ServiceAccount',
    file: 'serviceaccount.yaml',
    text: `apiVersion: v1
kind: ServiceAccount
metadata:
  name: builder
`,
  },
  {
    kind: 'Namespace',
    file: 'namespace.yaml',
    text: `apiVersion: v1
kind: Namespace
metadata:
  name: dev
`,
  },
  {
    kind: 'ResourceQuota',
    file: 'resourcequota.yaml',
    text: `apiVersion: v1
kind: ResourceQuota
metadata:
  name: compute
spec:
  hard:
    pods: "10"
    requests.cpu: "4"
    requests.memory: 8Gi
`,
  },
];
