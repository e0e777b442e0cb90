import { windowAfter } from './closed-loop';
import { billFor } from './bills';
import { HttpClient } from './http-client';
import { openLoop } from './open-loop';
import { FLOOR_PORT, startFloorPart } from './pipeline-floor';
import { summarise } from './stats';

type Latency = ReturnType<typeof summarise>;

/**
 * A raw node:http server (no framework) asked at `rate` a second in an open loop by the benches'
 * client, with a settlement's body: `/echo` answers without PostgreSQL, `/read` after the one
 * statement a quote sends the log (floor-server). The least an answer takes on this machine at
 * that load, the baselines of a latency measured the same way. At a modest rate the processes'
 * cores fall idle between calls, and waking them is most of a p99 here; a read wakes one
 * process more than an echo does.
 */
export async function rawAnswersAtRate(
  rate: number,
  seconds: number,
  residents: readonly string[],
): Promise<{ echo: Latency; read: Latency }> {
  const server = await startFloorPart('floor-server');
  const client = new HttpClient(`http://127.0.0.1:${FLOOR_PORT}`);
  let asked = 0;
  const atRate = async (route: string) => {
    const run = await openLoop(rate, windowAfter(2_000, seconds * 1000), async () => {
      const residentId = residents[asked++ % residents.length] ?? '';
      const reply = await client.ask(route, '', { ...billFor(residentId), streamId: 'x' });
      return reply.status;
    });
    const others = [...run.statuses].filter(([status]) => status !== 200);
    // A floor that failed would look fast: it counts only when every answer was a 200.
    if (others.length > 0)
      throw new Error(`raw ${route} answered ${JSON.stringify(Object.fromEntries(others))}`);
    return summarise(run.measured.map((c) => c.ended - c.started));
  };
  try {
    return { echo: await atRate('/echo'), read: await atRate('/read') };
  } finally {
    client.close();
    server.kill('SIGTERM');
  }
}
