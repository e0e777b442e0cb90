import type { Client } from 'pg';
import { topicOfEventType } from '../kafka/topic-of-event';
import type { RelayedEvent } from '../stored-event';
import { LogPosition, positionOf } from '../store/log-position';
import { eventLogId } from '../kafka/event-log-name';
import type { EventPublisher, RelayLogger } from './event-publisher';
import { eventsInOnePass } from './pass-size';
import { readRelayBatch } from './relay-batches';
import { RelayStart, loadCheckpoint, saveCheckpoint } from './relay-checkpoint';
import { openRelaySession } from './relay-session';
import { NO_RELAY_METRICS, RelayMetrics } from './relay-metrics';
import { idlePause } from './idle-pause';

export interface OutboxRelayOptions {
  readonly databaseUrl: string;
  readonly publisher: EventPublisher;
  /** Names the checkpoint and the lock; relays with different names run side by side. */
  readonly name?: string;
  readonly batchSize?: number;
  /** Pause after a pass that found nothing to relay; doubled while the log stays quiet. */
  readonly idleMs?: number;
  /** The longest pause on a quiet log (see idle-pause.ts). */
  readonly idleMaxMs?: number;
  /**
   * Pause after a pass that relayed less than a full batch (10 ms). Every millisecond slept is lag
   * on the events appended meanwhile, but each pass costs its read, a Kafka request and the
   * broker's answer whatever it carries: with settlements appended at 600 a second (bench
   * `relay`), passes 2 ms apart carried about three events each and cost the relay's thread, its
   * PostgreSQL session and the broker 0.61–0.76 ms of CPU an event; 10 ms apart, about eight
   * and 0.39–0.43 ms.
   */
  readonly busyMs?: number;
  /** Pause between attempts to take over while another process relays. */
  readonly standbyMs?: number;
  readonly errorBackoffMs?: number;
  readonly startAt?: RelayStart;
  /** See RelaySessionOptions: how soon a frozen or cut-off leader gives way to a standby. */
  readonly sessionTimeoutMs?: number;
  readonly metrics?: RelayMetrics;
  readonly logger?: RelayLogger;
}

interface ReadBatch {
  readonly events: readonly RelayedEvent[];
  /** The read came back full: more may wait behind it. */
  readonly full: boolean;
}

/**
 * Publishes committed events to Kafka in commit order, at least once: the checkpoint moves only
 * after Kafka acknowledged the batch, so a crash in between publishes the batch again and
 * consumers drop what they have by stream version.
 *
 * Per-stream order holds because every append transaction writes its events first and to one
 * stream only: a transaction appending version n+1 saw version n committed before it received
 * its own id, so n+1 always has the larger transaction id, and the relay reads in
 * (transaction id, position) order below the gate explained in read-events.ts. Kafka keeps it
 * per partition (key = stream id), with one idempotent request in flight.
 *
 * Polling, not LISTEN/NOTIFY: NOTIFY makes every appending commit queue on one database-wide
 * lock, and a notification arrives when a transaction commits, not when the gate opens past it,
 * so the relay would have to poll anyway. An idle poll is one index probe, every `idleMs` at
 * first and less often while the log stays quiet (idle-pause.ts).
 *
 * One relay per name across all processes: the leader holds a session advisory lock on its own
 * connection, which also reads the log and writes the checkpoint, so losing that connection
 * loses the lock and the right to move the checkpoint together. relay-session.ts makes sure a
 * connection that died without a word (a frozen or cut-off leader) is noticed on both ends.
 */
export class OutboxRelay {
  private readonly name: string;
  private readonly batchSize: number;
  private readonly metrics: RelayMetrics;
  private readonly logger: RelayLogger;
  private client?: Client;
  private checkpoint?: LogPosition;
  /** The checkpoint moved past an acknowledged batch and is saved with the next read. */
  private unsaved = false;
  private readAhead?: Promise<readonly RelayedEvent[]>;
  /** Events read but not yet sent: the rest of a read larger than one pass may send. */
  private held?: ReadBatch;
  private running?: Promise<void>;
  private stopping = false;
  private wake?: () => void;
  private reportedLag?: number;

  constructor(private readonly options: OutboxRelayOptions) {
    this.name = options.name ?? 'outbox';
    this.batchSize = options.batchSize ?? 2000;
    this.metrics = options.metrics ?? NO_RELAY_METRICS;
    this.logger = options.logger ?? console;
  }

  get leading(): boolean {
    return this.checkpoint !== undefined;
  }

  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = this.loop();
  }

  /** Lets the current batch finish, then releases the lock and disconnects. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.running;
    this.running = undefined;
    await this.saveUnsaved().catch((error: unknown) => {
      this.logger.warn(`relay ${this.name}: last checkpoint not saved: ${messageOf(error)}`);
    });
    await this.close();
  }

  /** One batch, for tests and tools: takes the lock if it is free, else throws. */
  async relayOnce(): Promise<readonly RelayedEvent[]> {
    if (!(await this.lead())) throw new Error(`relay ${this.name} is led by another process`);
    const events = await this.pass();
    await this.saveUnsaved();
    return events;
  }

  private async loop(): Promise<void> {
    const idleMs = this.options.idleMs ?? 20;
    const idleMaxMs = this.options.idleMaxMs ?? 100;
    let quietPasses = 0;
    while (!this.stopping) {
      let pause: number;
      try {
        if (await this.lead()) {
          const relayed = await this.pass();
          quietPasses = relayed.length === 0 ? quietPasses + 1 : 0;
          if (this.readAhead || this.held) pause = 0;
          else if (relayed.length > 0) pause = this.options.busyMs ?? 10;
          else pause = idlePause(quietPasses, idleMs, idleMaxMs);
        } else {
          pause = this.options.standbyMs ?? 1000;
        }
      } catch (error) {
        this.logger.error(`relay ${this.name}: ${messageOf(error)}; resuming from the checkpoint`);
        await this.close();
        pause = this.options.errorBackoffMs ?? 1000;
      }
      if (pause > 0 && !this.stopping) await this.sleep(pause);
    }
  }

  private async lead(): Promise<boolean> {
    if (this.checkpoint) return true;
    const client = await this.connect();
    const { rows } = await client.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked',
      [`outbox-relay:${this.name}`],
    );
    if (!rows[0]?.locked) return false;
    const checkpoint = await loadCheckpoint(client, this.name, this.options.startAt ?? 'beginning');
    this.options.publisher.tagWithLog?.(await eventLogId(client));
    await this.options.publisher.connect();
    this.checkpoint = checkpoint;
    this.logger.log(
      `relay ${this.name} leading from transaction ${checkpoint.transactionId}, position ${checkpoint.position}`,
    );
    return true;
  }

  private async pass(): Promise<readonly RelayedEvent[]> {
    const { client, checkpoint } = this;
    if (!client || !checkpoint) throw new Error(`relay ${this.name} is not leading`);
    const read = this.held ?? (await this.read(client, checkpoint));
    this.held = undefined;
    const events = read.events.slice(0, eventsInOnePass(read.events));
    const last = events.at(-1);
    if (!last) {
      // Reported once: on a relay thread each report wakes the app's main thread.
      if (this.reportedLag !== 0) this.metrics.lag((this.reportedLag = 0));
      return events;
    }
    // What did not fit goes in the next pass, read once, not read again.
    if (events.length < read.events.length)
      this.held = { events: read.events.slice(events.length), full: read.full };
    const published = this.options.publisher.publish(events);
    if (!this.held && read.full) this.readAhead = this.readAfter(client, positionOf(last));
    await published;
    this.checkpoint = positionOf(last);
    this.unsaved = true;
    // Catching up, the next batch is already being read, without the save: it is made now.
    if (this.readAhead) await this.saveUnsaved();
    this.record(events, last);
    return events;
  }

  private async read(client: Client, checkpoint: LogPosition): Promise<ReadBatch> {
    const events = await (this.readAhead ?? this.readNext(client, checkpoint));
    this.readAhead = undefined;
    return { events, full: events.length === this.batchSize };
  }

  /**
   * The next batch, saving the checkpoint the last pass left unsaved in the same statement.
   * Between the acknowledgement and that statement a crash re-sends the batch, as a crash
   * between the acknowledgement and a save of its own would: consumers drop it by version.
   */
  private async readNext(client: Client, checkpoint: LogPosition): Promise<RelayedEvent[]> {
    const saveFor = this.unsaved ? this.name : undefined;
    const events = await readRelayBatch(client, checkpoint, this.batchSize, saveFor);
    this.unsaved = false;
    return events;
  }

  private async saveUnsaved(): Promise<void> {
    const { client, checkpoint } = this;
    if (!this.unsaved || !client || !checkpoint) return;
    await saveCheckpoint(client, this.name, checkpoint);
    this.unsaved = false;
  }

  /**
   * While Kafka takes one full batch the next one is read, so the database and the broker work
   * at the same time. A batch read ahead is only published after the one before it was
   * acknowledged; on any failure it is dropped with the rest and reading resumes from the
   * checkpoint.
   */
  private readAfter(client: Client, position: LogPosition): Promise<readonly RelayedEvent[]> {
    const next = readRelayBatch(client, position, this.batchSize);
    next.catch(() => undefined);
    return next;
  }

  private record(events: readonly RelayedEvent[], last: RelayedEvent): void {
    const perTopic = new Map<string, number>();
    for (const event of events) {
      const topic = topicOfEventType(event.type);
      perTopic.set(topic, (perTopic.get(topic) ?? 0) + 1);
    }
    for (const [topic, count] of perTopic) this.metrics.relayed(topic, count);
    this.reportedLag = Math.max(0, (Date.now() - last.occurredAt.getTime()) / 1000);
    this.metrics.lag(this.reportedLag);
  }

  private async connect(): Promise<Client> {
    if (this.client) return this.client;
    const session = {
      databaseUrl: this.options.databaseUrl,
      relayName: this.name,
      sessionTimeoutMs: this.options.sessionTimeoutMs,
    };
    const client = await openRelaySession(session, (lost, error) => {
      this.logger.warn(`relay ${this.name}: database connection lost: ${error.message}`);
      lost.end().catch(() => undefined);
      if (this.client !== lost) return;
      this.client = undefined;
      this.checkpoint = undefined;
      this.unsaved = false;
      this.readAhead = undefined;
      this.held = undefined;
    });
    this.client = client;
    return client;
  }

  /** Ending the session releases the advisory lock; the producer starts afresh next time. */
  private async close(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.checkpoint = undefined;
    this.unsaved = false;
    this.readAhead = undefined;
    this.held = undefined;
    await this.options.publisher.disconnect().catch((error: unknown) => {
      this.logger.warn(`relay ${this.name}: Kafka disconnect failed: ${messageOf(error)}`);
    });
    await client?.end().catch(() => undefined);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
