export { ClusterView } from './cluster/ClusterView';
export { GraphArea } from './GraphArea';
export { OwnersView } from './owners/OwnersView';
export { DetailsPanel, fetchSchedulingFromWorker, type DetailsPanelProps } from './details/DetailsPanel';
export { SchedulingTable, type SchedulingTableProps, type SchedulingNodeRow } from './details/SchedulingTable';
export type { FetchScheduling, SchedulingResultLike } from './details/SchedulingTab';
export { podDisplayStatus, type PodDisplayStatus, type PhaseCategory } from './model/podStatus';
export { namespaceColor, isSystemNamespace } from './model/nsColor';
