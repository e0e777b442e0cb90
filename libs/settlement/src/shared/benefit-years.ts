import { Injectable } from '@nestjs/common';
import {
  ConcurrencyConflict,
  EventStore,
  type EventStoreTransaction,
  type StoredEvent,
} from '@circle/event-store';
import {
  evolveInsuredPerson,
  initialInsuredPersonState,
  isInsuredPersonEvent,
  personStreamId,
  type CommandContext,
  type InsuredPersonState,
} from '@circle/enrollment';
import {
  benefitYearStreamId,
  decideBenefitYear,
  evolveBenefitYear,
  initialBenefitYearState,
  isBenefitYearEvent,
  type BenefitYearCommand,
  type BenefitYearEvent,
  type BenefitYearState,
  type BillSettled,
  type SettlementReversed,
} from '../domain';

export interface FoundSettlement {
  readonly residentId: string;
  readonly year: number;
  readonly settled: BillSettled['data'];
  readonly reversed: SettlementReversed['data'] | null;
}

export interface SettlementDecided {
  readonly state: BenefitYearState;
  readonly events: readonly BenefitYearEvent[];
}

/** What a command needs besides the benefit year: the person's own record, read in the same transaction. */
export type CommandOf = (person: InsuredPersonState, year: BenefitYearState) => BenefitYearCommand;

// Twenty settlements for one person at the same moment must all end: each loser decides again
// on what the winner wrote, and after this many rounds gives the clerk a 409 to retry.
const ATTEMPTS = 8;

const evolvePerson = (state: InsuredPersonState, event: StoredEvent): InsuredPersonState =>
  isInsuredPersonEvent(event) ? evolveInsuredPerson(state, event) : state;

const evolveYear = (state: BenefitYearState, event: StoredEvent): BenefitYearState =>
  isBenefitYearEvent(event) ? evolveBenefitYear(state, event) : state;

/**
 * The one way a command reaches a benefit year (`benefit-year-<ID>-<year>`): read the person,
 * load the year, decide, append at the loaded version and keep the answer, in one transaction
 * and at most once per Idempotency-Key. Optimistic concurrency on the year's stream is what
 * keeps two settlements from spending the same remaining cap.
 */
@Injectable()
export class BenefitYears {
  constructor(private readonly store: EventStore) {}

  async decide<Body>(
    residentId: string,
    year: number,
    command: CommandOf,
    context: CommandContext,
    answer: (decided: SettlementDecided, person: InsuredPersonState) => Body,
  ): Promise<Body> {
    const metadata = {
      correlationId: context.correlationId,
      actor: context.principal.username,
      stationId: context.principal.stationId ?? '',
    };
    const work = async (tx: EventStoreTransaction) => {
      const person = await this.personIn(tx, residentId);
      const stream = await tx.aggregateStream(
        benefitYearStreamId(residentId, year),
        evolveYear,
        initialBenefitYearState(),
      );
      const events = decideBenefitYear(command(person, stream.state), stream.state);
      const appended = await stream.append(events, metadata);
      return { status: 200, body: answer({ state: appended.state, events }, person) };
    };
    for (let attempt = 1; ; attempt += 1) {
      try {
        const idempotency = context.idempotency;
        const outcome = idempotency
          ? (await this.store.runIdempotent(idempotency, work)).answer
          : await this.store.transaction(work);
        return outcome.body as Body;
      } catch (error) {
        if (!(error instanceof ConcurrencyConflict) || attempt >= ATTEMPTS) throw error;
        await pause(attempt);
      }
    }
  }

  async person(residentId: string): Promise<InsuredPersonState> {
    const loaded = await this.store.aggregateStream(
      personStreamId(residentId),
      evolvePerson,
      initialInsuredPersonState(),
    );
    return loaded.state;
  }

  async year(residentId: string, year: number): Promise<BenefitYearState> {
    const loaded = await this.store.aggregateStream(
      benefitYearStreamId(residentId, year),
      evolveYear,
      initialBenefitYearState(),
    );
    return loaded.state;
  }

  /** The year's state and its events, for views that list what happened in it. */
  async yearWithEvents(
    residentId: string,
    year: number,
  ): Promise<{ state: BenefitYearState; events: StoredEvent[] }> {
    const events = await this.store.readStream(benefitYearStreamId(residentId, year));
    return { state: events.reduce(evolveYear, initialBenefitYearState()), events };
  }

  /** The benefit year a settlement was recorded in, found through the log's own index. */
  async locate(settlementId: string): Promise<{ residentId: string; year: number } | null> {
    const event = await this.store.findFirst(
      'settlement.BillSettled',
      'settlementId',
      settlementId,
    );
    if (!event || !isBenefitYearEvent(event) || event.type !== 'settlement.BillSettled')
      return null;
    return { residentId: event.data.residentId, year: event.data.year };
  }

  /** A settlement as its benefit year records it, with its reversal if any; null if unknown. */
  async settlement(settlementId: string): Promise<FoundSettlement | null> {
    const where = await this.locate(settlementId);
    if (!where) return null;
    const events = await this.store.readStream(benefitYearStreamId(where.residentId, where.year));
    let settled: BillSettled['data'] | undefined;
    let reversed: SettlementReversed['data'] | null = null;
    for (const event of events) {
      if (!isBenefitYearEvent(event) || event.data.settlementId !== settlementId) continue;
      if (event.type === 'settlement.BillSettled') settled = event.data;
      else reversed = event.data;
    }
    return settled ? { ...where, settled, reversed } : null;
  }

  private async personIn(tx: EventStoreTransaction, residentId: string) {
    const loaded = await tx.aggregateStream(
      personStreamId(residentId),
      evolvePerson,
      initialInsuredPersonState(),
    );
    return loaded.state;
  }
}

// Jittered, growing pauses spread the losers out so they stop colliding with each other.
function pause(attempt: number): Promise<void> {
  const ms = Math.random() * 4 * attempt;
  return new Promise((resolve) => setTimeout(resolve, ms));
}
