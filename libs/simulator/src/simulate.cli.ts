import { parseArgs } from 'node:util';
import { simulate } from './run/simulate';
import type { SimulationOptions, SimulationProgress, SimulationSummary } from './simulation.types';

/**
 *   npm run simulate -- --seed 7 --from 2022-01-01T08:00+08:00 --to 2022-10-31T17:00+08:00 --speed max --scale 0.1
 * Defaults: today's working day (08:00–17:00 Asia/Shanghai) at a speed that plays it in about
 * ten minutes, the seed's rates, the apps on their default ports (CIRCLE_<APP>_URL overrides).
 * --repeat plays the day again, seed after seed, until stopped: the main job's living district.
 */
const DEFAULT_SPEED = 54;

function today(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '7' },
    from: { type: 'string' },
    to: { type: 'string' },
    speed: { type: 'string', default: String(DEFAULT_SPEED) },
    scale: { type: 'string', default: '1' },
    concurrency: { type: 'string', default: '32' },
    quiet: { type: 'boolean', default: false },
    repeat: { type: 'boolean', default: false },
  },
});

const url = (app: string, port: number) =>
  process.env[`CIRCLE_${app.toUpperCase()}_URL`] ?? `http://127.0.0.1:${port}`;

function numberOf(name: string, raw: string | undefined): number {
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) {
    console.error(`--${name} must be a positive number, not ${raw}`);
    process.exit(2);
  }
  return n;
}

const day = today();
const from = values.from ?? `${day}T08:00:00+08:00`;
const to = values.to ?? `${day}T17:00:00+08:00`;
const speedUp = values.speed === 'max' ? 'max' : numberOf('speed', values.speed);
const abort = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => abort.abort());

const tty = process.stderr.isTTY;
let lastPrinted = 0;
function progressLine(p: SimulationProgress): void {
  const line =
    `simulated ${p.simulatedAt.slice(0, 16).replace('T', ' ')} · ${p.commands} commands · ` +
    `${p.commandsPerSecond.toFixed(0)}/s · ${p.errors} refused, ${p.fiveHundreds} 5xx · ${p.wallSeconds.toFixed(0)} s`;
  if (tty) process.stderr.write(`\r${line}\x1b[K`);
  else if (p.wallSeconds - lastPrinted >= 10) {
    lastPrinted = p.wallSeconds;
    process.stderr.write(`${line}\n`);
  }
}

const options: Omit<SimulationOptions, 'seed'> = {
  urls: {
    hall: url('hall', 3100),
    township: url('township', 3101),
    hospital: url('hospital', 3102),
    supervisor: url('supervisor', 3103),
  },
  from,
  to,
  speedUp,
  scale: numberOf('scale', values.scale),
  concurrency: Math.trunc(numberOf('concurrency', values.concurrency)),
  signal: abort.signal,
  onProgress: values.quiet ? undefined : progressLine,
  // Today's day, unless asked for other dates, is a working day whatever the weekday: someone
  // trying the demo on a Sunday sees the township stations at work too.
  everyStationEveryDay: values.from === undefined && values.to === undefined,
};
const firstSeed = Math.trunc(numberOf('seed', values.seed));

async function run(): Promise<SimulationSummary> {
  for (let seed = firstSeed; ; seed++) {
    const summary = await simulate({ ...options, seed });
    if (!values.repeat || abort.signal.aborted) return summary;
    if (tty) process.stderr.write('\n');
    process.stderr.write(
      `the day is over (seed ${seed}); playing it again with seed ${seed + 1}\n`,
    );
  }
}

run()
  .then((summary) => {
    if (tty) process.stderr.write('\n');
    console.log(JSON.stringify(summary, null, 2));
    process.exit(0);
  })
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
