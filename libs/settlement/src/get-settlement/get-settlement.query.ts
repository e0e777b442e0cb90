import { Query } from '@nestjs/cqrs';
import type { Principal } from '@circle/platform';
import type { Policy } from '@circle/policy';
import type { SettlementRecord } from '../shared/settlement-record';

export interface FoundRecord {
  readonly record: SettlementRecord;
  /** The exact version it cited, when the book still holds it; caps come from it. */
  readonly policy: Policy | null;
}

export class GetSettlementQuery extends Query<FoundRecord> {
  constructor(
    readonly settlementId: string,
    readonly principal: Principal,
  ) {
    super();
  }
}
