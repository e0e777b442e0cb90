export * from './event-count-by-stream.projection';
export * from './fault-probe.projection';
