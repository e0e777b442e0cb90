import { connect, type Socket } from 'node:net';

export interface RawReply {
  readonly status: number;
  readonly text: string;
}

const HEADER_END = Buffer.from('\r\n\r\n');

interface Pending {
  readonly resolve: (reply: RawReply) => void;
  readonly reject: (error: Error) => void;
}

/**
 * One kept-alive HTTP/1.1 connection, one call at a time, as a load generator such as wrk
 * drives a server: the request written as one string, the answer read by its Content-Length
 * (or its chunks). node:http's parser, agent and stream objects cost this process about a
 * quarter of a millisecond a call, on the cores the product is measured on.
 */
export class HttpConnection {
  private buffered: Buffer = Buffer.alloc(0);
  private pending: Pending | undefined;
  private closed = false;

  private constructor(private readonly socket: Socket) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.received(chunk));
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => this.fail(new Error('connection closed by the server')));
  }

  static open(host: string, port: number): Promise<HttpConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host, port }, () => {
        socket.off('error', reject);
        resolve(new HttpConnection(socket));
      });
      socket.once('error', reject);
    });
  }

  get usable(): boolean {
    return !this.closed;
  }

  call(head: string, body: string | undefined): Promise<RawReply> {
    if (this.pending) throw new Error('one call at a time on a connection');
    if (this.closed) return Promise.reject(new Error('connection closed'));
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.socket.write(body === undefined ? head : head + body);
    });
  }

  close(): void {
    this.closed = true;
    this.socket.destroy();
  }

  private received(chunk: Buffer): void {
    this.buffered = this.buffered.length === 0 ? chunk : Buffer.concat([this.buffered, chunk]);
    const reply = completeReply(this.buffered);
    if (!reply) return;
    this.buffered = Buffer.alloc(0);
    const pending = this.pending;
    this.pending = undefined;
    if (reply.close) this.close();
    pending?.resolve({ status: reply.status, text: reply.text });
  }

  private fail(error: Error): void {
    this.closed = true;
    const pending = this.pending;
    this.pending = undefined;
    pending?.reject(error);
  }
}

/** The reply held in `data`, once all of it has arrived. */
function completeReply(data: Buffer): { status: number; text: string; close: boolean } | undefined {
  const end = data.indexOf(HEADER_END);
  if (end < 0) return undefined;
  const head = data.toString('latin1', 0, end).toLowerCase();
  const status = Number(head.slice(9, 12));
  const start = end + HEADER_END.length;
  const close = /\r\nconnection: *close/.test(head);
  const length = /\r\ncontent-length: *(\d+)/.exec(head);
  if (length) {
    const stop = start + Number(length[1]);
    if (data.length < stop) return undefined;
    return { status, text: data.toString('utf8', start, stop), close };
  }
  if (/\r\ntransfer-encoding: *chunked/.test(head)) {
    const text = dechunked(data, start);
    return text === undefined ? undefined : { status, text, close };
  }
  // 204, 304 and the like carry no body.
  return { status, text: '', close };
}

function dechunked(data: Buffer, from: number): string | undefined {
  const parts: Buffer[] = [];
  let at = from;
  for (;;) {
    const lineEnd = data.indexOf('\r\n', at);
    if (lineEnd < 0) return undefined;
    const size = parseInt(data.toString('latin1', at, lineEnd), 16);
    const start = lineEnd + 2;
    if (size === 0) {
      return data.indexOf('\r\n', start) < 0 ? undefined : Buffer.concat(parts).toString('utf8');
    }
    if (data.length < start + size + 2) return undefined;
    parts.push(data.subarray(start, start + size));
    at = start + size + 2;
  }
}
