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

export async function login(
  baseUrl: string,
  username: string,
  password = 'circle-demo',
): Promise<string> {
  const reply = await call<{ accessToken: string }>(`${baseUrl}/api/auth/login`, {
    body: { username, password },
  });
  if (reply.status !== 200) throw new Error(`login ${username} failed: ${reply.status}`);
  return reply.body.accessToken;
}
