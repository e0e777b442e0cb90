import type { EventStore, StoredEvent } from '@circle/event-store';
import { RecentMap } from '@circle/kernel';

export interface Folded<S> {
  readonly state: S;
  /** The stream's version this state reflects: the expected version of the next append. */
  readonly version: number;
}

/**
 * Streams of one kind, folded and kept in memory by stream version. Events never change once
 * written, so a state folded to version n stays true of version n: a load reads only what came
 * after it, and an append at n fails if anything did. Only states read from the log or
 * committed to it are kept, the least recently used dropped beyond `limit`.
 */
export class FoldedStreams<S> {
  private readonly cache: RecentMap<string, Folded<S>>;

  constructor(
    private readonly store: EventStore,
    private readonly evolve: (state: S, event: StoredEvent) => S,
    private readonly initial: () => S,
    limit: number,
    /** How events read from the log are made ready to fold (their personal fields opened). */
    readonly read: (events: StoredEvent[]) => Promise<StoredEvent[]> = async (events) => events,
  ) {
    this.cache = new RecentMap(limit);
  }

  /** The latest state, with whatever other processes appended since this one last looked. */
  async current(streamId: string): Promise<Folded<S>> {
    const known = this.known(streamId);
    const events = await this.read(await this.store.readStream(streamId, known.version + 1));
    return this.advance(streamId, known, events);
  }

  /** The state this process holds, without a read; the initial state at version 0 if none. */
  known(streamId: string): Folded<S> {
    return this.cache.get(streamId) ?? { state: this.initial(), version: 0 };
  }

  /** `from` folded on with the events the log holds after it (as read, or as appended). */
  advance(streamId: string, from: Folded<S>, events: readonly StoredEvent[]): Folded<S> {
    if (from.version === 0 && events.length === 0) return from;
    let { state, version } = from;
    for (const event of events) {
      state = this.evolve(state, event);
      version = event.streamVersion;
    }
    return this.remember(streamId, { state, version });
  }

  /** A state the log holds at `folded.version`; an older one never replaces a newer. */
  private remember(streamId: string, folded: Folded<S>): Folded<S> {
    const held = this.cache.get(streamId);
    this.cache.set(streamId, held && held.version > folded.version ? held : folded);
    return folded;
  }
}
