import { Inject, Injectable } from '@nestjs/common';
import {
  ConcurrencyConflict,
  EventStore,
  PERSONAL_DATA,
  type CommandAnswer,
  type CommandContext,
  type EventStoreTransaction,
  type IdempotencyKey,
  type PersonalData,
  type RowQuery,
  type StoredEvent,
} from '@circle/event-store';
import type { ActingStation } from '@circle/enrollment';
import { claimStreamId, decideClaim, type ClaimCommand, type ClaimState } from '../domain';
import { writeClaimRow } from '../projections/claim-rows';
import { claimRecordOf, type ClaimRecord } from './claim-record';
import { openClaimEvent, residentsOf, sealClaimEvent } from './claim-personal-fields';

/** The hall's review list, kept in the transaction that appends the claim's events. */
export const REVIEW_TABLE = 'claims_review';

const ATTEMPTS = 3;

/**
 * Two reviewers acting on one claim at once: the loser decides again on what the winner wrote,
 * which answers "already rejected" instead of a bare conflict.
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
 * The one way a command reaches a claim's stream (`claim-<claimId>`): load, decide, append at
 * the loaded version, keep the review row in step and answer — in one transaction, and at most
 * once per Idempotency-Key.
 */
@Injectable()
export class ClaimStreams {
  constructor(
    private readonly store: EventStore,
    @Inject(PERSONAL_DATA) private readonly personal: PersonalData,
  ) {}

  async decide<Body>(
    claimId: string,
    command: (state: ClaimState) => ClaimCommand,
    context: CommandContext,
    station: ActingStation,
    answer: (record: ClaimRecord) => Body,
  ): Promise<Body> {
    const metadata = {
      correlationId: context.correlationId,
      actor: context.principal.username,
      stationId: station.stationId,
    };
    const work = async (tx: EventStoreTransaction): Promise<CommandAnswer<Body>> => {
      const streamId = claimStreamId(claimId);
      const stored = await tx.readStream(streamId);
      // No decision reads a name or phone: the claim is decided on its sealed events, and the
      // keys are looked up once, on this transaction, to seal what it adds and open the answer.
      const sealedBefore = claimRecordOf(stored);
      const decided = decideClaim(command(sealedBefore.state), sealedBefore.state);
      const rowQuery: RowQuery = (sql, params) => tx.query(sql, params);
      const keyring = await this.personal.keyringWithin(
        rowQuery,
        residentsOf([...stored, ...decided]),
        {
          create: decided.length > 0,
        },
      );
      const opened = (events: readonly StoredEvent[]) =>
        claimRecordOf(events.map((e) => openClaimEvent(keyring, e)));
      if (decided.length === 0) return { status: 200, body: answer(opened(stored)) };
      const sealed = decided.map((e) => sealClaimEvent(keyring, e));
      const appended = await tx.append(
        streamId,
        stored.at(-1)?.streamVersion ?? 0,
        sealed,
        metadata,
      );
      for (const event of sealed) await writeClaimRow(tx, REVIEW_TABLE, event);
      return { status: 200, body: answer(opened([...stored, ...appended.events])) };
    };
    const idempotency = context.idempotency;
    const outcome = await retryOnConflict(async () =>
      idempotency
        ? (await this.store.runIdempotent(idempotency, work)).answer
        : this.store.transaction(work),
    );
    return outcome.body;
  }

  async load(claimId: string): Promise<ClaimRecord> {
    const stored = await this.store.readStream(claimStreamId(claimId));
    const keyring = await this.personal.keyring(residentsOf(stored));
    return claimRecordOf(stored.map((e) => openClaimEvent(keyring, e)));
  }

  /**
   * The answer kept for this key, if a request with it completed: a command of several steps
   * looks first, so its repeat gives the first answer instead of starting the steps again.
   */
  async keptAnswer<Body>(idempotency: IdempotencyKey | undefined): Promise<Body | undefined> {
    if (!idempotency) return undefined;
    return (await this.store.keptAnswer<Body>(idempotency))?.body;
  }
}
