export * from './template/stream-source-kind';
export * from './rules/rule-group';
export * from './construct/stream-event-source-mapping';
export * from './construct/stream-source';
export * from './construct/event-source-mapping-metric';
export * from './aspect/stream-event-source-mapping-checks';
export * from './plugin/stream-event-source-mapping-validator';
