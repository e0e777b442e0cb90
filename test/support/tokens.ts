import { createHmac } from 'node:crypto';
import { TEST_JWT_SECRET } from './test-env';

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export interface Claims {
  sub: string;
  role: string;
  stationId?: string;
  gen?: number;
  iat?: number;
  exp?: number;
}

/** A JWT as the apps would make one, or as an attacker would, by the secret and header given. */
export function signedToken(claims: Claims, secret = TEST_JWT_SECRET, alg = 'HS256'): string {
  const now = Math.floor(Date.now() / 1000);
  const body = `${base64url({ alg, typ: 'JWT' })}.${base64url({ iat: now, exp: now + 3600, ...claims })}`;
  if (alg === 'none') return `${body}.`;
  return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`;
}

const ADMIN: Claims = { sub: 'admin', role: 'admin' };

/** Tokens every route must refuse with 401, each claiming to be the admin. */
export const BAD_TOKENS = {
  forged: () => signedToken(ADMIN, 'not-the-secret-of-these-apps-at-all'),
  algNone: () => signedToken(ADMIN, '', 'none'),
  expired: () => {
    const past = Math.floor(Date.now() / 1000) - 7200;
    return signedToken({ ...ADMIN, iat: past - 3600, exp: past });
  },
} as const;
