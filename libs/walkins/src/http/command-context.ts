import type { FastifyRequest } from 'fastify';
import { requestFingerprint } from '@circle/event-store';
import type { Principal } from '@circle/platform';
import { randomUUID } from 'node:crypto';
import type { CommandContext } from '../streams/event-stream';

const IDEMPOTENCY_KEY = /^[\w.:-]{1,200}$/;

/**
 * Who acts, for which request, and the Idempotency-Key if the caller sent one: a repeat of the
 * same request by the same user gets the first answer back (CONTRACT).
 */
export function commandContext(
  request: FastifyRequest,
  principal: Principal,
  stationId: string,
): CommandContext {
  const correlationId = request.id || randomUUID();
  const key = request.headers['idempotency-key'];
  const path = request.url.split('?', 1)[0];
  return {
    metadata: { correlationId, actor: principal.username, stationId },
    ...(typeof key === 'string' && IDEMPOTENCY_KEY.test(key)
      ? {
          idempotency: {
            scope: `${principal.username} ${request.method} ${path}`,
            key,
            fingerprint: requestFingerprint(request.body ?? null),
          },
        }
      : {}),
  };
}
