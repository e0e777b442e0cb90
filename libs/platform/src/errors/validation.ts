import { HttpStatus, UnprocessableEntityException, ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import type { FieldProblem } from '@circle/kernel';
import type { ErrorBody } from './error-body';

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

export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    errorHttpStatusCode: HttpStatus.UNPROCESSABLE_ENTITY,
    exceptionFactory: (errors: ValidationError[]) => {
      const fields = errors.flatMap((e) => problemsOf(e));
      const body: ErrorBody = {
        error: 'validation_failed',
        message: fields.map((f) => `${f.field} ${f.problem}`).join('; '),
        fields,
      };
      return new UnprocessableEntityException(body);
    },
  });
}
