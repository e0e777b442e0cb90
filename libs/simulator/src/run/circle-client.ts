import { performance } from 'node:perf_hooks';
import type { CircleUrls, CommandRecord } from '../simulation.types';
import { HttpTransport } from './http-transport';

export interface Answer<T = Record<string, unknown>> {
  readonly status: number;
  readonly body: T;
}

export interface Command {
  readonly app: keyof CircleUrls;
  readonly station: string;
  readonly operation: string;
  /** The demo user who sends it: `clerk-<station>`, `kiosk-<station>`. */
  readonly user: string;
  readonly method?: 'GET' | 'POST' | 'PATCH';
  readonly path: string;
  readonly body?: unknown;
  readonly residentId?: string;
  readonly ticketId?: string;
}

const DEMO_PASSWORD = 'circle-demo';

/** Lets at most `limit` requests be in flight at once. */
class Gate {
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async enter(): Promise<void> {
    if (this.inFlight < this.limit) {
      this.inFlight++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  leave(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.inFlight--;
  }
}

/**
 * The district's kiosks and clerks on the public HTTP API: each demo user logs in once, and
 * every command's answer is recorded, whatever it was.
 */
export class CircleClient {
  private readonly tokens = new Map<string, Promise<string>>();
  private readonly gate: Gate;
  private readonly http: HttpTransport;

  constructor(
    private readonly urls: CircleUrls,
    private readonly record: (c: CommandRecord, body: unknown) => void,
    concurrency: number,
    private readonly signal?: AbortSignal,
  ) {
    this.gate = new Gate(concurrency);
    this.http = new HttpTransport(concurrency);
  }

  /** Closes the kept-alive sockets; the commands in flight are answered first. */
  close(): void {
    this.http.close();
  }

  async send<T = Record<string, unknown>>(command: Command): Promise<Answer<T>> {
    // A stop lets the commands in flight finish (each takes milliseconds) and sends no more.
    if (this.signal?.aborted) throw new Error('the simulation was stopped');
    const token = await this.token(command.app, command.user);
    await this.gate.enter();
    const sentAt = performance.now();
    let status = 0;
    let body: unknown;
    try {
      const reply = await this.http.send({
        method: command.method ?? 'POST',
        url: `${this.urls[command.app]}/api${command.path}`,
        headers: {
          authorization: `Bearer ${token}`,
          ...(command.body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        body: command.body !== undefined ? JSON.stringify(command.body) : undefined,
      });
      status = reply.status;
      body = reply.text ? (JSON.parse(reply.text) as unknown) : {};
    } catch (error) {
      body = { message: error instanceof Error ? error.message : String(error) };
    } finally {
      this.gate.leave();
    }
    const answer = { status, body: body as T };
    const b = body as Record<string, unknown>;
    this.record(
      {
        app: command.app,
        station: command.station,
        operation: command.operation,
        status,
        sentAt,
        answeredAt: performance.now(),
        ...(command.residentId ? { residentId: command.residentId } : {}),
        ...(command.ticketId ? { ticketId: command.ticketId } : {}),
        ...(typeof b.settlementId === 'string' ? { settlementId: b.settlementId } : {}),
        ...(typeof b.ticketId === 'string' && !command.ticketId ? { ticketId: b.ticketId } : {}),
      },
      body,
    );
    return answer;
  }

  private token(app: keyof CircleUrls, user: string): Promise<string> {
    let token = this.tokens.get(user);
    if (!token) {
      token = this.login(app, user);
      this.tokens.set(user, token);
      token.catch(() => this.tokens.delete(user));
    }
    return token;
  }

  private async login(app: keyof CircleUrls, username: string): Promise<string> {
    for (let attempt = 1; ; attempt++) {
      if (this.signal?.aborted) throw new Error('the simulation was stopped');
      const res = await this.http
        .send({
          method: 'POST',
          url: `${this.urls[app]}/api/auth/login`,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username, password: DEMO_PASSWORD }),
        })
        .catch(() => undefined);
      if (res && res.status >= 200 && res.status < 300)
        return (JSON.parse(res.text) as { accessToken: string }).accessToken;
      // A login refused while Redis or PostgreSQL is busy is tried again, a few times.
      if (attempt >= 5)
        throw new Error(`${username} cannot log in at ${app} (${res?.status ?? 'no answer'})`);
      await new Promise((r) => setTimeout(r, 1_000 * attempt));
    }
  }
}
