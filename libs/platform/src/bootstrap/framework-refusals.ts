import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorBody } from '../errors/error-body';

/**
 * What Fastify's router refuses before any route or hook of ours runs: a path that is not valid
 * percent-encoded UTF-8 (400), or a path parameter over its length limit (414). Said in the one
 * error shape, naming the path, instead of Fastify's own.
 */
export function frameworkRefusal(
  error: FastifyError,
  _request: FastifyRequest,
  reply: FastifyReply,
): void {
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  const body: ErrorBody = {
    error: tooLong ? 'uri_too_long' : 'bad_request',
    message: tooLong
      ? 'a part of the path is too long'
      : 'the path is not valid percent-encoded UTF-8',
    fields: [
      { field: 'path', problem: tooLong ? 'has a part that is too long' : 'is not valid UTF-8' },
    ],
  };
  void reply.code(tooLong ? 414 : 400).send(body);
}
