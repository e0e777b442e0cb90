import { DomainError } from '@circle/kernel';

/** One admission is settled once; a second settlement would pay the funds twice. */
export class AdmissionAlreadySettled extends DomainError {
  constructor(
    readonly admissionId: string,
    readonly settlementId: string,
  ) {
    super(
      'conflict',
      'admission_already_settled',
      `admission ${admissionId} is already settled (${settlementId}); reverse it first`,
      [{ field: 'admissionId', problem: `is already settled as ${settlementId}` }],
    );
  }
}

export class SettlementIdTaken extends DomainError {
  constructor(readonly settlementId: string) {
    super('conflict', 'settlement_id_taken', `settlement ${settlementId} is already on record`);
  }
}

export class SettlementNotFound extends DomainError {
  constructor(readonly settlementId: string) {
    super('not-found', 'settlement_not_found', `settlement ${settlementId} is not on record`);
  }
}

export class SettlementAlreadyReversed extends DomainError {
  constructor(readonly settlementId: string) {
    super(
      'conflict',
      'settlement_already_reversed',
      `settlement ${settlementId} is already reversed`,
    );
  }
}

/**
 * A reversal would give back more than the year has used: the year's events disagree with
 * each other. Never expected; refused so the totals can never be silently wrong.
 */
export class TotalsWouldGoNegative extends DomainError {
  constructor(field: string, has: number, takenBack: number) {
    super(
      'conflict',
      'benefit_year_inconsistent',
      `the benefit year's ${field} is ${has} fen; ${takenBack} fen cannot be taken back`,
    );
  }
}
