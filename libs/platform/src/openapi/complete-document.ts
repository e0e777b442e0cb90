import type { OpenAPIObject } from '@nestjs/swagger';
import { describeRefusals, ERROR_BODY_SCHEMA } from './error-responses';
import { alignWithValidators, type Schema } from './validator-schemas';

/**
 * OpenAPI 3.0 ignores whatever stands beside a `$ref`, so `nullable: true` or a description
 * written there by @ApiProperty would be lost: the reference moves into an `allOf` of one.
 */
function alone(schema: Schema): Schema {
  const { $ref, ...siblings } = schema;
  if (typeof $ref !== 'string' || Object.keys(siblings).length === 0) return schema;
  return { ...siblings, allOf: [{ $ref }] };
}

function refsWithSiblings(schema: Schema): void {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  for (const [name, property] of Object.entries(properties)) {
    properties[name] = alone(property);
    if (typeof property.items === 'object' && property.items !== null)
      property.items = alone(property.items as Schema);
  }
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/**
 * The document as the server behaves: request schemas carry the validators' rules, and every
 * operation its shared refusals in the one error shape. Run once at start, after Nest built it.
 */
export function completeDocument(document: OpenAPIObject): OpenAPIObject {
  const components = (document.components ??= {});
  const schemas = (components.schemas ??= {}) as Record<string, Schema>;
  alignWithValidators(schemas);
  Object.values(schemas).forEach(refsWithSiblings);
  schemas.ErrorBody = ERROR_BODY_SCHEMA;
  for (const item of Object.values(document.paths))
    for (const method of METHODS) {
      const operation = item[method];
      if (operation) describeRefusals(operation as Parameters<typeof describeRefusals>[0]);
    }
  return document;
}
