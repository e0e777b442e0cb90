import Ajv, { type ValidateFunction } from 'ajv';
import type { DocumentedOperation, OpenApiDocument, Schema } from '../support/openapi';

/** What the fuzzer saw of one answer. */
export interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly allow: string | null;
  readonly body: unknown;
}

export type FindingKind =
  | '5xx'
  | 'unnamed refusal'
  | 'undocumented status'
  | 'schema mismatch'
  | 'accepted what it must refuse'
  | 'wrong field named'
  | 'no 405'
  | 'stored from a refusal'
  | 'no answer';

// One Ajv per document: refs are resolved against its components, as the document says.
const compilers = new WeakMap<
  OpenApiDocument,
  { ajv: Ajv; compiled: Map<string, ValidateFunction> }
>();

/** Refs resolved against the document, and OpenAPI 3.0's `nullable` said as JSON Schema. */
function withDocumentRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withDocumentRefs);
  if (typeof value !== 'object' || value === null) return value;
  const { nullable, ...rest } = value as Schema;
  // OpenAPI 3.0.3: `nullable` admits null besides what the rest of the schema admits.
  if (nullable === true) return { anyOf: [withDocumentRefs(rest), { type: 'null' }] };
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [
      k,
      k === '$ref' && typeof v === 'string' ? `doc${v}` : withDocumentRefs(v),
    ]),
  );
}

function compilerOf(document: OpenApiDocument) {
  let compiler = compilers.get(document);
  if (!compiler) {
    const ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addFormat('date', /^\d{4}-\d{2}-\d{2}$/);
    ajv.addFormat('date-time', (text: string) => !Number.isNaN(Date.parse(text)));
    ajv.addSchema({ $id: 'doc', components: withDocumentRefs(document.components ?? {}) });
    compiler = { ajv, compiled: new Map() };
    compilers.set(document, compiler);
  }
  return compiler;
}

export function validatorFor(
  document: OpenApiDocument,
  key: string,
  schema: Schema,
): ValidateFunction {
  const { ajv, compiled } = compilerOf(document);
  const found = compiled.get(key) ?? ajv.compile(withDocumentRefs(schema) as Schema);
  compiled.set(key, found);
  return found;
}

function documentedSchema(target: DocumentedOperation, status: number): Schema | undefined {
  const response = target.operation.responses[String(status)];
  const content = response?.content ?? {};
  return (content['application/json'] ?? Object.values(content)[0])?.schema;
}

const UNAVAILABLE = new Set(['database_unavailable', 'timeout', 'unhealthy']);

/**
 * A 503 naming the database as unavailable (in a command's answer or /health's), or a deadline
 * passed: PostgreSQL is shared with other suites and refuses connections when they take them
 * all. Counted, never a bug.
 */
export function isUnavailable(answer: Answer): boolean {
  const error = (answer.body as { error?: unknown } | undefined)?.error;
  return answer.status === 503 && UNAVAILABLE.has(String(error));
}

/** The problems with one answer, each with a short reason; empty when it is as documented. */
export function problemsWith(target: DocumentedOperation, answer: Answer): [FindingKind, string][] {
  const problems: [FindingKind, string][] = [];
  const { status } = answer;
  if (status >= 500 && !isUnavailable(answer))
    problems.push(['5xx', JSON.stringify(answer.body).slice(0, 300)]);
  if (!target.operation.responses[String(status)] && !target.operation.responses.default)
    problems.push([
      'undocumented status',
      `${status}: ${JSON.stringify(answer.body).slice(0, 200)}`,
    ]);
  if (status === 400 || status === 422) {
    const fields = (answer.body as { fields?: { field?: unknown; problem?: unknown }[] })?.fields;
    const named =
      Array.isArray(fields) &&
      fields.length > 0 &&
      fields.every(
        (f) => typeof f.field === 'string' && f.field !== '' && typeof f.problem === 'string',
      );
    if (!named) problems.push(['unnamed refusal', JSON.stringify(answer.body).slice(0, 300)]);
  }
  const schema = documentedSchema(target, status);
  if (schema && answer.contentType.includes('json')) {
    const validate = validatorFor(
      target.document,
      `${target.method} ${target.path} ${status}`,
      schema,
    );
    if (!validate(answer.body))
      problems.push([
        'schema mismatch',
        `${status}: ${JSON.stringify(validate.errors?.slice(0, 3))}`,
      ]);
  }
  return problems;
}

/** The field names a refusal gives, for checking it names the one the fuzzer broke. */
export function namedFields(answer: Answer): string[] {
  const fields = (answer.body as { fields?: { field?: unknown }[] })?.fields;
  return Array.isArray(fields) ? fields.map((f) => String(f.field)) : [];
}
