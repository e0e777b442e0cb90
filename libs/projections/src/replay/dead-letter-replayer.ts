import { decodeEvent } from '../event-store';
import { failureText } from '../apply/failure-text';
import { recordMessage } from '../kafka/record-reader';
import type { Projection } from '../projection';
import { inTransaction, type Db } from '../store/database';
import {
  findDeadLetter,
  lockDeadLetter,
  recordFailedReplay,
  replaceLetterEvent,
  waitingDeadLetterIds,
  type DeadLetter,
} from '../store/dead-letters';
import { isKafkaRecord } from '../store/event-json';
import { alreadyReplayed, deadLetterNotFound, projectionNotHere } from './replay-errors';
import { replayStream, type ReplayResult } from './stream-replay';

export type { ReplayResult } from './stream-replay';

/**
 * Applies parked events once their cause is fixed, in their stream's order: replaying one
 * letter replays its stream's waiting letters from the lowest (see stream-replay.ts). A parked
 * Kafka record that could not be read is read again first; it then joins its stream's letters.
 */
export class DeadLetterReplayer {
  constructor(
    private readonly db: Db,
    private readonly projections: ReadonlyMap<string, Projection>,
  ) {}

  async replay(id: string): Promise<ReplayResult> {
    const results = await this.replayStreamOf(id);
    return (
      results.find((r) => r.id === id) ?? {
        id,
        replayed: false,
        error: 'its stream was replayed meanwhile; list the letters again',
      }
    );
  }

  async replayAll(projectionName: string): Promise<ReplayResult[]> {
    if (!this.projections.has(projectionName)) throw projectionNotHere(projectionName);
    const results = new Map<string, ReplayResult>();
    for (const id of await waitingDeadLetterIds(this.db, projectionName)) {
      if (results.has(id)) continue;
      for (const result of await this.replayStreamOf(id)) results.set(result.id, result);
    }
    return [...results.values()];
  }

  private async replayStreamOf(id: string): Promise<ReplayResult[]> {
    const { letter, projection } = await this.letterOf(id);
    let streamId: string;
    if (isKafkaRecord(letter.event)) {
      const read = await this.readAgain(letter);
      if ('error' in read) return [{ id, replayed: false, error: read.error }];
      streamId = read.streamId;
    } else streamId = letter.event.streamId;
    return inTransaction(this.db, (client) => replayStream(client, projection, streamId));
  }

  /** An unreadable record read again: it becomes a letter of its stream, or stays as it was. */
  private async readAgain(letter: DeadLetter): Promise<{ streamId: string } | { error: string }> {
    if (!isKafkaRecord(letter.event)) throw new Error(`letter ${letter.id} is an event`);
    const record = letter.event;
    return inTransaction(this.db, async (client) => {
      if (!(await lockDeadLetter(client, letter.id))) throw deadLetterNotFound(letter.id);
      try {
        const event = decodeEvent(recordMessage(record));
        await replaceLetterEvent(client, letter.id, event);
        return { streamId: event.streamId };
      } catch (error) {
        const text = `still unreadable: ${failureText(error)}`;
        await recordFailedReplay(client, letter.id, text);
        return { error: text };
      }
    });
  }

  private async letterOf(id: string): Promise<{ letter: DeadLetter; projection: Projection }> {
    if (!/^\d{1,18}$/.test(id)) throw deadLetterNotFound(id);
    const letter = await findDeadLetter(this.db, id);
    if (!letter) throw deadLetterNotFound(id);
    const projection = this.projections.get(letter.projection);
    if (!projection) throw projectionNotHere(letter.projection);
    if (letter.replayedAt) throw alreadyReplayed(id);
    return { letter, projection };
  }
}
