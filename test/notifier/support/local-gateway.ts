import { createServer, type IncomingMessage, type Server } from 'node:http';

export interface GatewayCall {
  readonly at: number;
  readonly to: string;
  readonly reference: string;
  readonly text: string;
  readonly idempotencyKey: string | undefined;
  readonly authorization: string | undefined;
}

export interface Answer {
  readonly status: number;
  readonly body: unknown;
}

const ACCEPTED = (n: number): Answer => ({ status: 200, body: { code: 'OK', id: `gw-${n}` } });

async function bodyOf(request: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, string>;
}

/**
 * A real HTTP gateway on a local port, answering each phone from a script (then 200), and
 * keeping every call it got: what the notifier's HTTP provider is tested against.
 */
export class LocalGateway {
  readonly calls: GatewayCall[] = [];
  private readonly scripts = new Map<string, Answer[]>();
  private readonly always = new Map<string, Answer>();
  private server: Server | undefined;

  /** The next answers for one phone, in order; 200 once they are used up. */
  script(phone: string, ...answers: Answer[]): void {
    this.scripts.set(phone, [...answers]);
  }

  /** Every call for this phone gets this answer. */
  answerAlways(phone: string, answer: Answer): void {
    this.always.set(phone, answer);
  }

  callsTo(phone: string): GatewayCall[] {
    return this.calls.filter((c) => c.to === phone);
  }

  async listen(port: number): Promise<string> {
    this.server = createServer((request, response) => {
      void bodyOf(request).then((body) => {
        const call: GatewayCall = {
          at: Date.now(),
          to: body.to ?? '',
          reference: body.reference ?? '',
          text: body.text ?? '',
          idempotencyKey: request.headers['idempotency-key'] as string | undefined,
          authorization: request.headers.authorization,
        };
        this.calls.push(call);
        const answer =
          this.always.get(call.to) ??
          this.scripts.get(call.to)?.shift() ??
          ACCEPTED(this.calls.length);
        response.writeHead(answer.status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    return `http://127.0.0.1:${port}/sms/send`;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }
}
