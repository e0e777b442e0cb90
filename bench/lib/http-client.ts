import { randomUUID } from 'node:crypto';
import { HttpConnection } from './http-connection';

export interface Reply {
  readonly status: number;
  readonly body: unknown;
}

/**
 * A lean client, as a load generator should be: kept-alive connections written and read
 * directly (see http-connection.ts). fetch costs this process several times the CPU per call,
 * node:http about twice, and this process shares the machine with the apps it measures.
 */
export class HttpClient {
  private readonly idle: HttpConnection[] = [];
  private readonly host: string;
  private readonly port: number;
  private readonly hostHeader: string;

  constructor(readonly base: string) {
    const url = new URL(base);
    this.host = url.hostname;
    this.port = Number(url.port || 80);
    this.hostHeader = url.host;
  }

  get(path: string, token: string): Promise<Reply> {
    return this.send('GET', path, token, undefined, '');
  }

  /** Every command carries a fresh Idempotency-Key, as the clerk console sends them. */
  command(path: string, token: string, body: unknown): Promise<Reply> {
    return this.send('POST', path, token, body, `idempotency-key: ${randomUUID()}\r\n`);
  }

  /** A question, not a command: no Idempotency-Key. */
  ask(path: string, token: string, body: unknown): Promise<Reply> {
    return this.send('POST', path, token, body, '');
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
    for (const connection of this.idle.splice(0)) connection.close();
  }

  /** A kept connection the server has not closed meanwhile, if any. */
  private idleConnection(): HttpConnection | undefined {
    for (let c = this.idle.pop(); c; c = this.idle.pop()) if (c.usable) return c;
    return undefined;
  }

  private async send(
    method: string,
    path: string,
    token: string,
    body: unknown,
    extra = '',
  ): Promise<Reply> {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    let head = `${method} ${path} HTTP/1.1\r\nhost: ${this.hostHeader}\r\n${extra}`;
    if (token) head += `authorization: Bearer ${token}\r\n`;
    if (payload !== undefined)
      head += `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(payload)}\r\n`;
    head += '\r\n';
    const connection = this.idleConnection() ?? (await HttpConnection.open(this.host, this.port));
    const { status, text } = await connection.call(head, payload);
    if (connection.usable) this.idle.push(connection);
    // Parsed only when read: most answers are counted, not looked at.
    return {
      status,
      get body(): unknown {
        return text ? JSON.parse(text) : undefined;
      },
    };
  }
}
