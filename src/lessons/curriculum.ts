import type { Localized } from './types';

/** The course outline of DESIGN.md: every lesson, written or still to come. */
export interface CurriculumEntry {
  number: number;
  /** The id of the Lesson once it is written (see LESSONS). */
  id: string;
  title: Localized;
}

export const CURRICULUM: readonly CurriculumEntry[] = [
  { number: 1, id: 'orchestration', title: { ko: '왜 오케스트레이션이 필요한가', en: 'Why orchestration' } },
  { number: 2, id: 'namespaces', title: { ko: '네임스페이스와 리소스 계층 구조', en: 'Namespaces and the resource hierarchy' } },
  { number: 3, id: 'pods', title: { ko: '파드', en: 'Pods' } },
  { number: 4, id: 'controllers', title: { ko: '선언적 상태와 컨트롤러 루프(자가 치유)', en: 'Declarative state and the controller loop (self-healing)' } },
  { number: 5, id: 'deployments', title: { ko: '디플로이먼트와 롤링 업데이트', en: 'Deployments and rolling updates' } },
  { number: 6, id: 'jobs', title: { ko: '잡', en: 'Jobs' } },
  { number: 7, id: 'statefulsets', title: { ko: '스테이트풀셋', en: 'StatefulSets' } },
  { number: 8, id: 'labels', title: { ko: '레이블과 셀렉터', en: 'Labels and selectors' } },
  { number: 9, id: 'services', title: { ko: '서비스: ClusterIP, NodePort, LoadBalancer', en: 'Services: ClusterIP, NodePort, LoadBalancer' } },
  { number: 10, id: 'port-forward', title: { ko: 'port-forward', en: 'port-forward' } },
  { number: 11, id: 'networking', title: { ko: '파드 네트워킹과 CNI(Flannel, Calico, Weave)', en: 'Pod networking and CNI (Flannel, Calico, Weave)' } },
  { number: 12, id: 'storage', title: { ko: '스토리지: PV, PVC, 스토리지클래스, HostPath/NFS/CSI', en: 'Storage: PV, PVC, StorageClass, HostPath/NFS/CSI' } },
  { number: 13, id: 'secrets', title: { ko: '시크릿: base64, 환경 변수와 볼륨과 imagePullSecrets, RBAC', en: 'Secrets: base64, env vs volume vs imagePullSecrets, RBAC' } },
  { number: 14, id: 'architecture', title: { ko: '클러스터 아키텍처', en: 'Cluster architecture' } },
  { number: 15, id: 'node-prep', title: { ko: '노드 준비(swap, br_netfilter, ip_forward, SystemdCgroup)', en: 'Preparing a node (swap, br_netfilter, ip_forward, SystemdCgroup)' } },
  { number: 16, id: 'cleanup', title: { ko: '안전한 정리 순서', en: 'Safe cleanup order' } },
];
