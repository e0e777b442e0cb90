import type { Projection } from './projection';
import { eventCountByStream } from './testing/event-count-by-stream.projection';
import { faultProbe } from './testing/fault-probe.projection';

/** Builds a projection, optionally reading other topics than its own (tests use private ones). */
type ProjectionFactory = (topics?: readonly string[]) => Projection;

/**
 * The projections the command-line runner and rebuild know by name. A business module adds its
 * projections here so that they can be run on their own and rebuilt.
 */
const CATALOG: Readonly<Record<string, ProjectionFactory>> = {
  event_count_by_stream: (topics) => eventCountByStream(topics),
  fault_probe: (topics) => faultProbe(topics ?? []),
};

export function projectionNamed(name: string, topics?: readonly string[]): Projection | undefined {
  const factory = Object.hasOwn(CATALOG, name) ? CATALOG[name] : undefined;
  return factory?.(topics);
}

export const catalogNames = (): string[] => Object.keys(CATALOG);
