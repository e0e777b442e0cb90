import { ERASED, PersonKeyring } from '@circle/event-store';
import { newPersonKey } from '../../../event-store/src/personal-data/person-key-cipher';
import { openClaimEvent, residentsOf, sealClaimEvent } from './claim-personal-fields';

const submitted = {
  type: 'claims.ClaimSubmitted',
  data: {
    claimId: 'C1',
    residentId: 'R1',
    maskedName: '赵**',
    payeeAccount: '6217000012345678',
    totalFen: 100,
  },
};
const paid = {
  type: 'claims.PaymentInstructed',
  data: {
    claimId: 'C1',
    residentId: 'R1',
    payee: { residentId: 'R1', name: '赵秀英' },
    payeeAccount: null,
    amountFen: 100,
  },
};
const rejected = {
  type: 'claims.ClaimRejected',
  data: {
    claimId: 'C1',
    residentId: 'R1',
    reason: '发票为复印件',
    notice: { phone: '13853712345', maskedName: '赵**', summary: '未通过', amountsFen: {} },
  },
};

describe("a claim's personal fields", () => {
  const keyring = new PersonKeyring(new Map([['R1', newPersonKey()]]));

  it('seals the names, the bank account and the notice, and opens them again', () => {
    const sealed = [submitted, rejected, paid].map((e) => sealClaimEvent(keyring, e));
    expect(JSON.stringify(sealed)).not.toMatch(/赵|13853712345|6217000012345678/);
    expect(sealed[2]?.data).toMatchObject({ payeeAccount: null, payee: { residentId: 'R1' } });
    expect(sealed.map((e) => openClaimEvent(keyring, e))).toEqual([submitted, rejected, paid]);
  });

  it('reads erased once the key is gone', () => {
    const gone = new PersonKeyring(new Map());
    expect(openClaimEvent(gone, sealClaimEvent(keyring, submitted)).data.maskedName).toBe(ERASED);
    expect(openClaimEvent(gone, sealClaimEvent(keyring, rejected)).data.notice.phone).toBe(ERASED);
    expect(openClaimEvent(gone, sealClaimEvent(keyring, paid)).data.payee.name).toBe(ERASED);
  });

  it('names each resident once', () => {
    expect(residentsOf([submitted, rejected, paid, { type: 'x', data: null }])).toEqual(['R1']);
  });
});
