import type { Request } from 'express';
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
  request: Request,
  principal: Principal,
  stationId: string,
): CommandContext {
  const correlationId = (request as Request & { id?: unknown }).id?.toString() ?? randomUUID();
  const key = request.header('idempotency-key');
  return {
    metadata: { correlationId, actor: principal.username, stationId },
    ...(key && IDEMPOTENCY_KEY.test(key)
      ? {
          idempotency: {
            scope: `${principal.username} ${request.method} ${request.path}`,
            key,
            fingerprint: requestFingerprint(request.body ?? null),
          },
        }
      : {}),
  };
}
