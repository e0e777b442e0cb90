import { DomainError } from '@circle/kernel';
import { fen } from '../../../policy/src/domain';
import {
  decideBenefitYear,
  evolveBenefitYear,
  initialBenefitYearState,
  standingSettlementOf,
} from '../../../settlement/src/domain';
import {
  CLAIM_ID,
  POLICIES,
  foldClaim,
  RESIDENT,
  insuredPerson,
  review,
  submission,
  whenClaim,
} from '../testing/given-claim';
import { initialInsuredPersonState } from '../../../enrollment/src/domain';
import type { ClaimEvent } from './claim.events';
import { settleBillOf, settledBillOf, type SettledBill } from './settle-claim';

function refusal(decide: () => unknown): { kind: string; code: string; fields: string[] } {
  try {
    decide();
  } catch (error) {
    if (error instanceof DomainError)
      return { kind: error.kind, code: error.code, fields: error.fields.map((f) => f.field) };
    throw error;
  }
  throw new Error('expected the command to be refused');
}

const submitted = (): ClaimEvent[] => whenClaim([], submission());
const person = { phone: '13800000000', name: '王小明' };
const SETTLED: SettledBill = {
  settlementId: 'STL-20220614-abcdef012345',
  policyVersion: 'taibai-lake@2022#0123456789ab',
  medfee_sumamt: fen(3_000_000),
  inscp_scp_amt: fen(2_600_000),
  act_pay_dedc: fen(40_000),
  hifp_pay: fen(1_920_000),
  hifmi_pay: fen(0),
  hifob_pay: fen(0),
  maf_pay: fen(0),
  psn_cash_pay: fen(1_080_000),
};

describe('submitting a claim', () => {
  it('records the bill, its lines, the documents and when it is due', () => {
    const [event] = submitted();
    expect(event?.type).toBe('claims.ClaimSubmitted');
    expect(event?.data).toMatchObject({
      claimId: CLAIM_ID,
      residentId: RESIDENT.id,
      kind: 'manual',
      business: 'MANUAL_REIMBURSEMENT',
      maskedName: '王**',
      totalFen: 3_000_000,
      inScopeFen: 2_600_000,
      treatmentRegion: 'taibai-lake',
      attachments: [{ reference: 'SCAN-20220610-01', description: '住院发票' }],
      timeLimit: { days: 10, unit: 'working-days' },
      dueBy: '2022-06-24T23:59:59.999+08:00',
    });
  });

  it('refuses a person who is not on record, naming residentId', () => {
    const command = submission({ person: initialInsuredPersonState() });
    expect(refusal(() => whenClaim([], command))).toMatchObject({
      kind: 'rule',
      fields: ['residentId'],
    });
  });

  it('refuses a bill that disagrees with the record, naming the field', () => {
    const base = submission();
    const wrongCategory = { ...base, bill: { ...base.bill, insuredCategory: 'elderly' as const } };
    expect(refusal(() => whenClaim([], wrongCategory)).fields).toEqual(['insuredCategory']);
    const otherYear = { ...base, bill: { ...base.bill, date: '2021-12-30' } };
    expect(refusal(() => whenClaim([], otherYear)).fields).toEqual(['residentId']);
    const employee = { ...base, bill: { ...base.bill, scheme: 'employee' as const } };
    expect(refusal(() => whenClaim([], employee)).fields).toEqual(['scheme']);
  });

  it('refuses in-scope above total per line, before anything else', () => {
    const lines = [{ description: '药品费', totalFen: 100, inScopeFen: 200 }];
    const refused = refusal(() => whenClaim([], submission({ lines })));
    expect(refused).toMatchObject({ kind: 'invalid', fields: ['lines[0].inScopeFen'] });
  });

  it('settles maternity costs as an inpatient bill only', () => {
    const base = submission({ claimKind: 'maternity' });
    expect(whenClaim([], base)[0]?.data).toMatchObject({ business: 'MATERNITY' });
    const outpatient = { ...base, bill: { ...base.bill, setting: 'outpatient' as const } };
    expect(refusal(() => whenClaim([], outpatient))).toMatchObject({
      code: 'maternity_is_inpatient',
      fields: ['setting'],
    });
  });

  it('takes medical assistance claims only for the categories the policy assists', () => {
    const general = submission({ claimKind: 'assistance' });
    expect(refusal(() => whenClaim([], general))).toMatchObject({
      code: 'not_assisted',
      fields: ['insuredCategory'],
    });
    const lowIncome = submission({
      claimKind: 'assistance',
      person: insuredPerson({ category: 'low-income' }),
    });
    const bill = { ...lowIncome.bill, insuredCategory: 'low-income' as const };
    expect(whenClaim([], { ...lowIncome, bill })[0]?.data).toMatchObject({
      business: 'ASSISTANCE_REIMBURSEMENT',
    });
  });

  it('never submits the same claim id twice', () => {
    expect(refusal(() => whenClaim(submitted(), submission())).kind).toBe('conflict');
  });
});

describe('reviewing a claim', () => {
  const lines = [{ description: '床位费', totalFen: 400_000, inScopeFen: 300_000 }];

  it('adjusts the lines with a reason; the totals follow', () => {
    const [event] = whenClaim(submitted(), {
      ...review,
      kind: 'AdjustClaim',
      lines,
      reason: '床位费超标准部分自付',
    });
    expect(event).toMatchObject({
      type: 'claims.ClaimAdjusted',
      data: { totalFen: 400_000, inScopeFen: 300_000, reason: '床位费超标准部分自付' },
    });
  });

  it('needs a reason to adjust or reject', () => {
    const adjust = { ...review, kind: 'AdjustClaim' as const, lines, reason: '  ' };
    expect(refusal(() => whenClaim(submitted(), adjust)).fields).toEqual(['reason']);
    const reject = { ...review, kind: 'RejectClaim' as const, reason: '', person };
    expect(refusal(() => whenClaim(submitted(), reject)).fields).toEqual(['reason']);
  });

  it('rejects with the reason in the SMS notice, in time or late', () => {
    const reject = { ...review, kind: 'RejectClaim' as const, reason: '发票不合规', person };
    const [inTime] = whenClaim(submitted(), reject);
    expect(inTime).toMatchObject({
      type: 'claims.ClaimRejected',
      data: {
        withinDeadline: true,
        notice: {
          phone: '13800000000',
          maskedName: '王**',
          summary: expect.stringContaining('发票不合规'),
        },
      },
    });
    const [late] = whenClaim(submitted(), { ...reject, at: '2022-06-27T09:00:00+08:00' });
    expect(late?.data).toMatchObject({
      withinDeadline: false,
      dueBy: '2022-06-24T23:59:59.999+08:00',
    });
  });

  it('approves once; approving an approved claim again records nothing', () => {
    const approve = { ...review, kind: 'ApproveClaim' as const };
    const approved = whenClaim(submitted(), approve);
    expect(approved).toMatchObject([
      { type: 'claims.ClaimApproved', data: { totalFen: 3_000_000 } },
    ]);
    expect(whenClaim([...submitted(), ...approved], approve)).toEqual([]);
  });

  it('changes nothing once approved, and nothing at all once decided', () => {
    const approved = [
      ...submitted(),
      ...whenClaim(submitted(), { ...review, kind: 'ApproveClaim' }),
    ];
    const adjust = { ...review, kind: 'AdjustClaim' as const, lines, reason: '更正' };
    expect(refusal(() => whenClaim(approved, adjust))).toMatchObject({
      code: 'claim_being_settled',
    });
    const reject = { ...review, kind: 'RejectClaim' as const, reason: '重复申请', person };
    const rejected = [...submitted(), ...whenClaim(submitted(), reject)];
    for (const command of [adjust, reject, { ...review, kind: 'ApproveClaim' as const }])
      expect(refusal(() => whenClaim(rejected, command))).toMatchObject({
        kind: 'conflict',
        code: 'claim_decided',
      });
  });

  it('refuses a claim that is not on record', () => {
    expect(refusal(() => whenClaim([], { ...review, kind: 'ApproveClaim' })).kind).toBe(
      'not-found',
    );
  });
});

describe('settling an approved claim', () => {
  const approved = (): ClaimEvent[] => [
    ...submitted(),
    ...whenClaim(submitted(), { ...review, kind: 'ApproveClaim' }),
  ];
  const record = { ...review, kind: 'RecordSettlement' as const, settled: SETTLED, person };

  it('records the settlement and instructs payment of the funds total', () => {
    const events = whenClaim(approved(), record);
    expect(events.map((e) => e.type)).toEqual(['claims.ClaimSettled', 'claims.PaymentInstructed']);
    expect(events[0]?.data).toMatchObject({
      settlementId: SETTLED.settlementId,
      hifp_pay: 1_920_000,
      fundFen: 1_920_000,
      withinDeadline: true,
      notice: { amountsFen: { totalFen: 3_000_000, fundFen: 1_920_000, personalFen: 1_080_000 } },
    });
    expect(events[1]?.data).toMatchObject({
      amountFen: 1_920_000,
      payee: { residentId: RESIDENT.id, name: '王小明' },
      payeeAccount: null,
    });
  });

  it('instructs no payment when the funds pay nothing', () => {
    const nothing = {
      ...SETTLED,
      hifp_pay: fen(0),
      act_pay_dedc: fen(0),
      psn_cash_pay: fen(3_000_000),
    };
    const events = whenClaim(approved(), { ...record, settled: nothing });
    expect(events.map((e) => e.type)).toEqual(['claims.ClaimSettled']);
  });

  it('is refused before approval, after the claim is settled, and for another bill', () => {
    expect(refusal(() => whenClaim(submitted(), record)).code).toBe('claim_not_approved');
    const settled = [...approved(), ...whenClaim(approved(), record)];
    expect(refusal(() => whenClaim(settled, record)).code).toBe('claim_decided');
    const other = { ...record, settled: { ...SETTLED, medfee_sumamt: fen(1) } };
    expect(refusal(() => whenClaim(approved(), other)).code).toBe('settlement_does_not_match');
  });

  it("settles on the person's benefit year with the claim id as admission, found again after", () => {
    const claim = foldClaim(approved()).claim!;
    const inForce = POLICIES.inForce('taibai-lake', '2022-06-01');
    const command = settleBillOf(claim, {
      settlementId: SETTLED.settlementId,
      person: insuredPerson(),
      policy: inForce.policy,
      policyVersion: inForce.versionId,
      stationId: 'hall',
      at: review.at,
    });
    expect(command).toMatchObject({ source: 'claim', claimId: CLAIM_ID, admissionId: CLAIM_ID });
    const events = decideBenefitYear(command, initialBenefitYearState());
    const year = events.reduce(evolveBenefitYear, initialBenefitYearState());
    const found = settledBillOf(standingSettlementOf(year, CLAIM_ID)!);
    // The seed's worked example: in-scope 26,000 yuan at a secondary hospital → 19,200 yuan.
    expect(found).toMatchObject({
      settlementId: SETTLED.settlementId,
      medfee_sumamt: 3_000_000,
      inscp_scp_amt: 2_600_000,
      hifp_pay: 1_920_000,
    });
  });
});
