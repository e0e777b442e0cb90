import { DomainError } from '@circle/kernel';

/**
 * Someone else changed the stream between this command's read and its append. The caller
 * reloads and decides again; answered as 409. The stream id stays off the message and details
 * because stream ids may carry a resident's identity number.
 */
export class ConcurrencyConflict extends DomainError {
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
    readonly actualVersion?: number,
  ) {
    super(
      'conflict',
      'concurrency_conflict',
      actualVersion === undefined
        ? `the record changed meanwhile (expected version ${expectedVersion}); reload and retry`
        : `the record changed meanwhile (expected version ${expectedVersion}, found ${actualVersion}); reload and retry`,
      [],
      { expectedVersion, ...(actualVersion === undefined ? {} : { actualVersion }) },
    );
  }
}

/** The same Idempotency-Key came back with a different request; answered as 422. */
export class IdempotencyKeyReused extends DomainError {
  constructor() {
    super(
      'rule',
      'idempotency_key_reused',
      'this Idempotency-Key was already used for a different request',
      [{ field: 'Idempotency-Key', problem: 'was already used for a different request' }],
    );
  }
}

/**
 * A transaction wrote something before its events. That would give it a transaction id older
 * than the stream version it builds on, and the relay would publish the stream out of order.
 */
export class EventsNotFirstWrite extends Error {
  constructor(readonly streamId: string) {
    super(`events for ${streamId} must be the first write of their transaction`);
    this.name = 'EventsNotFirstWrite';
  }
}

/** One transaction appends to one stream only; see EventStoreTransaction. */
export class SecondStreamInTransaction extends Error {
  constructor(first: string, second: string) {
    super(`a transaction appends to one stream: already ${first}, now ${second}`);
    this.name = 'SecondStreamInTransaction';
  }
}

/**
 * An answer for one of the append's keys was kept meanwhile, by a repeat that committed first.
 * Nothing was appended; the caller reads the kept answers and decides again.
 */
export class IdempotencyKeyTaken extends Error {
  constructor() {
    super('an answer for this Idempotency-Key is already kept');
    this.name = 'IdempotencyKeyTaken';
  }
}

/**
 * A stream's events must all travel on one topic: Kafka keeps order only within a partition,
 * and a consumer that met version n + 1 on one topic before version n on another would have to
 * hold or drop it. Checked against the events of one append and the stream's first event. The
 * stream id stays off the message, as for ConcurrencyConflict.
 */
export class StreamSpansTopics extends Error {
  constructor(readonly topics: readonly string[]) {
    super(`a stream keeps to one topic; these events would spread it over ${topics.join(', ')}`);
    this.name = 'StreamSpansTopics';
  }
}
