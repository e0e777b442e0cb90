import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';

export interface Reply {
  readonly status: number;
  readonly body: unknown;
}

/**
 * A lean client, as a load generator should be: node:http on kept-alive sockets. fetch costs
 * this process several times the CPU per call, and this process shares the machine with the
 * apps it measures.
 */
export class HttpClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 256 });

  constructor(readonly base: string) {}

  get(path: string, token: string): Promise<Reply> {
    return this.send('GET', path, token, undefined, {});
  }

  /** Every command carries a fresh Idempotency-Key, as the clerk console sends them. */
  command(path: string, token: string, body: unknown): Promise<Reply> {
    return this.send('POST', path, token, body, { 'idempotency-key': randomUUID() });
  }

  /** A question, not a command: no Idempotency-Key. */
  ask(path: string, token: string, body: unknown): Promise<Reply> {
    return this.send('POST', path, token, body, {});
  }

  async login(username: string): Promise<string> {
    const reply = await this.send('POST', '/api/auth/login', '', {
      username,
      password: 'circle-demo',
    });
    if (reply.status !== 200) throw new Error(`login ${username}: ${reply.status}`);
    return (reply.body as { accessToken: string }).accessToken;
  }

  close(): void {
    this.agent.destroy();
  }

  private send(
    method: string,
    path: string,
    token: string,
    body: unknown,
    extra: Record<string, string> = {},
  ): Promise<Reply> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers: Record<string, string | number> = { ...extra };
    if (token) headers.authorization = `Bearer ${token}`;
    if (payload !== undefined) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(payload);
    }
    return new Promise((resolve, reject) => {
      const call = request(`${this.base}${path}`, { agent: this.agent, method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          // Parsed only when read: most answers are counted, not looked at.
          resolve({
            status: res.statusCode ?? 0,
            get body(): unknown {
              return text ? JSON.parse(text) : undefined;
            },
          });
        });
        res.on('error', reject);
      });
      call.on('error', reject);
      call.end(payload);
    });
  }
}
