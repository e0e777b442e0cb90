import { canonicalJson, requestFingerprint } from './request-fingerprint';

describe('requestFingerprint', () => {
  it('ignores the order of object keys at every depth', () => {
    const a = { business: 'B01', person: { phone: '1', name: 'x' } };
    const b = { person: { name: 'x', phone: '1' }, business: 'B01' };
    expect(requestFingerprint('POST /tickets', a)).toBe(requestFingerprint('POST /tickets', b));
  });

  it('tells different requests apart', () => {
    expect(requestFingerprint({ business: 'B01' })).not.toBe(
      requestFingerprint({ business: 'B02' }),
    );
    expect(requestFingerprint('open', {})).not.toBe(requestFingerprint('close', {}));
  });

  it('keeps array order, which is meaningful', () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });

  it('writes nested keys sorted', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}',
    );
  });
});
