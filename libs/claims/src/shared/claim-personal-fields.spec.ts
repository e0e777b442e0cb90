import { ERASED, PersonKeyring } from '@circle/event-store';
import { newPersonKey } from '../../../event-store/src/personal-data/person-key-cipher';
import { openClaimEvent, residentsOf, sealClaimEvent } from './claim-personal-fields';

const submitted = {
  type: 'claims.ClaimSubmitted',
  data: { claimId: 'C1', residentId: 'R1', maskedName: '赵**', totalFen: 100 },
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

  it('seals the submitted masked name and the notice, and opens them again', () => {
    const sealedSubmission = sealClaimEvent(keyring, submitted);
    const sealedRejection = sealClaimEvent(keyring, rejected);
    expect(JSON.stringify([sealedSubmission, sealedRejection])).not.toMatch(/赵|13853712345/);
    expect(openClaimEvent(keyring, sealedSubmission)).toEqual(submitted);
    expect(openClaimEvent(keyring, sealedRejection)).toEqual(rejected);
  });

  it('reads erased once the key is gone', () => {
    const gone = new PersonKeyring(new Map());
    expect(openClaimEvent(gone, sealClaimEvent(keyring, submitted)).data.maskedName).toBe(ERASED);
    expect(openClaimEvent(gone, sealClaimEvent(keyring, rejected)).data.notice.phone).toBe(ERASED);
  });

  it('names each resident once', () => {
    expect(residentsOf([submitted, rejected, { type: 'x', data: null }])).toEqual(['R1']);
  });
});
