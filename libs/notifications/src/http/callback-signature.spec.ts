import {
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  checkSignature,
  signCallback,
} from './callback-signature';

describe('callback signatures', () => {
  const secret = 'a-shared-callback-secret';
  const body = Buffer.from('{"type":"reply","phone":"13905371234","text":"TD"}');
  const now = 1_760_000_000;
  const signed = (timestamp = String(now), over = body) => ({
    [TIMESTAMP_HEADER]: timestamp,
    [SIGNATURE_HEADER]: signCallback(secret, timestamp, over),
  });

  it('accepts a body signed with the shared secret', () => {
    expect(checkSignature(secret, signed(), body, now + 10)).toEqual({ ok: true });
  });

  it('refuses an unsigned, altered, stale or foreign-signed body', () => {
    expect(checkSignature(secret, {}, body, now).ok).toBe(false);
    expect(checkSignature(secret, signed(String(now), Buffer.from('{}')), body, now).ok).toBe(
      false,
    );
    expect(checkSignature(secret, signed(String(now - 301)), body, now).ok).toBe(false);
    const foreign = {
      ...signed(),
      [SIGNATURE_HEADER]: signCallback('another-secret-entirely', String(now), body),
    };
    expect(checkSignature(secret, foreign, body, now).ok).toBe(false);
  });

  it('refuses everything when no secret is configured', () => {
    expect(checkSignature(null, signed(), body, now)).toMatchObject({ ok: false });
  });
});
