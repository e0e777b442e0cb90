import type { FastifyInstance } from 'fastify';
import type { ErrorBody } from '../errors/error-body';

function timedOut(seconds: number): ErrorBody {
  return {
    error: 'timeout',
    message:
      `no answer within ${seconds} s; a command may still have been carried out: repeat it ` +
      'with the same Idempotency-Key to get its answer',
    fields: [],
    retryAfterSeconds: 1,
  };
}

/**
 * Once a request has arrived, its answer must begin within the time limit, or the caller gets 503 instead of a socket held
 * open behind a stuck lock or a database that went away. The work itself is not cancelled, so
 * a command can still complete: the message says how to learn its answer. A stream that has
 * begun (the live queue) is never cut, whatever its length.
 */
export function installResponseDeadline(http: FastifyInstance, seconds: number): void {
  // From the handler's start: the request's arrival has its own limit (408, see
  // createHttpAdapter), and a slow client is its own fault, not the server's.
  http.addHook('preHandler', (_request, reply, done) => {
    const timer = setTimeout(() => {
      if (reply.sent || reply.raw.headersSent) return;
      void reply.code(503).header('Retry-After', '1').send(timedOut(seconds));
    }, seconds * 1000);
    reply.raw.once('close', () => clearTimeout(timer));
    done();
  });
}
