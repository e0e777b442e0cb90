/**
 * One consumer group per projection and event log. The demo, the tests and the benchmarks share
 * one broker; a group shared across their databases would hand one database's consumer the
 * partitions another needs, and each would stall on what the other holds.
 */
export const groupIdOf = (projection: string, log?: string): string =>
  log === undefined
    ? `projection.${projection}`
    : `projection.${projection}.${log.replace(/[^A-Za-z0-9._-]/g, '-')}`;
