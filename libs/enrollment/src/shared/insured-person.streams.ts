import { Inject, Injectable } from '@nestjs/common';
import {
  EventStore,
  PERSONAL_DATA,
  decideAndAppend,
  type CommandAnswer,
  type CommandContext,
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

const fold = (events: readonly StoredEvent[], from = initialInsuredPersonState()) =>
  events.reduce(evolveStored, from);

/**
 * The one way a command reaches an insured person's stream: load, decide, append at the loaded
 * version with the answer kept by the same statement, at most once per Idempotency-Key (see
 * decideAndAppend). The person's name, phone and address are sealed with their key before the
 * append and opened on every read, so deciding and answering see them plain and the log never
 * does.
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
    const keyring = await this.personal.keyring([residentId], { create: true });
    const streamId = personStreamId(residentId);
    return decideAndAppend(this.store, context.idempotency, async () => {
      const stored = await this.store.readStream(streamId);
      const loaded = fold(stored.map((e) => openEvent(keyring, e)));
      const events = decideInsuredPerson(command, loaded);
      return {
        streamId,
        loadedVersion: stored.at(-1)?.streamVersion ?? 0,
        events: sealEvents(keyring, residentId, events),
        metadata,
        answer: answer({ state: events.reduce(evolveInsuredPerson, loaded), events }),
      };
    });
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
