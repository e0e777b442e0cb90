import { resolved, type OpenApiDocument, type Schema } from '../support/openapi';
import { textMatching } from './pattern-text';
import type { Random } from './random';

/** Values a field of this name takes in the demo district, so valid requests reach the rules. */
export type KnownValues = Readonly<Record<string, readonly unknown[]>>;

export interface Sampling {
  readonly document: OpenApiDocument;
  readonly random: Random;
  readonly known: KnownValues;
}

function numberIn(schema: Schema, random: Random): number {
  const min = typeof schema.minimum === 'number' ? schema.minimum : 0;
  const max =
    typeof schema.maximum === 'number'
      ? Math.min(schema.maximum, min + 5_000_000)
      : min + 5_000_000;
  const whole = random.chance(0.3) ? min : random.int(min, max);
  return schema.type === 'integer' ? whole : whole + (random.chance(0.5) ? 0.5 : 0);
}

function stringOf(schema: Schema, random: Random): string {
  if (typeof schema.pattern === 'string') {
    const text = textMatching(schema.pattern, random);
    if (text !== undefined) return text;
  }
  if (typeof schema.example === 'string') return schema.example;
  if (schema.format === 'date') return '2022-06-01';
  if (schema.format === 'date-time') return '2022-06-01T09:30:00+08:00';
  const min = typeof schema.minLength === 'number' ? schema.minLength : 1;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : 12;
  const length = random.int(min, Math.max(min, Math.min(max, min + 12)));
  return Array.from({ length }, () => random.pick([...'abcdefgh张三李四0123'])).join('');
}

function objectOf(schema: Schema, sampling: Sampling, depth: number): Record<string, unknown> {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set((schema.required ?? []) as string[]);
  const value: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(properties)) {
    if (!required.has(name) && sampling.random.chance(0.5)) continue;
    const known = sampling.known[name];
    value[name] =
      known && sampling.random.chance(0.7)
        ? sampling.random.pick(known)
        : sampleOf(property, sampling, depth + 1);
  }
  return value;
}

/** A value the schema allows, leaning on known values and schema examples where it can. */
export function sampleOf(given: Schema | undefined, sampling: Sampling, depth = 0): unknown {
  const schema = resolved(sampling.document, given);
  const { random } = sampling;
  if (Array.isArray(schema.enum)) return random.pick(schema.enum);
  for (const key of ['allOf', 'oneOf', 'anyOf'])
    if (Array.isArray(schema[key]))
      return sampleOf(random.pick(schema[key] as Schema[]), sampling, depth);
  if (depth > 6) return null;
  switch (schema.type) {
    case 'integer':
    case 'number':
      return numberIn(schema, random);
    case 'boolean':
      return random.chance(0.5);
    case 'string':
      return stringOf(schema, random);
    case 'array': {
      const min = typeof schema.minItems === 'number' ? schema.minItems : 0;
      const length = random.int(min, min + 2);
      return Array.from({ length }, () => sampleOf(schema.items as Schema, sampling, depth + 1));
    }
    default:
      return objectOf(schema, sampling, depth);
  }
}
