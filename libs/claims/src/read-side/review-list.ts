import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ClaimStatus } from '../domain';
import { REVIEW_TABLE } from '../shared/claim-streams';
import { ListedClaimNames } from './listed-claim-names';
import { LISTED_CLAIM_COLUMNS, listedClaimOf, type ListedClaim } from './listed-claim';

/**
 * The hall's review list, read from the table the claim commands keep in their own
 * transactions: a claim is listed the moment it is submitted, with no relay in between.
 */
@Injectable()
export class ReviewList {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly names: ListedClaimNames,
  ) {}

  /** Claims in these states, oldest first: the order they are reviewed in. */
  async claims(statuses: readonly ClaimStatus[]): Promise<ListedClaim[]> {
    const rows: Record<string, unknown>[] = await this.db.query(
      `SELECT ${LISTED_CLAIM_COLUMNS} FROM ${REVIEW_TABLE}
       WHERE status = ANY($1) ORDER BY submitted_at, claim_id`,
      [statuses],
    );
    return this.names.open(rows.map(listedClaimOf));
  }
}
