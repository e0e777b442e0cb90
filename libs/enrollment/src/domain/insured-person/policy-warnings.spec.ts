import { enroll, fold, person, POLICIES, when } from '../../testing/given-person';
import { coverageOf } from './coverage-view';
import { citedPolicyWarning, filingWithWarning, transferWithWarning } from './policy-warnings';
import type { Transfer } from './insured-person.state';

const taibai2022 = POLICIES.inForce('taibai-lake', '2022-06-01').versionId;

describe('policy warnings in answers', () => {
  it('warns when a cited version was applied past its own period', () => {
    expect(citedPolicyWarning(POLICIES, taibai2022, '2022-12-31')).toBeNull();
    expect(citedPolicyWarning(POLICIES, taibai2022, '2026-01-01')).toEqual({
      code: 'policy_carried_forward',
      policyVersion: taibai2022,
      message: expect.stringContaining('2026-01-01'),
      messageZh: expect.stringContaining('2022-12-31'),
    });
  });

  it('reads citations from before ids were pinned, and ignores what it cannot find', () => {
    expect(citedPolicyWarning(POLICIES, 'taibai-lake@2022', '2026-01-01')?.policyVersion).toBe(
      'taibai-lake@2022',
    );
    expect(citedPolicyWarning(POLICIES, 'atlantis@2022', '2026-01-01')).toBeNull();
    expect(citedPolicyWarning(POLICIES, 'taibai-lake@1999', '2026-01-01')).toBeNull();
    expect(citedPolicyWarning(POLICIES, 'not an id', '2026-01-01')).toBeNull();
  });

  it('marks each year of the coverage enquiry priced by a carried-forward version', () => {
    const id = person('1985-04-02');
    const events = when([], enroll(id));
    const both = [...events, ...when(events, enroll(id, { year: 2026 }))];
    const view = coverageOf(fold(both), null, '2026-12-04T09:00:00+08:00', POLICIES);
    expect(view?.years.map((y) => [y.year, y.policyWarning?.code ?? null])).toEqual([
      [2026, 'policy_carried_forward'],
      [2022, null],
    ]);
    expect(view?.coverage?.policyWarning?.policyVersion).toBe(taibai2022);
  });

  it("warns on a transfer whose clock ran on this side's carried-forward policy", () => {
    const transfer: Transfer = {
      transferId: 't-1',
      direction: 'in',
      fromRegion: 'jinan-lixia',
      toRegion: 'taibai-lake',
      requestedAt: '2026-12-04T09:00:00+08:00',
      deadline: '2026-12-25T23:59:59.999+08:00',
      status: 'pending',
      closedAt: null,
      reason: null,
    };
    expect(transferWithWarning(POLICIES, transfer).policyWarning?.policyVersion).toBe(taibai2022);
    const in2022 = { ...transfer, requestedAt: '2022-06-01T09:00:00+08:00' };
    expect(transferWithWarning(POLICIES, in2022).policyWarning).toBeNull();
  });

  it("warns on a filing checked against the person's carried-forward policy", () => {
    const state = fold(when([], enroll(person('1985-04-02'))));
    const filing = {
      filingId: 'f-1',
      filingType: 'referral' as const,
      destinationRegion: 'Beijing',
      destinationHospital: 'Peking Union Medical College Hospital',
      validFrom: '2026-12-05',
      validTo: null,
      filedAt: '2026-12-04T09:00:00+08:00',
      stationId: 'town-1',
    };
    expect(filingWithWarning(POLICIES, state, filing).policyWarning?.code).toBe(
      'policy_carried_forward',
    );
  });
});
