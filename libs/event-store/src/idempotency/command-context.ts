import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Principal } from '@circle/platform';
import type { IdempotencyKey } from '../store/command-answer';
import { readIdempotencyKey } from './idempotency-key.reader';

/** Who asks, under which correlation id, and with which Idempotency-Key if any. */
export interface CommandContext {
  readonly principal: Principal;
  readonly correlationId: string;
  readonly idempotency: IdempotencyKey | undefined;
}

/** The request's Idempotency-Key as CONTRACT reads it; throws MalformedIdempotencyKey (422). */
export function idempotencyKeyOf(
  request: FastifyRequest,
  principal: Principal,
): IdempotencyKey | undefined {
  return readIdempotencyKey({
    header: request.headers['idempotency-key'],
    username: principal.username,
    method: request.method,
    url: request.url,
    body: request.body,
  });
}

/** A command's context; the access guard has put the principal on the request by now. */
export const Context = createParamDecorator(
  (_: unknown, context: ExecutionContext): CommandContext => {
    const request = context.switchToHttp().getRequest<FastifyRequest & { principal: Principal }>();
    return {
      principal: request.principal,
      correlationId: request.id,
      idempotency: idempotencyKeyOf(request, request.principal),
    };
  },
);
