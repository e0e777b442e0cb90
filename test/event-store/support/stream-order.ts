import type { ReadRecord } from './kafka-reader';

/**
 * What a consumer that drops versions it already has would see, per stream: it must be
 * 1, 2, 3, … with nothing missing and nothing out of order. Returns the problems found.
 */
export function streamOrderProblems(
  records: readonly ReadRecord[],
  expectedVersions: ReadonlyMap<string, number>,
): string[] {
  const seen = new Map<string, number>();
  const problems: string[] = [];
  for (const { event } of records) {
    const last = seen.get(event.streamId) ?? 0;
    if (event.streamVersion <= last) continue;
    if (event.streamVersion !== last + 1)
      problems.push(`${event.streamId}: v${event.streamVersion} arrived after v${last}`);
    seen.set(event.streamId, event.streamVersion);
  }
  for (const [streamId, version] of expectedVersions) {
    const reached = seen.get(streamId) ?? 0;
    if (reached !== version) problems.push(`${streamId}: reached v${reached} of v${version}`);
  }
  return problems;
}
