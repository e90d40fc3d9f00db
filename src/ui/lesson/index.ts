export { LessonPanel } from './LessonPanel';
export { lessonBridge, bridgeState } from './bridge';
export type { LessonBridgeHandlers } from './bridge';
export { lessonProgress } from './progress';
