import { fork } from 'node:child_process';
import { connect, createServer, type Socket } from 'node:net';

const PORT = Number(process.env.BENCH_SOCKET_PORT ?? 4797);
const MESSAGES = 20_000;

export interface SocketCost {
  /** CPU µs of the writing process per 100-byte write to a peer that only reads. */
  readonly writeCpuUs: number;
  /** CPU µs of the asking process per exchange with a peer that answers each message. */
  readonly roundTripCpuUs: number;
  /** Wall µs per such exchange. */
  readonly roundTripUs: number;
}

/**
 * What a message between two processes costs on this machine, as every hop of a command pays
 * it (client → app, app → PostgreSQL, Redis, Kafka, and back). A write that waits for nothing
 * is cheap; waiting for the answer means sleeping and being woken, and that is the price of a
 * round trip. The peer is a process of its own over loopback TCP, with Nagle off, as the
 * drivers run.
 */
export async function socketCost(): Promise<SocketCost> {
  const sink = await exchangeWith('sink', async (socket, message) => {
    for (let i = 0; i < MESSAGES; i++) {
      socket.write(message);
      // Lets the writes go out as they are made, instead of piling up in the stream.
      if (i % 100 === 0) await new Promise((r) => setImmediate(r));
    }
  });
  const echo = await exchangeWith('echo', async (socket, message) => {
    for (let i = 0; i < MESSAGES; i++) {
      const answered = new Promise((r) => socket.once('data', r));
      socket.write(message);
      await answered;
    }
  });
  return {
    writeCpuUs: sink.cpuUs / MESSAGES,
    roundTripCpuUs: echo.cpuUs / MESSAGES,
    roundTripUs: echo.wallUs / MESSAGES,
  };
}

async function exchangeWith(
  peer: 'sink' | 'echo',
  exchange: (socket: Socket, message: Buffer) => Promise<void>,
): Promise<{ cpuUs: number; wallUs: number }> {
  const child = fork(__filename, [peer]);
  try {
    await new Promise((resolve, reject) => {
      child.once('message', resolve);
      child.once('exit', reject);
    });
    const socket = connect(PORT, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.setNoDelay(true);
    const message = Buffer.alloc(100, 1);
    await exchange(socket, message);
    const cpu = process.cpuUsage();
    const started = performance.now();
    await exchange(socket, message);
    const used = process.cpuUsage(cpu);
    const wallUs = (performance.now() - started) * 1000;
    socket.destroy();
    return { cpuUs: used.user + used.system, wallUs };
  } finally {
    child.kill();
  }
}

const peer = process.argv[2];
if (peer === 'sink' || peer === 'echo') {
  createServer((socket) => {
    socket.setNoDelay(true);
    socket.on('data', (data) => {
      if (peer === 'echo') socket.write(data.subarray(0, 1));
    });
  }).listen(PORT, '127.0.0.1', () => process.send?.('listening'));
}
