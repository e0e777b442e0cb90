import { Injectable } from '@nestjs/common';
import {
  ConcurrencyConflict,
  EventStore,
  type CommandAnswer,
  type CommandContext,
  type EventStoreTransaction,
  type StoredEvent,
} from '@circle/event-store';
import {
  decideInsuredPerson,
  evolveInsuredPerson,
  initialInsuredPersonState,
  isInsuredPersonEvent,
  personStreamId,
  type InsuredPersonCommand,
  type InsuredPersonEvent,
  type InsuredPersonState,
} from '../domain';
import type { ActingStation } from '../domain/acting-station';

export interface Decided {
  readonly state: InsuredPersonState;
  readonly events: readonly InsuredPersonEvent[];
}

export function evolveStored(state: InsuredPersonState, event: StoredEvent): InsuredPersonState {
  return isInsuredPersonEvent(event) ? evolveInsuredPerson(state, event) : state;
}

const ATTEMPTS = 3;

/**
 * Two desks acting for one person at once: the loser decides again on what the winner wrote,
 * which answers a duplicate enrollment with "already enrolled" instead of a bare conflict.
 */
async function retryOnConflict<T>(attempt: () => Promise<T>): Promise<T> {
  for (let i = 1; ; i += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof ConcurrencyConflict) || i >= ATTEMPTS) throw error;
    }
  }
}

/**
 * The one way a command reaches an insured person's stream: load, decide, append at the loaded
 * version, answer — in one transaction, and at most once per Idempotency-Key.
 */
@Injectable()
export class InsuredPersonStreams {
  constructor(private readonly store: EventStore) {}

  async execute<Body>(
    residentId: string,
    command: InsuredPersonCommand,
    context: CommandContext,
    station: ActingStation,
    answer: (decided: Decided) => CommandAnswer<Body>,
  ): Promise<CommandAnswer<Body>> {
    const metadata = {
      correlationId: context.correlationId,
      actor: context.principal.username,
      stationId: station.stationId,
    };
    const work = async (tx: EventStoreTransaction): Promise<CommandAnswer<Body>> => {
      const stream = await tx.aggregateStream(
        personStreamId(residentId),
        evolveStored,
        initialInsuredPersonState(),
      );
      const events = decideInsuredPerson(command, stream.state);
      const appended = await stream.append(events, metadata);
      return answer({ state: appended.state, events });
    };
    const idempotency = context.idempotency;
    return retryOnConflict(async () =>
      idempotency
        ? (await this.store.runIdempotent(idempotency, work)).answer
        : this.store.transaction(work),
    );
  }

  /** The person's facts with who recorded each, oldest first. */
  async history(residentId: string): Promise<(InsuredPersonEvent & { readonly actor: string })[]> {
    const events = await this.store.readStream(personStreamId(residentId));
    return events.flatMap((e) =>
      isInsuredPersonEvent(e) ? [{ ...e, actor: e.metadata.actor }] : [],
    );
  }

  async load(residentId: string): Promise<InsuredPersonState> {
    const loaded = await this.store.aggregateStream(
      personStreamId(residentId),
      evolveStored,
      initialInsuredPersonState(),
    );
    return loaded.state;
  }
}
