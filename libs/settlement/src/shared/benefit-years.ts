import { Inject, Injectable } from '@nestjs/common';
import {
  ConcurrencyConflict,
  EventStore,
  IdempotencyKeyReused,
  keyIdOf,
  PERSONAL_DATA,
  sealNotice,
  type CommandContext,
  type PersonalData,
  type IdempotencyKey,
  type PersonKeyring,
  type StoredEvent,
} from '@circle/event-store';
import {
  evolveInsuredPerson,
  initialInsuredPersonState,
  isInsuredPersonEvent,
  openEvents,
  personStreamId,
  type InsuredPersonState,
} from '@circle/enrollment';
import { RecentMap } from '@circle/kernel';
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
import { FoldedStreams, type Folded } from './folded-streams';

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

interface Sealable {
  readonly person: Folded<InsuredPersonState>;
  readonly year: Folded<BenefitYearState>;
  readonly keyring: PersonKeyring;
}

/** What a command needs besides the benefit year: the person's own record as it stands then. */
export type CommandOf = (person: InsuredPersonState, year: BenefitYearState) => BenefitYearCommand;

// People and years a hospital quotes and settles again within weeks. Each kept one costs some
// kilobytes (a year keeps its settlements' figures, not their lines): 3,000 people and their
// years took about 90 MB of heap. A miss reads and folds the whole stream, which doubled a quote's
// CPU when the bench's 3,000 residents were spread over 1,000 places.
const CACHED = 5_000;

// Twenty settlements for one person at the same moment must all end: each loser decides again
// on what the winner wrote, and after this many rounds gives the clerk a 409 to retry.
const ATTEMPTS = 8;

const evolvePerson = (state: InsuredPersonState, event: StoredEvent): InsuredPersonState =>
  isInsuredPersonEvent(event) ? evolveInsuredPerson(state, event) : state;

const evolveYear = (state: BenefitYearState, event: StoredEvent): BenefitYearState =>
  isBenefitYearEvent(event) ? evolveBenefitYear(state, event) : state;

/**
 * The one way a command reaches a benefit year (`benefit-year-<ID>-<year>`): read the person and
 * the year, decide, and append at the loaded version together with the answer kept for the
 * Idempotency-Key, in one statement. Optimistic concurrency on the year's stream is what keeps
 * two settlements from spending the same remaining cap. Both states are kept in memory by
 * version and topped up from the log, so a load reads only what is new.
 *
 * Keys are not looked up first (the walk-in queues do the same): a repeat is rare, and it is
 * refused either by the year (its admission is settled, its settlement reversed) or by the
 * statement (the key is taken, nothing written), and then answered with the kept answer.
 */
@Injectable()
export class BenefitYears {
  private readonly people: FoldedStreams<InsuredPersonState>;
  private readonly years: FoldedStreams<BenefitYearState>;
  /** Keys of the people held, by resident ID: a key never changes, it is only ever deleted. */
  private readonly keyrings = new RecentMap<string, PersonKeyring>(CACHED);

  constructor(
    private readonly store: EventStore,
    @Inject(PERSONAL_DATA) private readonly personal: PersonalData,
  ) {
    // The person's name and phone are sealed in the log; the SMS of a settlement needs them.
    // The key that opens a person's events also seals their next notice, so it is kept.
    const keyring = async (people: readonly string[]) =>
      this.holdKeys(people, await personal.keyring(people));
    const opened = (events: StoredEvent[]) => openEvents({ keyring }, events);
    this.people = new FoldedStreams(store, evolvePerson, initialInsuredPersonState, CACHED, opened);
    this.years = new FoldedStreams(store, evolveYear, initialBenefitYearState, CACHED);
  }

  async decide<Body>(
    residentId: string,
    year: number,
    command: CommandOf,
    context: CommandContext,
    answer: (decided: SettlementDecided, person: InsuredPersonState) => Body,
  ): Promise<Body> {
    const streamId = benefitYearStreamId(residentId, year);
    const metadata = {
      correlationId: context.correlationId,
      actor: context.principal.username,
      stationId: context.principal.stationId ?? '',
    };
    const request = context.idempotency;
    const personId = personStreamId(residentId);
    // The first try decides on what this process already holds, unread: the append itself
    // refuses it if the person or the year has moved on since, and the next try reads them.
    const held = this.held(residentId, year);
    for (let attempt = held ? 0 : 1; ; attempt += 1) {
      try {
        const decidedOn = attempt === 0 && held ? held : await this.loadToSeal(residentId, year);
        const { person, year: loaded, keyring } = decidedOn;
        const events = decideBenefitYear(command(person.state, loaded.state), loaded.state);
        // The answer is kept by the very statement that appends, so it is worked out first.
        const state = events.reduce(evolveBenefitYear, loaded.state);
        const body = answer({ state, events }, person.state);
        const answers = request ? [{ request, answer: { status: 200, body } }] : [];
        // The notice's phone and name go into the log sealed with the person's key.
        const sealed = events.map((e) => sealNotice(keyring, e));
        const appended = await this.store.append(streamId, loaded.version, sealed, metadata, {
          answers,
          unchanged: [{ streamId: personId, version: person.version }],
        });
        this.years.advance(streamId, loaded, appended.events);
        return body;
      } catch (error) {
        // Held states may be behind the log, so whatever they led to is decided again on it.
        if (attempt === 0) continue;
        // A repeat of a request that has since been answered (its settlement now on the year,
        // or its key taken by the same statement) gets the kept answer instead of the refusal.
        const kept =
          request && !(error instanceof ConcurrencyConflict) && (await this.kept(request));
        if (kept) return kept.body as Body;
        if (!(error instanceof ConcurrencyConflict) || attempt >= ATTEMPTS) throw error;
        await pause(attempt);
      }
    }
  }

  /** The person, the year and the person's key, when this process holds all three. */
  private held(residentId: string, year: number): Sealable | undefined {
    const person = this.people.known(personStreamId(residentId));
    const keyring = this.keyrings.get(residentId);
    if (person.version === 0 || !keyring) return undefined;
    return { person, year: this.years.known(benefitYearStreamId(residentId, year)), keyring };
  }

  /** The person and the year caught up from the log, and the person's key looked up. */
  private async loadToSeal(residentId: string, year: number): Promise<Sealable> {
    const [loaded, keyring] = await Promise.all([
      this.load(residentId, year),
      this.personal.keyring([residentId], { create: true }),
    ]);
    return { ...loaded, keyring: this.holdKeys([residentId], keyring) };
  }

  /**
   * Keeps the keys found for these people. A key held after its person was erased seals a
   * notice nobody can open any more, as ERASED would; and the erasure's event moves the
   * person's stream, so the next decision reads it and looks the key up again.
   */
  private holdKeys(people: readonly string[], keyring: PersonKeyring): PersonKeyring {
    for (const person of people) this.keyrings.set(person, keyring);
    return keyring;
  }

  /** The person and their benefit year as they stand, caught up in one read of the log. */
  async load(
    residentId: string,
    year: number,
  ): Promise<{ person: Folded<InsuredPersonState>; year: Folded<BenefitYearState> }> {
    const personId = personStreamId(residentId);
    const yearId = benefitYearStreamId(residentId, year);
    const person = this.people.known(personId);
    const known = this.years.known(yearId);
    const newer = await this.store.readStreams(
      new Map([
        [personId, person.version + 1],
        [yearId, known.version + 1],
      ]),
    );
    return {
      person: this.people.advance(
        personId,
        person,
        await this.people.read(newer.get(personId) ?? []),
      ),
      year: this.years.advance(yearId, known, newer.get(yearId) ?? []),
    };
  }

  async person(residentId: string): Promise<InsuredPersonState> {
    return (await this.people.current(personStreamId(residentId))).state;
  }

  async year(residentId: string, year: number): Promise<BenefitYearState> {
    return (await this.years.current(benefitYearStreamId(residentId, year))).state;
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

  /** The answer kept for this key; the same key with another request is refused. */
  private async kept(request: IdempotencyKey): Promise<{ body: unknown } | undefined> {
    const kept = (await this.store.keptAnswers([request])).get(keyIdOf(request));
    if (!kept) return undefined;
    if (kept.fingerprint !== request.fingerprint) throw new IdempotencyKeyReused();
    return { body: kept.answer.body };
  }
}

// Jittered, growing pauses spread the losers out so they stop colliding with each other.
function pause(attempt: number): Promise<void> {
  const ms = Math.random() * 4 * attempt;
  return new Promise((resolve) => setTimeout(resolve, ms));
}
