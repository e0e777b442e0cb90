import type { Projection } from '@circle/projections';
import { isClaimEvent } from '../domain';
import { writeClaimRow } from './claim-rows';

export const CLAIMS_DEADLINES_PROJECTION = 'claims_deadlines';

/** Every claim with its clock and whether it was decided in time, for the supervisor's list. */
export function claimsDeadlinesProjection(
  topics: readonly string[] = ['circle.claims'],
): Projection {
  return {
    name: CLAIMS_DEADLINES_PROJECTION,
    topics,
    tables: ['claims_deadline'],
    handles: (type) => isClaimEvent({ type }),
    async apply(event, tx) {
      const fact = { type: event.type, schemaVersion: 1, data: event.data };
      if (!isClaimEvent(fact)) return;
      await writeClaimRow(
        { query: (sql, params) => tx.query(sql, params) },
        tx.table('claims_deadline'),
        fact,
      );
    },
  };
}
