export * from './stream-event-source-mapping';
export * from './sources/stream-source';
export * from './sources/stream-source-kind';
export * from './checks/stream-event-source-mapping-checks';
export * from './metrics/event-source-mapping-metric';
