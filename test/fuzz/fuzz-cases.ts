import {
  resolved,
  type DocumentedOperation,
  type Parameter,
  type Schema,
} from '../support/openapi';
import {
  INHERITED_KEYS,
  malformedBodies,
  oddValue,
  REFUSED_TEXT,
  UNKNOWN_KEYS,
} from './hostile-values';
import type { Random } from './random';
import { sampleOf, type KnownValues, type Sampling } from './schema-values';

export const CASE_KINDS = [
  'valid',
  'odd-field',
  'unknown-field',
  'refused-text',
  'odd-path',
  'odd-query',
  'raw-body',
  'idempotency-key',
  'other-method',
] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** One request the fuzzer sends, and what it knows the answer must be. */
export interface FuzzRequest {
  readonly kind: CaseKind;
  readonly target: DocumentedOperation;
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body?: string | Buffer;
  /** The answer must be a refusal (4xx), naming this field when it is a 400 or 422. */
  readonly mustRefuse?: { field?: string };
}

const parametersIn = (t: DocumentedOperation, where: Parameter['in']) =>
  (t.operation.parameters ?? []).filter((p) => p.in === where);

function bodySchema(target: DocumentedOperation): Schema | undefined {
  return target.operation.requestBody?.content['application/json']?.schema;
}

// A lone surrogate has no UTF-8; sent as the bytes a careless encoder makes (invalid UTF-8).
function encoded(value: unknown): string {
  return [...String(value)]
    .map((c) => (/[\ud800-\udfff]/.test(c) ? '%ED%A0%80' : encodeURIComponent(c)))
    .join('');
}

function pathOf(target: DocumentedOperation, sampling: Sampling, odd?: string): string {
  return target.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    if (odd === name) return encoded(oddValue(sampling.random));
    const known = sampling.known[name];
    const param = parametersIn(target, 'path').find((p) => p.name === name);
    const value = known
      ? sampling.random.pick(known)
      : sampleOf(param?.schema ?? { type: 'string' }, sampling);
    return encoded(value);
  });
}

function queryOf(target: DocumentedOperation, sampling: Sampling, odd?: string): string {
  const query = new URLSearchParams();
  for (const param of parametersIn(target, 'query')) {
    if (param.name === odd) query.set(param.name, String(oddValue(sampling.random)));
    else if (param.required || sampling.random.chance(0.5))
      query.set(
        param.name,
        String(sampling.known[param.name]?.[0] ?? sampleOf(param.schema, sampling)),
      );
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

function withField(body: unknown, field: string, value: unknown): string {
  const object = typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {};
  // Built as text so keys such as __proto__ arrive as sent, not as a prototype.
  const rest = JSON.stringify(object).slice(1, -1);
  return `{${rest}${rest ? ',' : ''}${JSON.stringify(field)}:${JSON.stringify(value) ?? 'null'}}`;
}

type Draft = Pick<FuzzRequest, 'body' | 'mustRefuse'> & {
  type?: string;
  oddPath?: string;
  oddQuery?: string;
};

function bodyCase(kind: CaseKind, target: DocumentedOperation, sampling: Sampling): Draft {
  const { random } = sampling;
  const schema = bodySchema(target);
  const valid = schema ? sampleOf(schema, sampling) : undefined;
  const fields = Object.keys((valid ?? {}) as object);
  if (kind === 'odd-field' && fields.length)
    return { body: withField(valid, random.pick(fields), oddValue(random)) };
  if (kind === 'refused-text' && schema) {
    const field = fields.length ? random.pick(fields) : 'note';
    return { body: withField(valid, field, random.pick(REFUSED_TEXT)), mustRefuse: { field } };
  }
  if (kind === 'unknown-field' && schema) {
    // A free-form body (GeoJSON) may carry members of its own; inherited keys never.
    const closed = resolved(sampling.document, schema).additionalProperties === false;
    const field = random.pick(closed ? UNKNOWN_KEYS : INHERITED_KEYS);
    return { body: withField(valid, field, oddValue(random)), mustRefuse: { field } };
  }
  if (kind === 'raw-body' && schema) {
    const { body, type } = malformedBodies(random);
    return { body, type, mustRefuse: {} };
  }
  return { body: valid === undefined ? undefined : JSON.stringify(valid) };
}

function draftOf(kind: CaseKind, target: DocumentedOperation, sampling: Sampling): Draft {
  const { random } = sampling;
  const paths = parametersIn(target, 'path').map((p) => p.name);
  const queries = parametersIn(target, 'query').map((p) => p.name);
  if (kind === 'odd-path' && paths.length)
    return { ...bodyCase('valid', target, sampling), oddPath: random.pick(paths) };
  if (kind === 'odd-query' && queries.length)
    return { ...bodyCase('valid', target, sampling), oddQuery: random.pick(queries) };
  return bodyCase(kind, target, sampling);
}

/** Builds the request of one kind for one operation; kinds that do not apply fall back to valid. */
export function fuzzRequest(
  kind: CaseKind,
  target: DocumentedOperation,
  known: KnownValues,
  random: Random,
): FuzzRequest {
  const sampling: Sampling = { document: target.document, random, known };
  const draft = draftOf(kind, target, sampling);
  const headers: Record<string, string> = {};
  if (draft.body !== undefined) headers['content-type'] = draft.type ?? 'application/json';
  let mustRefuse = draft.mustRefuse;
  const keyed = parametersIn(target, 'header').some((p) => p.name === 'Idempotency-Key');
  if (kind === 'idempotency-key' && keyed) {
    headers['idempotency-key'] = random.pick([
      '',
      'x'.repeat(101),
      'key with spaces',
      'caf\u00e9',
      'tab\tkey',
    ]);
    // The body is validated before the key is read: a body the generator got wrong is named
    // instead, which is a refusal all the same.
    mustRefuse = draft.mustRefuse ?? (draft.body === undefined ? { field: 'Idempotency-Key' } : {});
  }
  const url = `${target.baseUrl}${pathOf(target, sampling, draft.oddPath)}${queryOf(target, sampling, draft.oddQuery)}`;
  return { kind, target, method: target.method, url, headers, body: draft.body, mustRefuse };
}
