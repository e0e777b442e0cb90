import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ListedClaimNames } from './listed-claim-names';
import { LISTED_CLAIM_COLUMNS, listedClaimOf, type ListedClaim } from './listed-claim';

/** The supervisor's view of claims, from the `claims_deadlines` projection's table. */
@Injectable()
export class ClaimsReadModel {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly names: ListedClaimNames,
  ) {}

  /**
   * The breaches of the claim clock: claims still open past their due time, the longest overdue
   * first, then claims decided after it, the latest decision first.
   */
  async overdue(): Promise<ListedClaim[]> {
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT * FROM (
         SELECT ${LISTED_CLAIM_COLUMNS}, 0 AS part, due_by AS sort_at FROM claims_deadline
         WHERE status IN ('submitted', 'adjusted', 'approved') AND due_by < now()
         UNION ALL
         SELECT ${LISTED_CLAIM_COLUMNS}, 1 AS part, decided_at AS sort_at FROM claims_deadline
         WHERE within_deadline = false
       ) breaches
       ORDER BY part, CASE WHEN part = 0 THEN sort_at END, sort_at DESC, "claimId"`,
    );
    return this.names.open(
      rows.map(({ part: _part, sort_at: _sortAt, ...row }) => listedClaimOf(row)),
    );
  }
}
