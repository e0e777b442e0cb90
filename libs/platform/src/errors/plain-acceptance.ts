import { createRequire } from 'node:module';
import { TransformationType } from 'class-transformer';
import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';
import { getMetadataStorage } from 'class-validator';

// class-transformer keeps its decorators' metadata in a module its index does not export.
const { defaultMetadataStorage: transforms } = createRequire(__filename)(
  'class-transformer/cjs/storage',
) as { defaultMetadataStorage: MetadataStorage };

type Check = (value: unknown) => boolean;
type Rule = (constraints: readonly unknown[]) => Check | undefined;

/*
 * class-validator's own tests for the rules a body of flat fields uses, each no looser than
 * class-validator's (`maxLength` counts UTF-16 units, class-validator characters). A rule not
 * listed here, or used with options, leaves its DTO to class-validator alone.
 */
const RULES: Readonly<Record<string, Rule>> = {
  isString: () => (v) => typeof v === 'string',
  isInt: () => (v) => typeof v === 'number' && Number.isInteger(v),
  isIn: ([values]) =>
    Array.isArray(values) ? (v) => values.some((allowed) => allowed === v) : undefined,
  min: ([least]) =>
    typeof least === 'number' ? (v) => typeof v === 'number' && v >= least : undefined,
  max: ([most]) =>
    typeof most === 'number' ? (v) => typeof v === 'number' && v <= most : undefined,
  maxLength: ([most]) =>
    typeof most === 'number' ? (v) => typeof v === 'string' && v.length <= most : undefined,
  matches: ([pattern, modifiers]) =>
    pattern instanceof RegExp && !modifiers && !pattern.global && !pattern.sticky
      ? (v) => typeof v === 'string' && pattern.test(v)
      : undefined,
};

interface Field {
  optional: boolean;
  readonly checks: Check[];
}

type Acceptor = (body: Record<string, unknown>) => boolean;

// class-validator's ValidationTypes: a decorator's rule, and IsOptional's condition.
const CUSTOM = 'customValidation';
const CONDITIONAL = 'conditionalValidation';

/** The DTO's rules as plain checks, if every one of them is a rule listed above. */
function acceptorOf(dto: new () => object): Acceptor | undefined {
  const rules = getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false);
  if (rules.length === 0) return undefined;
  const fields = new Map<string, Field>();
  for (const rule of rules) {
    if (rule.each || rule.always || rule.validateIf || (rule.groups?.length ?? 0) > 0)
      return undefined;
    const field = fields.get(rule.propertyName) ?? { optional: false, checks: [] };
    fields.set(rule.propertyName, field);
    if (rule.type === CONDITIONAL && rule.name === 'isOptional') field.optional = true;
    else if (rule.type === CUSTOM && rule.name && RULES[rule.name]) {
      const check = RULES[rule.name]?.(rule.constraints ?? []);
      if (!check) return undefined;
      field.checks.push(check);
    } else return undefined;
  }
  const named = [...fields];
  if (named.some(([name]) => transformed(dto, name))) return undefined;
  return (body) => {
    let known = 0;
    for (const [name, field] of named) {
      const value = body[name];
      if (value === undefined && !Object.hasOwn(body, name)) {
        if (!field.optional) return false;
        continue;
      }
      known += 1;
      if (field.optional && (value === null || value === undefined)) continue;
      // Only flat values: class-transformer copies nested ones in ways of its own.
      if (typeof value === 'object') return false;
      for (const check of field.checks) if (!check(value)) return false;
    }
    // Any other field is refused (forbidNonWhitelisted): class-validator names it.
    return known === Object.keys(body).length;
  };
}

/** Whether class-transformer would do more than copy the field (Type, Transform, Expose…). */
function transformed(dto: new () => object, field: string): boolean {
  return (
    transforms.findTypeMetadata(dto, field) !== undefined ||
    transforms.findTransformMetadatas(dto, field, TransformationType.PLAIN_TO_CLASS).length > 0 ||
    transforms.getExposedMetadatas(dto).length > 0 ||
    transforms.getExcludedMetadatas(dto).length > 0
  );
}

const acceptors = new WeakMap<object, Acceptor | null>();

/**
 * The body as the DTO's instance, when it plainly meets every rule; otherwise undefined, and
 * class-validator decides and words the refusal. Most requests are right, and class-validator
 * with class-transformer cost a settlement about a tenth of its hospital's time.
 */
export function plainlyAccepted(dto: new () => object, body: unknown): object | undefined {
  let accept = acceptors.get(dto);
  if (accept === undefined) acceptors.set(dto, (accept = acceptorOf(dto) ?? null));
  if (!accept || typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const fields = body as Record<string, unknown>;
  return accept(fields) ? Object.assign(new dto(), fields) : undefined;
}
