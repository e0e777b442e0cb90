import type { Schema } from './validator-schemas';

export const ERROR_BODY_REF = '#/components/schemas/ErrorBody';

/** CONTRACT's error shape, as every refusal sends it; some add fields (nearestStations, down). */
export const ERROR_BODY_SCHEMA: Schema = {
  type: 'object',
  required: ['error', 'message', 'fields'],
  properties: {
    error: { type: 'string', example: 'validation_failed' },
    message: { type: 'string' },
    fields: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'problem'],
        properties: {
          field: { type: 'string', example: 'residentId' },
          problem: { type: 'string', example: 'has a wrong check digit' },
        },
      },
    },
  },
};

interface Operation {
  parameters?: { in: string; name?: string }[];
  requestBody?: unknown;
  security?: unknown[];
  responses: Record<string, { description?: string; content?: Record<string, unknown> }>;
}

/** Answers any operation may give, by what the operation takes, besides its own. */
function sharedStatuses(operation: Operation): [string, string][] {
  const where = new Set((operation.parameters ?? []).map((p) => p.in));
  const statuses: [string, string][] = [
    ['503', 'The answer did not begin within the time limit (Retry-After says when to retry)'],
  ];
  if ((operation.security ?? []).length > 0)
    statuses.push(
      ['401', 'No bearer token, or one that is invalid, expired or revoked'],
      ['403', 'The caller’s role or station may not do this'],
    );
  if (operation.requestBody)
    statuses.push(
      ['400', 'The body is not valid JSON'],
      ['413', 'The body is too large'],
      ['415', 'The body is not application/json'],
    );
  if (operation.requestBody || where.has('path') || where.has('query') || where.has('header'))
    statuses.push(['422', 'A field, parameter or header is wrong; each is named']);
  // Every command appends to a stream at the version it read: another change in between, or
  // the record's state, refuses it.
  if ((operation.parameters ?? []).some((p) => p.in === 'header' && p.name === 'Idempotency-Key'))
    statuses.push([
      '409',
      'The record changed meanwhile or its state refuses this; reload or retry',
    ]);
  if (where.has('path'))
    statuses.push(
      ['400', 'The path is not valid percent-encoded UTF-8'],
      ['404', 'Nothing on record under this path'],
      ['414', 'A part of the path is too long'],
    );
  return statuses;
}

/**
 * Every operation lists every status it can answer, and every refusal points at the one error
 * shape, so a client can rely on `fields` without reading each route's prose.
 */
export function describeRefusals(operation: Operation): void {
  for (const [status, description] of sharedStatuses(operation))
    operation.responses[status] ??= { description };
  for (const [status, response] of Object.entries(operation.responses)) {
    if (Number(status) < 400) continue;
    const own = (response.content?.['application/json'] as { schema?: Schema } | undefined)?.schema;
    // A route's fuller refusal (a wrong station with the nearest ones) is one of its refusals;
    // the validation pipe's, in the plain shape, can come from the same route.
    const schema =
      own && own.$ref !== ERROR_BODY_REF
        ? { anyOf: [{ $ref: ERROR_BODY_REF }, own] }
        : { $ref: ERROR_BODY_REF };
    response.content = { ...response.content, 'application/json': { schema } };
  }
}
