import { HttpException, HttpStatus, UnprocessableEntityException } from '@nestjs/common';

/** Every route takes JSON or nothing: a form or text body is refused before any handler. */
export class UnsupportedMediaType extends HttpException {
  constructor() {
    super(
      {
        error: 'unsupported_media_type',
        message: 'the request body must be application/json',
        fields: [{ field: 'Content-Type', problem: 'must be application/json' }],
      },
      HttpStatus.UNSUPPORTED_MEDIA_TYPE,
    );
  }
}

const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function prototypePaths(value: unknown, path: string): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => {
    const field = path ? `${path}.${key}` : key;
    return PROTOTYPE_KEYS.has(key) ? [field] : prototypePaths(item, field);
  });
}

/**
 * Fastify refuses `__proto__` and `constructor.prototype` keys while parsing, with the same
 * error as broken JSON. When the text is valid JSON the key was the reason: say so and name it,
 * as any other field that is not allowed. JSON.parse itself makes such a key an own property,
 * so reading it here pollutes nothing.
 */
export function prototypeKeyRefusal(text: string): UnprocessableEntityException | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const fields = prototypePaths(parsed, '').map((field) => ({
    field,
    problem: 'is not an allowed field',
  }));
  if (fields.length === 0) return undefined;
  return new UnprocessableEntityException({
    error: 'validation_failed',
    message: fields.map((f) => `${f.field} ${f.problem}`).join('; '),
    fields,
  });
}
