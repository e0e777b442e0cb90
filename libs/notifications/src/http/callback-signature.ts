import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-circle-signature';
export const TIMESTAMP_HEADER = 'x-circle-timestamp';
/** A signed callback older or newer than this is refused, so a captured one cannot be replayed later. */
export const TOLERANCE_SECONDS = 300;

/** `sha256=` and the hex HMAC-SHA256 of `<timestamp>.<raw body>` under the shared secret. */
export function signCallback(secret: string, timestamp: string, body: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex')}`;
}

export type SignatureCheck =
  { readonly ok: true } | { readonly ok: false; readonly problem: string };

export function checkSignature(
  secret: string | null,
  headers: Readonly<Record<string, string | string[] | undefined>>,
  body: Buffer | undefined,
  nowSeconds: number,
): SignatureCheck {
  if (!secret) return { ok: false, problem: 'callbacks are not configured (SMS_CALLBACK_SECRET)' };
  const signature = headers[SIGNATURE_HEADER];
  const timestamp = headers[TIMESTAMP_HEADER];
  if (typeof signature !== 'string' || typeof timestamp !== 'string')
    return { ok: false, problem: `${SIGNATURE_HEADER} and ${TIMESTAMP_HEADER} are required` };
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(nowSeconds - Number(timestamp)) > TOLERANCE_SECONDS)
    return {
      ok: false,
      problem: `${TIMESTAMP_HEADER} is not within ${TOLERANCE_SECONDS} s of now`,
    };
  const expected = Buffer.from(signCallback(secret, timestamp, body ?? Buffer.alloc(0)));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, problem: 'the signature does not match the body' };
  return { ok: true };
}
