import { checkServiceResult } from './service-outcome';

describe('a service result', () => {
  it('keeps a done outcome with its record and kind', () => {
    expect(
      checkServiceResult({
        outcome: 'done',
        recordId: '37081119580907002X',
        recordKind: 'resident',
      }),
    ).toEqual({ outcome: 'done', recordId: '37081119580907002X', recordKind: 'resident' });
  });

  it('needs a reason for not-handled, and takes one for nothing else', () => {
    expect(() => checkServiceResult({ outcome: 'not-handled' })).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: 'reason' })] }),
    );
    expect(() => checkServiceResult({ outcome: 'done', reason: 'not-eligible' })).toThrow(
      expect.objectContaining({
        kind: 'invalid',
        fields: [expect.objectContaining({ field: 'reason' })],
      }),
    );
    expect(checkServiceResult({ outcome: 'not-handled', reason: 'resident-left' })).toEqual({
      outcome: 'not-handled',
      reason: 'resident-left',
    });
  });

  it('needs the clerk’s words when the reason is other, and keeps them trimmed', () => {
    expect(() =>
      checkServiceResult({ outcome: 'not-handled', reason: 'other', note: '  ' }),
    ).toThrow(expect.objectContaining({ fields: [expect.objectContaining({ field: 'note' })] }));
    expect(
      checkServiceResult({ outcome: 'not-handled', reason: 'other', note: ' old letter ' }),
    ).toEqual({ outcome: 'not-handled', reason: 'other', note: 'old letter' });
    expect(() => checkServiceResult({ outcome: 'done', note: 'fine' })).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: 'note' })] }),
    );
  });

  it('names the record a kind belongs to', () => {
    expect(() => checkServiceResult({ outcome: 'done', recordKind: 'payment' })).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ field: 'recordId' })] }),
    );
  });
});
