import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawnApp, waitForHttp, type RunningApp } from '../../support/app-process';
import type { AppName } from '../../support/test-env';
import {
  crashKafka,
  crashPostgres,
  crashRedis,
  DATABASE_URL,
  KAFKA_BROKERS,
  REDIS_URL,
  startKafka,
  startPostgres,
  startRedis,
} from './own-services';

export const APPS: readonly AppName[] = ['hall', 'township', 'hospital', 'supervisor', 'notifier'];

// TEST_PORT_BASE + 0 … 4; the fault suite's base is 5100 unless told otherwise.
const BASE = Number(process.env.TEST_PORT_BASE ?? 5100);

export type FaultKind =
  `kill -9 ${AppName}` | 'restart kafka' | 'restart redis' | 'restart postgres';

export const FAULT_KINDS: readonly FaultKind[] = [
  ...APPS.map((app) => `kill -9 ${app}` as const),
  'restart kafka',
  'restart redis',
  'restart postgres',
];

const EXIT_LOGS = path.resolve(__dirname, '..', '..', '..', '.cache', 'faults', 'exits');

/** An app that stopped without being killed: a finding, with where its last words are kept. */
export interface UnplannedExit {
  readonly app: AppName;
  readonly at: string;
  readonly code: number | null;
  readonly signal: string | null;
  readonly log: string;
}

/**
 * The five apps on the suite's own services, each one killable and started again. An app
 * that exits on its own is recorded (the suite fails on it) and started again, as the
 * compose file's restart policy would, so the round still ends instead of waiting for ever.
 */
export class FaultyCircle {
  private readonly running = new Map<AppName, RunningApp>();
  private readonly killing = new Set<RunningApp>();
  private stopping = false;
  readonly unplannedExits: UnplannedExit[] = [];

  url(app: AppName): string {
    return `http://127.0.0.1:${BASE + APPS.indexOf(app)}`;
  }

  async start(): Promise<void> {
    await Promise.all(APPS.map((app) => this.startApp(app)));
  }

  private async startApp(app: AppName): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const started = spawnApp(app, {
        PORT: String(BASE + APPS.indexOf(app)),
        DATABASE_URL,
        REDIS_URL,
        KAFKA_BROKERS,
      });
      this.running.set(app, started);
      const died = started.exited.then(() => {
        throw new Error(`${app} exited before it listened:\n${started.output().slice(-3000)}`);
      });
      try {
        await Promise.race([waitForHttp(`${started.url}/metrics`, 180_000), died]);
        void started.exited.then((exit) => this.exitedOnItsOwn(started, exit));
        return;
      } catch (error) {
        // An app started while a service is still coming back may stop at start: try again.
        await this.kill(started);
        if (attempt >= 4) throw error;
        await new Promise((r) => setTimeout(r, 3_000 * attempt));
      }
    }
  }

  async inject(kind: FaultKind): Promise<void> {
    if (kind.startsWith('kill -9 ')) {
      const app = kind.slice('kill -9 '.length) as AppName;
      const running = this.running.get(app);
      if (running) await this.kill(running);
      await this.startApp(app);
    } else if (kind === 'restart kafka') {
      await crashKafka();
      await startKafka();
    } else if (kind === 'restart redis') {
      await crashRedis();
      await startRedis();
    } else {
      await crashPostgres();
      await startPostgres();
    }
  }

  /** Every app must find its way back on its own: nothing here restarts a stuck one. */
  async unhealthy(timeoutMs: number): Promise<string[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const bad: string[] = [];
      for (const app of APPS) {
        const res = await fetch(`${this.url(app)}/health`).catch(() => undefined);
        if (res?.status !== 200) bad.push(`${app} ${res?.status ?? 'no answer'}`);
      }
      if (!bad.length || Date.now() > deadline) return bad;
      await new Promise((r) => setTimeout(r, 1_000));
    }
  }

  output(app: AppName): string {
    return this.running.get(app)?.output() ?? '';
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all([...this.running.values()].map((app) => this.kill(app)));
  }

  private async kill(app: RunningApp): Promise<void> {
    this.killing.add(app);
    await app.stop('SIGKILL');
  }

  private exitedOnItsOwn(app: RunningApp, exit: { code: number | null; signal: string | null }) {
    if (this.killing.has(app) || this.stopping || this.running.get(app.name) !== app) return;
    const at = new Date().toISOString();
    mkdirSync(EXIT_LOGS, { recursive: true });
    const log = path.join(EXIT_LOGS, `${app.name}-${at.replace(/[:.]/g, '-')}.log`);
    writeFileSync(log, app.output());
    this.unplannedExits.push({ app: app.name, at, code: exit.code, signal: exit.signal, log });
    void this.startApp(app.name).catch(() => undefined);
  }
}
