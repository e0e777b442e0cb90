import type { Server } from 'node:http';
import { BadRequestException } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { correlationIdOf } from '../logging/request-log';
import { prototypeKeyRefusal, UnsupportedMediaType } from './body-refusals';
import { frameworkRefusal } from './framework-refusals';

/** Request bodies are forms of a few fields; anything larger is refused with 413 naming it. */
export const BODY_LIMIT_BYTES = 100 * 1024;

/** Outlasts any client's idle keep-alive; see createHttpAdapter. */
export const KEEP_ALIVE_MS = 65_000;

/**
 * Fastify under Nest: on a busy counter its routing and replies cost well under half of what
 * Express's did per request. Keep-alive outlasts any client's idle timeout, so a client never
 * reuses a socket the server is closing at that very moment ("other side closed"). On
 * shutdown idle sockets close at once and in-flight requests finish instead of being cut.
 * A request must arrive whole within `requestTimeoutMs` (Node answers 408 otherwise), so a
 * client trickling its bytes cannot hold a socket open; the answer's own limit is
 * installResponseDeadline's.
 */
export function createHttpAdapter(requestTimeoutMs: number): FastifyAdapter {
  return new FastifyAdapter({
    genReqId: correlationIdOf,
    keepAliveTimeout: KEEP_ALIVE_MS,
    forceCloseConnections: 'idle',
    bodyLimit: BODY_LIMIT_BYTES,
    requestTimeout: requestTimeoutMs,
    http: {
      // Not above the request timeout: Node applies the larger of the two to the body too, so
      // a longer one would undo the request's. Idle keep-alive time counts toward neither (both
      // clocks start at a request's first byte), so keep-alive needs no longer one.
      headersTimeout: requestTimeoutMs,
      // Node looks for overdue requests every 30 s by default, which would let a 30 s limit
      // stretch to a minute; once a second keeps it to the second.
      connectionsCheckingInterval: 1_000,
    },
    logger: false,
    frameworkErrors: frameworkRefusal,
    // No route needs Express-style middleware (the live streams' query token is the access
    // guard's), and middie would match every request's path against none.
    skipMiddie: true,
  });
}

export class MalformedJsonBody extends BadRequestException {
  constructor() {
    super({
      error: 'malformed_json',
      message: 'the request body is not valid JSON',
      fields: [{ field: 'body', problem: 'is not valid JSON' }],
    });
  }
}

/** The bytes of a JSON body as they arrived, for routes that check a signature over them. */
export interface WithRawBody {
  rawBody?: Buffer;
}

/**
 * JSON bodies as Fastify parses them (prototype poisoning refused, naming the key), except that
 * an empty body is no body: clients send `POST …/call-next` with a JSON content type and nothing
 * after it.
 * The raw bytes stay on the request: a signed callback is checked over what was sent, not over
 * a re-serialisation of it. Any other content type is refused with 415.
 */
export function useJsonBodies(app: NestFastifyApplication): void {
  const http = app.getHttpAdapter().getInstance();
  const parseJson = http.getDefaultJsonParser('error', 'error');
  app.useBodyParser<Server>(
    'application/json',
    { bodyLimit: BODY_LIMIT_BYTES },
    (request, body, done) => {
      (request as WithRawBody).rawBody = body;
      if (body.length === 0) {
        done(null, undefined);
        return;
      }
      const text = body.toString('utf8');
      parseJson(request, text, (error, parsed) =>
        error
          ? done(prototypeKeyRefusal(text) ?? new MalformedJsonBody(), undefined)
          : done(null, parsed),
      );
    },
  );
  // Fastify takes text/plain by default and Nest adds forms; neither is a request of ours.
  http.removeContentTypeParser('text/plain');
  app.useBodyParser<Server>('*', { bodyLimit: BODY_LIMIT_BYTES }, (request, _body, done) =>
    // A path nobody serves stays a 404, whatever its body.
    request.is404 ? done(null, undefined) : done(new UnsupportedMediaType(), undefined),
  );
}
