import type { ApiHeaderOptions } from '@nestjs/swagger';
import { DEFAULT_KEY_TTL_HOURS } from './key-lifetime';
import { IDEMPOTENCY_KEY_HEADER } from './idempotency-key.reader';

/** The OpenAPI description of the header, shared by every command so they cannot drift apart. */
export const IDEMPOTENCY_HEADER: ApiHeaderOptions = {
  name: IDEMPOTENCY_KEY_HEADER,
  required: false,
  schema: { type: 'string', minLength: 1, maxLength: 100, pattern: '^[\\x21-\\x7E]{1,100}$' },
  description:
    '1 to 100 visible ASCII characters (0x21 to 0x7E); anything else is refused with 422 ' +
    'naming Idempotency-Key. A key belongs to the user who sent it: the same user repeating it ' +
    'with the same method, path and body gets the first answer (status and body) and nothing ' +
    'is recorded again; with anything else, 422 naming Idempotency-Key. Another user’s ' +
    `identical key is a different key. A key is kept for ${DEFAULT_KEY_TTL_HOURS} hours by ` +
    'default (IDEMPOTENCY_KEY_TTL_HOURS); after that it is a new key. A refused request keeps ' +
    'nothing, so it may be retried with the same key.',
};
