import { newPersonKey } from './person-key-cipher';
import { PersonKeyring } from './person-keyring';
import { ERASED } from './erased';
import { openNotice, sealedNoticeResident, sealNotice } from './sealed-notice';

const settled = (phone: string | null) => ({
  type: 'settlement.BillSettled',
  data: {
    residentId: 'R1',
    settlementId: 'S1',
    notice: { phone, maskedName: '王**', summary: '已结算', amountsFen: { totalFen: 100 } },
  },
});

describe("an event's SMS notice, sealed with the resident's key", () => {
  const keyring = new PersonKeyring(new Map([['R1', newPersonKey()]]));

  it('seals the phone and masked name only, and opens them again', () => {
    const sealed = sealNotice(keyring, settled('13900001111'));
    const notice = sealed.data.notice;
    expect(notice.phone).toMatch(/^pd1:/);
    expect(notice.maskedName).toMatch(/^pd1:/);
    expect(notice.summary).toBe('已结算');
    expect(sealed.data.settlementId).toBe('S1');
    expect(sealedNoticeResident(sealed)).toBe('R1');
    expect(openNotice(keyring, sealed)).toEqual(settled('13900001111'));
  });

  it('keeps a missing phone missing, and leaves events without a notice alone', () => {
    expect(sealNotice(keyring, settled(null)).data.notice.phone).toBeNull();
    const plain = { type: 'walkins.TicketCalled', data: { ticketId: 'T1' } };
    expect(sealNotice(keyring, plain)).toBe(plain);
    expect(sealedNoticeResident(plain)).toBeUndefined();
  });

  it('opens as erased once the key is gone', () => {
    const sealed = sealNotice(keyring, settled('13900001111'));
    const opened = openNotice(new PersonKeyring(new Map()), sealed);
    expect(opened.data.notice).toMatchObject({ phone: ERASED, maskedName: ERASED });
  });

  it('seals nothing twice', () => {
    const once = sealNotice(keyring, settled('13900001111'));
    expect(sealNotice(keyring, once)).toBe(once);
  });
});
