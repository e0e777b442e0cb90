export interface Reply<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

export async function call<T = Record<string, unknown>>(
  url: string,
  options: {
    method?: string;
    token?: string;
    body?: unknown;
    raw?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined || options.raw !== undefined)
    headers['content-type'] = 'application/json';
  const response = await fetch(url, {
    method:
      options.method ?? (options.body !== undefined || options.raw !== undefined ? 'POST' : 'GET'),
    headers,
    body: options.raw ?? (options.body !== undefined ? JSON.stringify(options.body) : undefined),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON (metrics, docs): keep the text.
  }
  return { status: response.status, body: body as T, headers: response.headers };
}

/**
 * A demo user's token. A username that a suite before (a fuzzer, say) failed to log in too often
 * waits before it may try again (429 with Retry-After); the wait is honoured, as a client would.
 */
export async function login(
  baseUrl: string,
  username: string,
  password = 'circle-demo',
): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const reply = await call<{ accessToken: string }>(`${baseUrl}/api/auth/login`, {
      body: { username, password },
    });
    if (reply.status === 200) return reply.body.accessToken;
    const waitSeconds = Number(reply.headers.get('retry-after'));
    if (reply.status !== 429 || attempt === 3 || !(waitSeconds <= 60))
      throw new Error(`login ${username} failed: ${reply.status}`);
    await new Promise((resolve) => setTimeout(resolve, waitSeconds * 1000));
  }
}
