/** CONTRACT of this library: one consumer group per projection, named after it. */
export const groupIdOf = (projection: string): string => `projection.${projection}`;
