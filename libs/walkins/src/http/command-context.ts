import type { FastifyRequest } from 'fastify';
import { idempotencyKeyOf } from '@circle/event-store';
import type { Principal } from '@circle/platform';
import { randomUUID } from 'node:crypto';
import type { CommandContext } from '../streams/event-stream';

/**
 * Who acts, for which request, and the Idempotency-Key if the caller sent one: a repeat of the
 * same request by the same user gets the first answer back (CONTRACT). A malformed key is
 * refused here, before the command runs, so nothing is decided or stored for it.
 */
export function commandContext(
  request: FastifyRequest,
  principal: Principal,
  stationId: string,
): CommandContext {
  const correlationId = request.id || randomUUID();
  const idempotency = idempotencyKeyOf(request, principal);
  return {
    metadata: { correlationId, actor: principal.username, stationId },
    ...(idempotency ? { idempotency } : {}),
  };
}
