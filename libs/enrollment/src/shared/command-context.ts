import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '@circle/platform';
import { requestFingerprint, type IdempotencyKey } from '@circle/event-store';
import { InvalidEnrollmentInput } from '../domain/enrollment.errors';

/** Who asks, under which correlation id, and with which Idempotency-Key if any. */
export interface CommandContext {
  readonly principal: Principal;
  readonly correlationId: string;
  readonly idempotency: IdempotencyKey | undefined;
}

const KEY = /^[\x21-\x7e]{1,200}$/;

function idempotencyOf(request: FastifyRequest, principal: Principal): IdempotencyKey | undefined {
  const key = request.headers['idempotency-key'];
  if (key === undefined) return undefined;
  if (typeof key !== 'string' || !KEY.test(key))
    throw new InvalidEnrollmentInput(
      'Idempotency-Key',
      'must be 1 to 200 visible ASCII characters',
    );
  // Keys are the caller's own: two clerks picking the same key never see each other's answer.
  return {
    scope: `enrollment:${principal.username}`,
    key,
    fingerprint: requestFingerprint(request.method, request.url, request.body ?? null),
  };
}

export const Context = createParamDecorator(
  (_: unknown, context: ExecutionContext): CommandContext => {
    const request = context.switchToHttp().getRequest<FastifyRequest & { principal: Principal }>();
    return {
      principal: request.principal,
      correlationId: request.id,
      idempotency: idempotencyOf(request, request.principal),
    };
  },
);
