import http from 'node:http';
import https from 'node:https';

export interface HttpReply {
  readonly status: number;
  readonly text: string;
}

export interface HttpRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/**
 * Requests over kept-alive sockets, at most `sockets` per app. The simulator shares the machine
 * with the circle it drives: global fetch spent about three times the CPU per request of
 * `node:http`, and every millisecond the client spends is one the apps under test do not get.
 */
export class HttpTransport {
  private readonly agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets: this.sockets }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: this.sockets }),
  };

  constructor(private readonly sockets: number) {}

  send(request: HttpRequest): Promise<HttpReply> {
    const url = new URL(request.url);
    const secure = url.protocol === 'https:';
    const body = request.body === undefined ? undefined : Buffer.from(request.body);
    return new Promise((resolve, reject) => {
      const req = (secure ? https : http).request(
        url,
        {
          method: request.method,
          agent: this.agents[secure ? 'https:' : 'http:'],
          headers: {
            ...request.headers,
            ...(body ? { 'content-length': String(body.length) } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              text: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  close(): void {
    for (const agent of Object.values(this.agents)) agent.destroy();
  }
}
