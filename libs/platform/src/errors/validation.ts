import {
  ArgumentMetadata,
  HttpStatus,
  UnprocessableEntityException,
  ValidationPipe,
  type ValidationPipeOptions,
} from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import type { FieldProblem } from '@circle/kernel';
import type { ErrorBody } from './error-body';
import { plainlyAccepted } from './plain-acceptance';
import { checkedText } from './text-rule';

function problemsOf(error: ValidationError, parent = ''): FieldProblem[] {
  const field = parent ? `${parent}.${error.property}` : error.property;
  const own = Object.entries(error.constraints ?? {}).map(([rule, text]) => ({
    field,
    problem:
      rule === 'whitelistValidation' ? 'is not an allowed field' : stripField(text, error.property),
  }));
  return [...own, ...(error.children ?? []).flatMap((child) => problemsOf(child, field))];
}

// class-validator prefixes each message with the property name; the field is already named.
function stripField(text: string, property: string): string {
  return text.startsWith(`${property} `) ? text.slice(property.length + 1) : text;
}

function refusal(fields: FieldProblem[]): UnprocessableEntityException {
  const body: ErrorBody = {
    error: 'validation_failed',
    message: fields.map((f) => `${f.field} ${f.problem}`).join('; '),
    fields,
  };
  return new UnprocessableEntityException(body);
}

const isPlainObject = (value: unknown) =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const PRIMITIVES: unknown[] = [String, Number, Boolean, Object, Array];
const isDto = (metadata: ArgumentMetadata) =>
  typeof metadata.metatype === 'function' && !PRIMITIVES.includes(metadata.metatype);

const CHECKED_TEXT = new Set<ArgumentMetadata['type']>(['body', 'query', 'param']);

/**
 * class-validator's rules, after one rule for all text: what the client sent in the body, the
 * query or the path is checked and normalised before any DTO sees it (see text-rule).
 */
class CircleValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (!CHECKED_TEXT.has(metadata.type)) return super.transform(value, metadata);
    // A DTO describes one object; an array or a bare value would be validated item by item or
    // not at all, and a body of optional fields would pass as `[]`.
    if (metadata.type === 'body' && isDto(metadata) && !isPlainObject(value) && value !== undefined)
      throw refusal([{ field: 'body', problem: 'must be a JSON object' }]);
    const problems: FieldProblem[] = [];
    const checked = checkedText(value, metadata.data ?? '', problems);
    if (problems.length > 0) throw refusal(problems);
    const accepted =
      metadata.type === 'body' && isDto(metadata)
        ? plainlyAccepted(metadata.metatype as new () => object, checked)
        : undefined;
    return accepted ?? super.transform(checked, metadata);
  }
}

/** class-validator's part: unknown fields refused, the body made the DTO's instance. */
export const CLASS_VALIDATION: ValidationPipeOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  transform: true,
  errorHttpStatusCode: HttpStatus.UNPROCESSABLE_ENTITY,
  exceptionFactory: (errors: ValidationError[]) => refusal(errors.flatMap((e) => problemsOf(e))),
};

export function validationPipe(): ValidationPipe {
  return new CircleValidationPipe(CLASS_VALIDATION);
}
