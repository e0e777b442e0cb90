import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError, DomainErrorKind } from '@circle/kernel';
import type { ErrorBody } from './error-body';
import { databaseUnavailable } from './unavailable';

const STATUS_OF: Record<DomainErrorKind, number> = {
  invalid: HttpStatus.UNPROCESSABLE_ENTITY,
  rule: HttpStatus.UNPROCESSABLE_ENTITY,
  'not-found': HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  forbidden: HttpStatus.FORBIDDEN,
};

const NAME_OF: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'validation_failed',
  429: 'too_many_requests',
};

/** What Fastify itself refuses before a handler runs: a body too large, an unknown type. */
interface FastifyError {
  code: string;
  statusCode: number;
  message: string;
}

function fromHttp(exception: HttpException): [number, ErrorBody] {
  const status = exception.getStatus();
  const refused = isFastifyError(exception.cause) ? fromFastify(exception.cause) : undefined;
  if (refused) return refused;
  const raw = exception.getResponse();
  if (typeof raw === 'object' && raw !== null && 'error' in raw && 'fields' in raw)
    return [status, raw as ErrorBody];
  if (typeof raw === 'object' && raw !== null && 'details' in raw)
    return fromHealth(status, raw as HealthBody);
  const message =
    typeof raw === 'string'
      ? raw
      : ([] as string[])
          .concat((raw as { message?: string | string[] }).message ?? exception.message)
          .join('; ');
  return [status, { error: NAME_OF[status] ?? 'error', message, fields: [] }];
}

interface HealthBody {
  status: string;
  info?: Record<string, unknown>;
  error?: Record<string, unknown>;
  details: Record<string, unknown>;
}

// Terminus names the failing links under `error`; keep them, under `down`, so the part is named.
function fromHealth(status: number, raw: HealthBody): [number, ErrorBody] {
  const down = Object.keys(raw.error ?? {});
  return [
    status,
    {
      error: 'unhealthy',
      message: `${down.join(', ') || 'a dependency'} ${down.length > 1 ? 'are' : 'is'} down`,
      fields: [],
      status: raw.status,
      down: raw.error ?? {},
      details: raw.details,
    },
  ];
}

function isFastifyError(error: unknown): error is FastifyError {
  if (typeof error !== 'object' || error === null) return false;
  const { code, statusCode } = error as Partial<FastifyError>;
  return typeof code === 'string' && code.startsWith('FST_') && typeof statusCode === 'number';
}

/** Fastify's refusals (413, 415) said in our words, naming what the client must change. */
const REFUSALS: Readonly<Record<string, { message: string; field: string; problem: string }>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    message: 'the request body is too large',
    field: 'body',
    problem: 'is too large',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    message: 'the request body must be application/json',
    field: 'Content-Type',
    problem: 'must be application/json',
  },
};

function fromFastify(error: FastifyError): [number, ErrorBody] | undefined {
  if (error.statusCode < 400 || error.statusCode >= 500) return undefined;
  const name = NAME_OF[error.statusCode] ?? 'bad_request';
  const refusal = Object.hasOwn(REFUSALS, error.code) ? REFUSALS[error.code] : undefined;
  if (refusal) {
    const { message, field, problem } = refusal;
    return [error.statusCode, { error: name, message, fields: [{ field, problem }] }];
  }
  const field = error.code.startsWith('FST_ERR_CTP_')
    ? [{ field: 'body', problem: error.message }]
    : [];
  return [error.statusCode, { error: name, message: error.message, fields: field }];
}

/** Maps every failure, once, to CONTRACT's error shape; bad input never becomes a 500. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('ErrorFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const [status, body] = this.describe(exception);
    if (status >= 500) {
      // The request's own line carries the same id, so the two can be read together.
      const { id } = http.getRequest<{ id?: string }>();
      const what = exception instanceof Error ? exception.stack : String(exception);
      this.logger.error(`request ${id ?? 'without id'} failed: ${what}`);
    }
    if (reply.sent) return;
    // A refusal that says when to come back (429, 503) says it in the header clients read.
    if (typeof body.retryAfterSeconds === 'number')
      void reply.header('Retry-After', String(body.retryAfterSeconds));
    void reply.status(status).send(body);
  }

  private describe(exception: unknown): [number, ErrorBody] {
    if (exception instanceof DomainError)
      return [
        STATUS_OF[exception.kind],
        {
          ...exception.details,
          error: exception.code,
          message: exception.message,
          fields: [...exception.fields],
        },
      ];
    if (exception instanceof HttpException) return fromHttp(exception);
    return (
      (isFastifyError(exception) ? fromFastify(exception) : undefined) ??
      databaseUnavailable(exception) ?? [
        500,
        { error: 'internal', message: 'something went wrong on our side', fields: [] },
      ]
    );
  }
}
