import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { type MinutesByMode, minutesHere } from '../domain/coverage-recompute';
import type { DistrictGeography } from '../domain/district-geography';
import type { RoadNetwork } from '../domain/road-network';
import type { StationSet } from '../domain/station-set-minutes';
import type { TravelMode } from '../domain/travel-modes';
import type { FromSearchThread, StationList, ToSearchThread } from './mode-search.messages';

export interface ModeSearchOptions {
  /** Networks of at least this many nodes are searched on threads, one per travel mode. */
  readonly parallelFromNodes: number;
  /** The compiled thread script; by default the one built beside this file. */
  readonly threadFile?: string;
  /** Told when a thread fails and the searches run on this thread instead. */
  readonly onThreadFailure?: (error: Error) => void;
}

const THREAD_FILE = join(__dirname, 'mode-search.worker.js');

/**
 * The searches of a recompute, per travel mode. A district's network is searched in a few
 * milliseconds on the calling thread; a province's takes seconds per mode, and its modes are
 * independent, so each gets a thread of its own reading one shared copy of the network. A
 * thread that fails is dropped and that recompute runs here: slower, never wrong.
 */
export class ModeSearches {
  private readonly threads = new Map<TravelMode, SearchThread>();
  private readonly threadFile: string;

  constructor(private readonly options: ModeSearchOptions) {
    this.threadFile = options.threadFile ?? THREAD_FILE;
  }

  async minutesByMode(
    geography: DistrictGeography,
    setsByMode: ReadonlyMap<TravelMode, readonly StationSet[]>,
  ): Promise<MinutesByMode> {
    if (!this.parallel(geography)) return minutesHere(geography, setsByMode);
    try {
      const found = await Promise.all(
        [...setsByMode].map(
          async ([mode, sets]) =>
            [mode, await this.threadFor(mode).search(geography, mode, sets)] as const,
        ),
      );
      return new Map(found);
    } catch (error) {
      this.options.onThreadFailure?.(error as Error);
      await this.close();
      return minutesHere(geography, setsByMode);
    }
  }

  /** Threads running now. */
  get threadCount(): number {
    return this.threads.size;
  }

  /** Stops every thread; the next large recompute starts them again. */
  async close(): Promise<void> {
    const threads = [...this.threads.values()];
    this.threads.clear();
    await Promise.all(threads.map((t) => t.stop()));
  }

  private parallel(geography: DistrictGeography): boolean {
    return (
      geography.network.nodeCount >= this.options.parallelFromNodes && existsSync(this.threadFile)
    );
  }

  private threadFor(mode: TravelMode): SearchThread {
    let thread = this.threads.get(mode);
    if (!thread) this.threads.set(mode, (thread = new SearchThread(this.threadFile)));
    return thread;
  }
}

/** One mode's thread, answering one message at a time in the order they were sent. */
class SearchThread {
  private readonly worker: Worker;
  private readonly pending = new Map<number, (reply: FromSearchThread) => void>();
  private lastId = 0;
  private loadedFor?: DistrictGeography;
  private broken?: Error;

  constructor(file: string) {
    this.worker = new Worker(file);
    // An idle thread must not keep the process alive; one with work waiting must.
    this.worker.unref();
    this.worker.on('message', (reply: FromSearchThread) => this.settle(reply));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) => this.fail(new Error(`search thread exited with ${code}`)));
  }

  async search(
    geography: DistrictGeography,
    mode: TravelMode,
    sets: readonly StationSet[],
  ): Promise<Map<string, Float64Array>> {
    if (this.loadedFor !== geography) {
      await this.ask({
        kind: 'load',
        id: 0,
        network: sharedNetwork(geography.network),
        communities: geography.communities,
        speeds: geography.speeds,
        mode,
      });
      this.loadedFor = geography;
    }
    const { stations, members } = flatten(sets);
    const reply = await this.ask({ kind: 'search', id: 0, mode, stations, sets: members });
    if (reply.kind !== 'found') throw new Error(`search thread answered ${reply.kind}`);
    return new Map(sets.map((set, i) => [set.key, reply.minutes[i] ?? new Float64Array(0)]));
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }

  private ask(message: ToSearchThread): Promise<FromSearchThread> {
    if (this.broken) return Promise.reject(this.broken);
    const id = ++this.lastId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (reply) =>
        reply.kind === 'failed' ? reject(new Error(reply.message)) : resolve(reply),
      );
      if (this.pending.size === 1) this.worker.ref();
      this.worker.postMessage({ ...message, id });
    });
  }

  private settle(reply: FromSearchThread): void {
    const done = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker.unref();
    done?.(reply);
  }

  private fail(error: Error): void {
    this.broken ??= error;
    const waiting = [...this.pending.keys()];
    for (const id of waiting) this.settle({ kind: 'failed', id, message: this.broken.message });
  }
}

/** Only where each station stands goes over, each station once. */
function flatten(sets: readonly StationSet[]): { stations: StationList; members: Int32Array[] } {
  const place = new Map<string, number>();
  const ids: string[] = [];
  const lon: number[] = [];
  const lat: number[] = [];
  const members = sets.map((set) =>
    Int32Array.from(set.stations, (s) => {
      let at = place.get(s.stationId);
      if (at === undefined) {
        place.set(s.stationId, (at = ids.length));
        ids.push(s.stationId);
        lon.push(s.location.lon);
        lat.push(s.location.lat);
      }
      return at;
    }),
  );
  return { stations: { ids, lon: Float64Array.from(lon), lat: Float64Array.from(lat) }, members };
}

const shared = new WeakMap<RoadNetwork, RoadNetwork>();

/** The network on shared memory, copied once: threads then read it without a copy each. */
function sharedNetwork(network: RoadNetwork): RoadNetwork {
  let found = shared.get(network);
  if (found) return found;
  found = {
    nodeCount: network.nodeCount,
    lon: onShared(network.lon),
    lat: onShared(network.lat),
    firstEdge: onShared(network.firstEdge),
    edgeTarget: onShared(network.edgeTarget),
    edgeKm: onShared(network.edgeKm),
    edgeClass: onShared(network.edgeClass),
    edgeKmh: onShared(network.edgeKmh),
  };
  shared.set(network, found);
  return found;
}

type Numbers = Float64Array | Float32Array | Int32Array | Uint8Array;

function onShared<T extends Numbers>(array: T): T {
  const Kind = array.constructor as new (buffer: SharedArrayBuffer) => T;
  const copy = new Kind(new SharedArrayBuffer(array.byteLength));
  copy.set(array as never);
  return copy;
}
