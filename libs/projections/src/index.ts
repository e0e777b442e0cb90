export * from './projection';
export * from './projections.module';
export type { ProjectionsOptions } from './nest/projection-tokens';
export type { ProjectionStatus, PartitionStatus } from './status/projection-status';
export { ProjectionConsumer, type ConsumerOptions } from './kafka/projection-consumer';
export { groupIdOf } from './kafka/consumer-group';
export { rebuildProjection, type RebuildReport } from './rebuild/rebuild-projection';
export * from './testing';
export { rebuildFromCommandLine, exitOnRebuildFailure } from './rebuild-command';
