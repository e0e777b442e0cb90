/**
 * A map holding at most `limit` entries: setting one past that drops the entry set longest ago.
 * Setting a key again makes it the newest. What a process holds of what it last saw (folded
 * streams, people's keys, checked tokens) stays bounded however many it meets, and the ones in
 * use stay held. `onDrop` hears each key dropped for room, for whatever is kept beside it.
 */
export class RecentMap<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(
    private readonly limit: number,
    private readonly onDrop?: (key: K) => void,
  ) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`a recent map holds at least one entry, got a limit of ${limit}`);
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    // A Map iterates in insertion order, so its first key is the one set longest ago.
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.limit) break;
      this.entries.delete(oldest);
      this.onDrop?.(oldest);
    }
  }

  delete(key: K): boolean {
    return this.entries.delete(key);
  }
}
