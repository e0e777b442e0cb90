/** The station a walk-in or station stream belongs to: `queue-town-1-2024-06-03`, `station-hall`. */
export function stationOfStream(streamId: string): string | undefined {
  const queue = /^queue-(.+)-\d{4}-\d{2}-\d{2}$/.exec(streamId);
  if (queue) return queue[1];
  const station = /^station-(.+)$/.exec(streamId);
  return station?.[1];
}
