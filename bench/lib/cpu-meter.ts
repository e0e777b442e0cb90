import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { Client } from 'pg';

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));

/** CPU seconds (user + system, every thread) a process has used; 0 once it is gone. */
function cpuSeconds(pid: number): number {
  try {
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** CPU seconds every process on the machine has used since boot: the baseline for "others". */
function machineCpuSeconds(): number {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/) ?? [];
  const [user, nice, system, , , irq, softirq, steal] = ticks.map(Number);
  return (
    ((user ?? 0) + (nice ?? 0) + (system ?? 0) + (irq ?? 0) + (softirq ?? 0) + (steal ?? 0)) /
    TICKS_PER_SECOND
  );
}

/** The Kafka broker's process, found by its main class. */
export function kafkaBrokerPids(): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('kafka.Kafka');
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** The bench database's backends and the server's WAL writer: the work PostgreSQL does for it. */
export async function postgresPids(databaseUrl: string): Promise<number[]> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid()
          OR backend_type IN ('walwriter', 'checkpointer', 'background writer')`,
    );
    return rows.map((r) => r.pid);
  } finally {
    await db.end();
  }
}

export type CpuGroups = Record<string, readonly number[]>;

export interface CpuUse {
  /** CPU seconds by group, and the bench client's own. */
  readonly parts: Record<string, number>;
  /** CPU seconds of every process on the machine, ours included, and the seconds metered. */
  readonly machine: number;
  readonly seconds: number;
}

/**
 * CPU used by each group of processes from now until `stop`, in seconds. On a shared machine
 * this says which part of the path spends the cores, which the wall clock alone cannot, and
 * how much of the machine other work took meanwhile.
 */
export function startCpuMeter(groups: CpuGroups): { stop(): CpuUse } {
  const before = new Map(
    Object.values(groups).flatMap((pids) => pids.map((p) => [p, cpuSeconds(p)])),
  );
  // A process gone by the end (a pooled connection closed) counts for nothing, not less.
  const since = (pid: number) => Math.max(0, cpuSeconds(pid) - (before.get(pid) ?? 0));
  const self = process.cpuUsage();
  const machine = machineCpuSeconds();
  const started = performance.now();
  return {
    stop() {
      const used = process.cpuUsage(self);
      const spent = Object.entries(groups).map(([group, pids]) => [
        group,
        pids.reduce((sum, pid) => sum + since(pid), 0),
      ]);
      return {
        parts: { ...Object.fromEntries(spent), 'bench client': (used.user + used.system) / 1e6 },
        machine: machineCpuSeconds() - machine,
        seconds: (performance.now() - started) / 1000,
      };
    },
  };
}
