import type { MatrixRequest } from './matrix-requests';

/**
 * What a cell expects: `ok` — let through (any answer but 401, 403 or a 5xx: the request may
 * still be refused for what it says, 404 or 409 or 422); `401`, `403`; `404` — refused as if
 * the record did not exist, so the caller learns nothing about it.
 */
export type Expected = 'ok' | '401' | '403' | '404';

export function classOf(status: number): string {
  if (status >= 500) return `${status}`;
  if (status === 401 || status === 403) return `${status}`;
  return 'ok';
}

export function meets(expected: Expected, status: number): boolean {
  if (expected === '404') return status === 404;
  return classOf(status) === expected;
}

/** What one caller got: the status, and the body when it is JSON (a live stream has none). */
export interface MatrixAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly allow: string | null;
  readonly body: unknown;
}

/**
 * The answer an operation gives one caller; a live stream is answered by its headers. A 503
 * (the shared PostgreSQL out of connections for a moment) is asked again, a few times.
 */
export async function answerTo(
  request: MatrixRequest,
  token: string | undefined,
): Promise<MatrixAnswer> {
  for (let attempt = 1; ; attempt++) {
    const answer = await answerOnce(request, token);
    if (answer.status !== 503 || attempt === 4) return answer;
    await new Promise((resolve) => setTimeout(resolve, 1_000 * attempt));
  }
}

async function answerOnce(
  request: MatrixRequest,
  token: string | undefined,
): Promise<MatrixAnswer> {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(request.url, {
    method: request.method,
    headers,
    body: request.body,
    signal: AbortSignal.timeout(15_000),
  });
  const contentType = response.headers.get('content-type') ?? '';
  const allow = response.headers.get('allow');
  if (!contentType.includes('json')) {
    await response.body?.cancel();
    return { status: response.status, contentType, allow, body: undefined };
  }
  const body: unknown = await response.json().catch(() => undefined);
  return { status: response.status, contentType, allow, body };
}
