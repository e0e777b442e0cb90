import {
  IdempotencyKeyReused,
  type AnsweredRequest,
  type CommandAnswer,
  type EventMetadata,
  type IdempotencyKey,
  type KeptAnswer,
  type NewEvent,
} from '@circle/event-store';
import type { DomainEvent } from './stream-model';

/* What a batch of commands on one stream is made of, from arrival to outcome. */

export interface Folded<S> {
  readonly state: S;
  readonly version: number;
}

/** A decision on the current state: the events to append and the answer to give. */
export interface Decision<S> {
  readonly events: readonly DomainEvent[];
  readonly answer: (after: S) => CommandAnswer;
}

export interface CommandContext {
  readonly metadata: EventMetadata;
  readonly idempotency?: IdempotencyKey;
}

export interface Pending<S> {
  readonly decide: (state: S) => Decision<S>;
  readonly context: CommandContext;
  readonly resolve: (answer: CommandAnswer) => void;
  readonly reject: (error: unknown) => void;
}

/** Answers kept for keys of a batch, as found after an append met one of them. */
export type KeptAnswers = ReadonlyMap<string, KeptAnswer>;

export interface KeyedOutcome {
  readonly fingerprint: string;
  readonly outcome: () => CommandAnswer;
}

/** One command decided and answered on the state before it, or the error that refused it. */
export type Decided<S> =
  | { readonly answer: CommandAnswer; readonly after: S; readonly events: readonly NewEvent[] }
  | { readonly error: unknown };

/** What becomes of each command of a batch, worked out before anything is written. */
export interface Plan<S> {
  readonly outcomes: readonly (() => CommandAnswer)[];
  readonly events: readonly NewEvent[];
  readonly answers: readonly AnsweredRequest[];
  readonly after: Folded<S>;
  /** A command with an Idempotency-Key was refused, and no kept answer was at hand for it. */
  readonly refusedKeyed: boolean;
}

export function keysOf<S>(batch: readonly Pending<S>[]): IdempotencyKey[] {
  return batch.flatMap((command) =>
    command.context.idempotency ? [command.context.idempotency] : [],
  );
}

export function keptOutcome(kept: KeptAnswer | undefined): KeyedOutcome | undefined {
  return kept && { fingerprint: kept.fingerprint, outcome: () => kept.answer };
}

/** The key came back with a different request. */
export function reused(): never {
  throw new IdempotencyKeyReused();
}

export function outcomeOf<S>(decided: Decided<S>): () => CommandAnswer {
  if ('answer' in decided) return () => decided.answer;
  return () => {
    throw decided.error;
  };
}

export function missingAnswer(): never {
  throw new Error('a command of the batch has no answer');
}
