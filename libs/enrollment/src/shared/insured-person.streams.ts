import { Inject, Injectable } from '@nestjs/common';
import {
  ConcurrencyConflict,
  EventStore,
  PERSONAL_DATA,
  type CommandAnswer,
  type CommandContext,
  type EventStoreTransaction,
  type PersonalData,
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
import { openEvent, openEvents, sealEvents } from './personal-events';

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

const fold = (events: readonly StoredEvent[], from = initialInsuredPersonState()) =>
  events.reduce(evolveStored, from);

/**
 * The one way a command reaches an insured person's stream: load, decide, append at the loaded
 * version, answer — in one transaction, and at most once per Idempotency-Key. The person's
 * name, phone and address are sealed with their key before the append and opened on every
 * read, so deciding and answering see them plain and the log never does.
 */
@Injectable()
export class InsuredPersonStreams {
  constructor(
    private readonly store: EventStore,
    @Inject(PERSONAL_DATA) private readonly personal: PersonalData,
  ) {}

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
    // The key is looked up (or made) before the transaction, which then needs no other
    // connection: sealing and opening are plain computations on the keyring.
    const keyring = await this.personal.keyring([residentId], { create: true });
    const streamId = personStreamId(residentId);
    const work = async (tx: EventStoreTransaction): Promise<CommandAnswer<Body>> => {
      const stored = await tx.readStream(streamId);
      const loaded = fold(stored.map((e) => openEvent(keyring, e)));
      const events = decideInsuredPerson(command, loaded);
      const version = stored.at(-1)?.streamVersion ?? 0;
      await tx.append(streamId, version, sealEvents(keyring, residentId, events), metadata);
      return answer({ state: events.reduce(evolveInsuredPerson, loaded), events });
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
    const events = await openEvents(
      this.personal,
      await this.store.readStream(personStreamId(residentId)),
    );
    return events.flatMap((e) =>
      isInsuredPersonEvent(e) ? [{ ...e, actor: e.metadata.actor }] : [],
    );
  }

  async load(residentId: string): Promise<InsuredPersonState> {
    const events = await this.store.readStream(personStreamId(residentId));
    return fold(await openEvents(this.personal, events));
  }
}
