import { call, login } from '../support/http';

/**
 * Ports of the security suites' apps: TEST_PORT_BASE + 70 … 77 (4170 … by default), apart from
 * the other suites' and from another run with its own base.
 */
export const securityPort = (n: number): string =>
  String(Number(process.env.TEST_PORT_BASE ?? 4100) + 70 + n);

/** A username no earlier run or suite has used, so its failures and revocations are its own. */
export function freshUsername(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6)}`;
}

/** Creates an account through the admin API and answers its username. */
export async function createUser(
  supervisorUrl: string,
  user: { username: string; password: string; role: string; stationId?: string },
): Promise<string> {
  const admin = await login(supervisorUrl, 'admin');
  const reply = await call(`${supervisorUrl}/api/users`, { token: admin, body: user });
  if (reply.status !== 201) throw new Error(`creating ${user.username}: ${reply.status}`);
  return user.username;
}

/** The live stream's first message, or the refusal's status: the stream is closed at once. */
export async function firstStreamMessage(
  url: string,
  token: string,
): Promise<{ status: number; headers: Headers; first?: Record<string, unknown> }> {
  const aborter = new AbortController();
  const separator = url.includes('?') ? '&' : '?';
  const response = await fetch(`${url}${separator}access_token=${encodeURIComponent(token)}`, {
    headers: { accept: 'text/event-stream' },
    signal: aborter.signal,
  });
  try {
    if (response.status !== 200 || !response.body)
      return { status: response.status, headers: response.headers };
    const reader = response.body.getReader();
    let text = '';
    while (!text.includes('\n\n')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += Buffer.from(value).toString('utf8');
    }
    const data = /^data: (.*)$/m.exec(text)?.[1];
    return { status: 200, headers: response.headers, first: data ? JSON.parse(data) : undefined };
  } finally {
    aborter.abort();
  }
}
