export { messagesOfTick, writerOf } from './messages';
export type { TickInput, TraceOptions } from './messages';
export type { ArchMessage, ArchMessageKind, Component } from './types';
export { CONTROL_PLANE_COMPONENTS, NODE_COMPONENTS } from './types';
