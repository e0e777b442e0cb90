import type { OpenAPIObject } from '@nestjs/swagger';
import { describeRefusals, ERROR_BODY_SCHEMA } from './error-responses';
import { alignWithValidators, type Schema } from './validator-schemas';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/**
 * The document as the server behaves: request schemas carry the validators' rules, and every
 * operation its shared refusals in the one error shape. Run once at start, after Nest built it.
 */
export function completeDocument(document: OpenAPIObject): OpenAPIObject {
  const components = (document.components ??= {});
  const schemas = (components.schemas ??= {}) as Record<string, Schema>;
  alignWithValidators(schemas);
  schemas.ErrorBody = ERROR_BODY_SCHEMA;
  for (const item of Object.values(document.paths))
    for (const method of METHODS) {
      const operation = item[method];
      if (operation) describeRefusals(operation as Parameters<typeof describeRefusals>[0]);
    }
  return document;
}
