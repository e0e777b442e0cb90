import { windowAfter } from './closed-loop';
import { billFor } from './bills';
import { HttpClient } from './http-client';
import { openLoop } from './open-loop';
import { FLOOR_PORT, startFloorPart } from './pipeline-floor';
import { summarise } from './stats';

/** The echo reads nothing of the body: only its size, a settlement's, matters. */
const ANY_RESIDENT = '370811197206200007';

/**
 * A raw node:http server's `/echo` (no framework, no PostgreSQL) asked at `rate` a second in an
 * open loop by the benches' client, with a settlement's body: the least an answer takes on this
 * machine at that load, the baseline of a latency measured the same way. At a modest rate the
 * processes' cores fall idle between calls, and waking them is most of a p99 here.
 */
export async function rawEchoAtRate(
  rate: number,
  seconds: number,
): Promise<ReturnType<typeof summarise>> {
  const server = await startFloorPart('floor-server');
  const client = new HttpClient(`http://127.0.0.1:${FLOOR_PORT}`);
  try {
    const run = await openLoop(rate, windowAfter(2_000, seconds * 1000), async () => {
      const reply = await client.ask('/echo', '', { ...billFor(ANY_RESIDENT), streamId: 'x' });
      return reply.status;
    });
    return summarise(run.measured.map((c) => c.ended - c.started));
  } finally {
    client.close();
    server.kill('SIGTERM');
  }
}
