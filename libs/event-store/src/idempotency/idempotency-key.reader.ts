import { DomainError } from '@circle/kernel';
import type { IdempotencyKey } from '../store/command-answer';
import { requestFingerprint } from '../store/request-fingerprint';

export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

// CONTRACT: 1–100 visible ASCII characters. A space can never be part of a key a caller sends,
// which leaves it free to mark keys the store derives from a caller's key (see kept-transfer).
const KEY = /^[\x21-\x7e]{1,100}$/;

const PROBLEM = 'must be 1 to 100 visible ASCII characters (0x21 to 0x7E)';

/** What of a request its Idempotency-Key depends on; every field as received. */
export interface KeyedRequest {
  /** The header's value; an array when the header came more than once. */
  readonly header: string | readonly string[] | undefined;
  readonly username: string;
  readonly method: string;
  readonly url: string;
  readonly body: unknown;
}

/** The header is there but is not a key: refused before anything runs, so nothing is stored. */
export class MalformedIdempotencyKey extends DomainError {
  constructor() {
    super('invalid', 'validation_failed', `${IDEMPOTENCY_KEY_HEADER} ${PROBLEM}`, [
      { field: IDEMPOTENCY_KEY_HEADER, problem: PROBLEM },
    ]);
  }
}

/**
 * The one reading of Idempotency-Key (CONTRACT): absent is no key, malformed is a 422.
 *
 * A key belongs to the user who sent it, whatever the route: the scope is the username alone.
 * The route (method and path) is part of the fingerprint with the body, so the same key sent by
 * the same user to another route is a reuse (422), not a second key that would apply again.
 */
export function readIdempotencyKey(request: KeyedRequest): IdempotencyKey | undefined {
  const { header } = request;
  if (header === undefined) return undefined;
  if (typeof header !== 'string' || !KEY.test(header)) throw new MalformedIdempotencyKey();
  return { scope: request.username, key: header, fingerprint: fingerprintOf(request) };
}

function fingerprintOf(request: KeyedRequest): string {
  // The query string is left out: no command reads one, so it cannot make two requests differ.
  const path = request.url.split('?', 1)[0];
  return requestFingerprint(request.method.toUpperCase(), path, bodyOf(request.body));
}

// A command without a body may be sent with none or with `{}`: it is the same request.
function bodyOf(body: unknown): unknown {
  if (body === undefined || body === null) return null;
  const empty = typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length === 0;
  return empty ? null : body;
}
