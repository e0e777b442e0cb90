import { Pool } from 'pg';
import { loadPolicyBook, defaultPolicyFolder } from '../../libs/policy/src';
import { BenefitYears } from '../../libs/settlement/src/shared/benefit-years';
import { EventStore } from '../../libs/event-store/src/store/event-store';
import { PgPersonalData, type CommandContext } from '@circle/event-store';
import { loadPersonalDataMasterKey } from '../../libs/platform/src/config/personal-data-key';
import { ClaimSettlement } from '../../libs/claims/src/shared/claim-settlement';
import { ClaimStreams } from '../../libs/claims/src/shared/claim-streams';
import { claimOf, type ClaimEvent } from '../../libs/claims/src/domain';
import { freshResidentId } from '../enrollment/enrollment-fixtures';
import { call } from '../support/http';
import { TEST_DATABASE_URL } from '../support/test-env';

// The claims suite starts its apps on TEST_PORT_BASE + 80 and + 83 (4180, 4183 by default),
// apart from the other suites' apps.
const PORT_BASE = Number(process.env.TEST_PORT_BASE ?? 4100) + 80;
export const CLAIMS_PORTS = { hall: String(PORT_BASE), supervisor: String(PORT_BASE + 3) };

export const HALL_CLERK: CommandContext = {
  principal: { username: 'clerk-hall', role: 'clerk', stationId: 'hall' },
  correlationId: 'claims-int-spec',
  idempotency: undefined,
};
const HALL = { stationId: 'hall', kind: 'hall' } as const;

export function shanghaiNow(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().replace('Z', '+08:00');
}

/** The event log of the suite's database, and the claim steps run by hand against it. */
export class ClaimsLog {
  readonly pool = new Pool({ connectionString: TEST_DATABASE_URL, max: 3 });
  private readonly store = new EventStore(this.pool);
  private readonly personal = new PgPersonalData(this.pool, loadPersonalDataMasterKey({}));
  private readonly streams = new ClaimStreams(this.store, this.personal);
  private readonly settlement = new ClaimSettlement(
    new BenefitYears(this.store, this.personal),
    loadPolicyBook(defaultPolicyFolder()),
  );

  async head(): Promise<number> {
    const { rows } = await this.pool.query<{ head: string }>(
      'SELECT coalesce(max(global_position), 0) AS head FROM events',
    );
    return Number(rows[0]?.head ?? 0);
  }

  /** The settlements of a claim its person's benefit years hold. */
  async settlementsOf(claimId: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>(
      `SELECT data ->> 'settlementId' AS id FROM events
       WHERE event_type = 'settlement.BillSettled' AND data ->> 'claimId' = $1`,
      [claimId],
    );
    return rows.map((r) => r.id);
  }

  /**
   * The first two steps of an approval and not the third, as a crash between them leaves it:
   * the claim approved and its bill settled on the benefit year, the claim not told.
   */
  async approveAndSettleOnly(claimId: string): Promise<string> {
    const at = shanghaiNow();
    const claim = await this.streams.decide(
      claimId,
      () => ({ kind: 'ApproveClaim', claimId, stationId: 'hall', at }),
      HALL_CLERK,
      HALL,
      (record) => claimOf(record.state, claimId),
    );
    const { settled } = await this.settlement.settle(claim, HALL_CLERK, { station: HALL, at });
    return settled.settlementId;
  }

  /** Appends a claim's events as if they had been recorded long ago. */
  async appendOld(claimId: string, events: readonly ClaimEvent[]): Promise<void> {
    await this.store.append(`claim-${claimId}`, 0, events, {
      correlationId: 'claims-int-spec',
      actor: 'clerk-hall',
      stationId: 'hall',
    });
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

export const lines = [
  { description: '床位费', totalFen: 400_000, inScopeFen: 400_000 },
  { description: '药品费', totalFen: 2_600_000, inScopeFen: 2_400_000 },
];

/** A general resident of Taibai Lake, enrolled and paid for 2022 at the hall. */
export async function enrolledAndPaidIn2022(hallUrl: string, clerk: string): Promise<string> {
  const residentId = freshResidentId();
  const enrolled = await call<{ payableFen: number }>(`${hallUrl}/api/residents`, {
    token: clerk,
    body: {
      residentId,
      name: '赵秀英',
      phone: '13853712345',
      category: 'general',
      region: 'taibai-lake',
      year: 2022,
    },
  });
  expect(enrolled.status).toBe(201);
  const paid = await call(`${hallUrl}/api/residents/${residentId}/contributions/2022/payments`, {
    token: clerk,
    body: { amountFen: enrolled.body.payableFen, method: 'cash' },
  });
  expect(paid.status).toBe(201);
  return residentId;
}

/** A discharge of the claim's bill, settled at a hospital station (quoted without an admission). */
export const dischargeBody = (residentId: string, extra: Record<string, unknown> = {}) => ({
  ...claimBody(residentId),
  kind: undefined,
  lines: undefined,
  attachments: undefined,
  totalFen: 3_000_000,
  inScopeFen: 2_600_000,
  ...extra,
});

export const claimBody = (residentId: string, extra: Record<string, unknown> = {}) => ({
  kind: 'manual',
  residentId,
  region: 'taibai-lake',
  scheme: 'resident',
  insuredCategory: 'general',
  setting: 'inpatient',
  tier: 2,
  date: '2022-06-01',
  admissionId: 'ZY20220601-0007',
  lines,
  attachments: [{ reference: 'SCAN-0001', description: '住院发票' }],
  ...extra,
});
