import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..', '..');
const HOME = path.join(ROOT, '.cache', 'faults');
const PG_BIN = '/usr/lib/postgresql/15/bin';

// Ports of the suite's own services: the shared ones (5432, 6379, 9092) are never touched,
// since other test runs depend on them while this suite kills its own.
// Below Linux's ephemeral range (32768–60999): a port there can be taken, at the moment a
// service binds it, by any outgoing connection on the machine.
export const PG_PORT = Number(process.env.FAULTS_PG_PORT ?? 25432);
export const REDIS_PORT = Number(process.env.FAULTS_REDIS_PORT ?? 26379);
export const KAFKA_PORT = Number(process.env.FAULTS_KAFKA_PORT ?? 29192);
const KAFKA_CONTROLLER_PORT = KAFKA_PORT + 1;

export const DATABASE_URL = `postgres://postgres@127.0.0.1:${PG_PORT}/service_circle_faults`;
export const REDIS_URL = `redis://127.0.0.1:${REDIS_PORT}`;
export const KAFKA_BROKERS = `127.0.0.1:${KAFKA_PORT}`;

const PG_DATA = path.join(HOME, 'pg');
const KAFKA_ENV = {
  ...process.env,
  KAFKA_PORT: String(KAFKA_PORT),
  KAFKA_CONTROLLER_PORT: String(KAFKA_CONTROLLER_PORT),
  KAFKA_DATA_DIR: path.join(HOME, 'kafka', 'data'),
  KAFKA_CONFIG_FILE: path.join(HOME, 'kafka', 'server.properties'),
  KAFKA_LOG_FILE: path.join(HOME, 'kafka', 'kafka.log'),
  KAFKA_PID_FILE: path.join(HOME, 'kafka', 'kafka.pid'),
  KAFKA_START_TIMEOUT: '120',
};

/** Refuses at once, naming what is missing, rather than failing somewhere in the middle. */
export function assertMachineFits(): void {
  const missing = [
    [`${PG_BIN}/initdb`, 'PostgreSQL 15 binaries (apt-get install postgresql-15)'],
    ['/usr/bin/redis-server', 'redis-server (apt-get install redis-server)'],
  ].filter(([file]) => !existsSync(file));
  if (process.getuid?.() !== 0) missing.push(['root', 'root, to run PostgreSQL as `postgres`']);
  if (missing.length)
    throw new Error(`the fault suite needs ${missing.map(([, what]) => what).join(', ')}`);
}

const asPostgres = (bin: string, args: string[]) =>
  run('runuser', ['-u', 'postgres', '--', `${PG_BIN}/${bin}`, ...args], { timeout: 120_000 });

export async function startPostgres(): Promise<void> {
  await asPostgres('pg_ctl', [
    '-D',
    PG_DATA,
    '-l',
    path.join(HOME, 'pg.log'),
    '-w',
    '-t',
    '100',
    '-o',
    `-p ${PG_PORT} -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=on`,
    'start',
  ]);
}

/** An immediate stop is a crash as far as the data is concerned: recovery replays the WAL. */
export async function crashPostgres(): Promise<void> {
  await asPostgres('pg_ctl', ['-D', PG_DATA, '-m', 'immediate', 'stop']);
}

async function freshPostgres(): Promise<void> {
  if (existsSync(path.join(PG_DATA, 'postmaster.pid')))
    await asPostgres('pg_ctl', ['-D', PG_DATA, '-m', 'immediate', 'stop']).catch(() => undefined);
  rmSync(PG_DATA, { recursive: true, force: true });
  mkdirSync(PG_DATA, { recursive: true });
  await run('chown', ['-R', 'postgres:postgres', HOME]);
  await asPostgres('initdb', ['-D', PG_DATA, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8']);
  await startPostgres();
  await run('psql', [
    '-h',
    '127.0.0.1',
    '-p',
    String(PG_PORT),
    '-U',
    'postgres',
    '-d',
    'postgres',
    '-XqAc',
    'CREATE DATABASE service_circle_faults',
  ]);
  const env = { ...process.env, DATABASE_URL };
  for (const script of ['migrate', 'seed:demo'])
    await run('npm', ['run', '--silent', script], { cwd: ROOT, env, timeout: 180_000 });
}

let redis: ChildProcess | undefined;

export async function startRedis(): Promise<void> {
  redis = spawn(
    'redis-server',
    ['--port', String(REDIS_PORT), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 100; i++) {
    const pong = await run('redis-cli', ['-p', String(REDIS_PORT), 'ping']).catch(() => undefined);
    if (pong?.stdout.trim() === 'PONG') return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the suite's Redis did not answer on ${REDIS_PORT}`);
}

/** Without persistence a killed Redis comes back empty: every queued job is gone. */
export async function crashRedis(): Promise<void> {
  const gone = new Promise((r) => redis?.once('exit', r));
  redis?.kill('SIGKILL');
  await gone;
}

const infraSh = (command: 'up' | 'down') =>
  run('bash', ['scripts/infra.sh', command], { cwd: ROOT, env: KAFKA_ENV, timeout: 300_000 });

export const startKafka = () => infraSh('up');

/** kill -9 of the broker, then the script starts it again on the same data. */
export async function crashKafka(): Promise<void> {
  await run('bash', ['-c', `kill -9 "$(cat '${KAFKA_ENV.KAFKA_PID_FILE}')"`]);
  for (let i = 0; i < 100; i++) {
    const still = await run('bash', ['-c', `kill -0 "$(cat '${KAFKA_ENV.KAFKA_PID_FILE}')"`])
      .then(() => true)
      .catch(() => false);
    if (!still) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** PostgreSQL, Redis and a Kafka broker of the suite's own, made anew under .cache/faults. */
export async function startOwnServices(): Promise<void> {
  assertMachineFits();
  mkdirSync(HOME, { recursive: true });
  await infraSh('down').catch(() => undefined);
  rmSync(path.join(HOME, 'kafka'), { recursive: true, force: true });
  mkdirSync(path.join(HOME, 'kafka'), { recursive: true });
  await Promise.all([freshPostgres(), startRedis(), startKafka()]);
}

export async function stopOwnServices(): Promise<void> {
  await infraSh('down').catch(() => undefined);
  await crashRedis().catch(() => undefined);
  await asPostgres('pg_ctl', ['-D', PG_DATA, '-m', 'fast', 'stop']).catch(() => undefined);
}
