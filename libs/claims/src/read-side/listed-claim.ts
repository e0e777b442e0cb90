import type { ClaimStatus } from '../domain';

/** One claim in a list: enough to pick it for review or to see it is late. */
export interface ListedClaim {
  readonly claimId: string;
  readonly kind: string;
  readonly business: string;
  readonly status: ClaimStatus;
  readonly residentId: string;
  readonly maskedName: string;
  readonly stationId: string;
  readonly totalFen: number;
  readonly inScopeFen: number;
  readonly fundFen: number | null;
  readonly submittedAt: string;
  readonly dueBy: string;
  /** Still open past its due time. */
  readonly overdue: boolean;
  readonly decidedAt: string | null;
  readonly withinDeadline: boolean | null;
  readonly settlementId: string | null;
  readonly reason: string | null;
}

/** The columns of a claim row, named as ListedClaim names them. */
export const LISTED_CLAIM_COLUMNS = `claim_id AS "claimId", kind, business, status,
  resident_id AS "residentId", masked_name AS "maskedName", station_id AS "stationId",
  total_fen AS "totalFen", in_scope_fen AS "inScopeFen", fund_fen AS "fundFen",
  submitted_at AS "submittedAt", due_by AS "dueBy",
  (status IN ('submitted', 'adjusted', 'approved') AND due_by < now()) AS overdue,
  decided_at AS "decidedAt", within_deadline AS "withinDeadline",
  settlement_id AS "settlementId", reason`;

/**
 * A bigint column as a number of fen. The driver hands bigint over as text, since it may pass
 * 2^53; one claim's amounts never do, and a value that did is refused rather than rounded.
 */
function fenOf(value: unknown, column: string): number {
  const fen = typeof value === 'string' ? Number(value) : value;
  if (typeof fen !== 'number' || !Number.isSafeInteger(fen))
    throw new Error(`${column} holds ${String(value)}, not a whole number of fen below 2^53`);
  return fen;
}

const isoOf = (value: unknown): string | null =>
  value instanceof Date ? value.toISOString() : (value as string | null);

export function listedClaimOf(row: Record<string, unknown>): ListedClaim {
  return {
    ...(row as unknown as ListedClaim),
    totalFen: fenOf(row.totalFen, 'total_fen'),
    inScopeFen: fenOf(row.inScopeFen, 'in_scope_fen'),
    fundFen: row.fundFen === null ? null : fenOf(row.fundFen, 'fund_fen'),
    submittedAt: isoOf(row.submittedAt) as string,
    dueBy: isoOf(row.dueBy) as string,
    decidedAt: isoOf(row.decidedAt),
  };
}
