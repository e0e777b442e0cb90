import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

export type Schema = Record<string, unknown>;

type Constraint = (schema: Schema, args: readonly unknown[]) => void;

function pattern(schema: Schema, [given, flags]: readonly unknown[]): void {
  const regex = given instanceof RegExp ? given : new RegExp(String(given), String(flags ?? ''));
  // JSON Schema patterns carry no flags; a case-insensitive rule cannot be written as one.
  if (regex.flags.replace(/[gu]/g, '') === '') schema.pattern = regex.source;
}

/** What each class-validator rule says in JSON Schema (OpenAPI 3.0), for the rules we use. */
const CONSTRAINTS: Readonly<Record<string, Constraint>> = {
  isString: (s) => (s.type = 'string'),
  isInt: (s) => (s.type = 'integer'),
  isNumber: (s) => (s.type = s.type === 'integer' ? 'integer' : 'number'),
  isBoolean: (s) => (s.type = 'boolean'),
  isArray: (s) => (s.type = 'array'),
  min: (s, [n]) => (s.minimum = n),
  max: (s, [n]) => (s.maximum = n),
  matches: pattern,
  isLength: (s, [min, max]) =>
    Object.assign(s, { minLength: min, ...(max !== undefined && { maxLength: max }) }),
  minLength: (s, [n]) => (s.minLength = n),
  maxLength: (s, [n]) => (s.maxLength = n),
  isIn: (s, [values]) => (s.enum = values),
  arrayUnique: (s) => (s.uniqueItems = true),
  arrayMinSize: (s, [n]) => (s.minItems = n),
  arrayMaxSize: (s, [n]) => (s.maxItems = n),
};

// class-validator keeps its rules in one private map; the document needs them by class name,
// the name @nestjs/swagger gives each schema.
function rulesByClassName(): Map<string, ValidationMetadata[]> {
  const storage = getMetadataStorage();
  const kept = (storage as unknown as { validationMetadatas?: unknown }).validationMetadatas;
  const byName = new Map<string, ValidationMetadata[]>();
  if (!(kept instanceof Map)) return byName;
  // The public lookup adds the rules a class inherits (a claim extends a bill's fields).
  for (const target of (kept as Map<unknown, unknown>).keys())
    if (typeof target === 'function')
      byName.set(target.name, storage.getTargetValidationMetadatas(target, '', true, false));
  return byName;
}

function applyRule(property: Schema, rule: ValidationMetadata): void {
  const constraint = rule.name ? CONSTRAINTS[rule.name] : undefined;
  if (!constraint) return;
  if (!rule.each) return constraint(property, rule.constraints ?? []);
  const items = (property.items ?? {}) as Schema;
  // A $ref item is a nested request: its own schema says what it takes.
  if (!('$ref' in items)) constraint(items, rule.constraints ?? []);
  property.items = items;
}

function alignProperty(schema: Schema, name: string, rules: ValidationMetadata[]): void {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const property = properties[name];
  if (!property || '$ref' in property) return;
  for (const rule of rules) applyRule(property, rule);
  if ('enum' in property && property.type === 'number')
    property.type = (property.enum as unknown[]).every(Number.isInteger) ? 'integer' : 'number';
  const optional = rules.some((r) => r.type === 'conditionalValidation');
  const required = new Set((schema.required ?? []) as string[]);
  if (optional) {
    required.delete(name);
    // IsOptional lets null through as if the field were absent.
    if (rules.some((r) => r.name === 'isOptional')) property.nullable = true;
  } else required.add(name);
  schema.required = [...required];
}

/**
 * Writes into each request schema what its validators enforce (types, integer, bounds, lengths,
 * patterns, enums, which fields are required), so the document says what the server refuses.
 * Unknown fields are refused too (`forbidNonWhitelisted`), so request schemas are closed.
 */
export function alignWithValidators(schemas: Record<string, Schema>): void {
  for (const [className, rules] of rulesByClassName()) {
    const schema = schemas[className];
    if (!schema || schema.type !== 'object') continue;
    const byProperty = new Map<string, ValidationMetadata[]>();
    for (const rule of rules)
      if (rule.type !== 'whitelistValidation')
        byProperty.set(rule.propertyName, [...(byProperty.get(rule.propertyName) ?? []), rule]);
    for (const [name, propertyRules] of byProperty) alignProperty(schema, name, propertyRules);
    if (Array.isArray(schema.required) && schema.required.length === 0) delete schema.required;
    schema.additionalProperties = false;
  }
}
