import { DomainError } from '@circle/kernel';
import {
  MalformedIdempotencyKey,
  readIdempotencyKey,
  type KeyedRequest,
} from './idempotency-key.reader';

const request = (overrides: Partial<KeyedRequest> = {}): KeyedRequest => ({
  header: 'k-1',
  username: 'clerk-town-1',
  method: 'POST',
  url: '/api/stations/town-1/tickets',
  body: { business: 'CHANGE_INFO' },
  ...overrides,
});

const key = (overrides: Partial<KeyedRequest> = {}) => readIdempotencyKey(request(overrides));

describe('readIdempotencyKey', () => {
  it('reads no key when the header is absent', () => {
    expect(key({ header: undefined })).toBeUndefined();
  });

  it.each([
    ['one character', '!'],
    ['100 characters', 'k'.repeat(100)],
    ['every visible ASCII character', '!"#$%&\'()*+,-./09:;<=>?@AZ[\\]^_`az{|}~'],
    ['a UUID', '0f8fad5b-d9cb-469f-a165-70867728950e'],
  ])('takes %s', (_, header) => {
    expect(key({ header })?.key).toBe(header);
  });

  it.each([
    ['empty', ''],
    ['101 characters', 'k'.repeat(101)],
    ['a space', 'a b'],
    ['a tab', 'a\tb'],
    ['a control character', 'a\u0001b'],
    ['DEL', 'a\u007fb'],
    ['non-ASCII', 'k键'],
    ['sent twice', ['a', 'b']],
  ])('refuses %s with 422 naming Idempotency-Key', (_, header) => {
    const read = () => key({ header });
    expect(read).toThrow(MalformedIdempotencyKey);
    let error: unknown;
    try {
      read();
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({
      kind: 'invalid',
      fields: [{ field: 'Idempotency-Key', problem: expect.stringContaining('1 to 100') }],
    });
  });

  it('keeps each user’s keys apart, whatever the route', () => {
    expect(key()?.scope).toBe('clerk-town-1');
    expect(key({ username: 'clerk-town-2' })?.scope).toBe('clerk-town-2');
    expect(key({ url: '/api/tickets/t-1/cancel' })?.scope).toBe('clerk-town-1');
  });

  it('takes the same request for the same fingerprint, fields in any order', () => {
    const a = key({ body: { business: 'CHANGE_INFO', phone: '13800138000' } });
    const b = key({ body: { phone: '13800138000', business: 'CHANGE_INFO' } });
    expect(a?.fingerprint).toBe(b?.fingerprint);
  });

  it('tells another body, method or path apart, but not a query string', () => {
    const first = key()?.fingerprint;
    expect(key({ body: { business: 'ENROLL_RESIDENT' } })?.fingerprint).not.toBe(first);
    expect(key({ method: 'PUT' })?.fingerprint).not.toBe(first);
    expect(key({ url: '/api/stations/town-2/tickets' })?.fingerprint).not.toBe(first);
    expect(key({ url: '/api/stations/town-1/tickets?x=1' })?.fingerprint).toBe(first);
  });

  it('takes no body, null and an empty object as the same body', () => {
    const bodies = [undefined, null, {}].map((body) => key({ body })?.fingerprint);
    expect(new Set(bodies).size).toBe(1);
    expect(key({ body: [] })?.fingerprint).not.toBe(bodies[0]);
  });
});
