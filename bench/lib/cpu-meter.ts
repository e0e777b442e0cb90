import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));

interface ProcessStat {
  /** The command name, as the kernel keeps it (15 characters at most). */
  readonly name: string;
  /** User + system seconds: of every thread, or of one under `task/`. */
  readonly cpu: number;
}

/** A `stat` file read: a process's, or one thread's; undefined once it is gone. */
function readStat(file: string): ProcessStat | undefined {
  try {
    const stat = readFileSync(file, 'utf8');
    // The name is in parentheses and may hold spaces and parentheses of its own.
    const close = stat.lastIndexOf(')');
    const fields = stat.slice(close + 2).split(' ');
    return {
      name: stat.slice(stat.indexOf('(') + 1, close),
      cpu: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND,
    };
  } catch {
    return undefined;
  }
}

/** CPU seconds of one process (`/proc/<pid>/stat`) or thread (`/proc/<pid>/task/<tid>/stat`); 0 once gone. */
export function cpuSecondsOf(statFile: string): number {
  return readStat(statFile)?.cpu ?? 0;
}

interface MachineCpu {
  /** CPU seconds every process on the machine has used since boot: the baseline for "others". */
  readonly all: number;
  /** Of it, the time the hypervisor gave this machine's cores to another machine. */
  readonly stolen: number;
  /** Of it, interrupts: on loopback, much of the network's work between our processes. */
  readonly interrupts: number;
}

function machineCpuSeconds(): MachineCpu {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/) ?? [];
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = ticks.map(Number);
  return {
    all: (user + nice + system + irq + softirq + steal) / TICKS_PER_SECOND,
    stolen: steal / TICKS_PER_SECOND,
    interrupts: (irq + softirq) / TICKS_PER_SECOND,
  };
}

/** Every process on the machine, by the numbered entries of `/proc`. */
function processIds(): number[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number);
}

/** Processes whose command line matches, found in `/proc`. */
export function processesMatching(pattern: RegExp): number[] {
  return processIds().filter((pid) => {
    try {
      return pattern.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
    } catch {
      return false; // Gone between the listing and the read.
    }
  });
}

/** The Kafka broker's process, found by its main class. */
export const kafkaBrokerPids = (): number[] => processesMatching(/kafka\.Kafka/);

/**
 * The work PostgreSQL does for the bench database: its backends, by the title each one sets
 * (`postgres: 15/main: <user> <database> <client> <state>`), and the server's WAL writer,
 * checkpointer, background writer and autovacuum workers. Looked up when the meter starts and
 * again when it stops, since pools open connections under load: a backend opened in between
 * counts whole, one that opened and closed in between is missed.
 */
export function postgresProcesses(databaseUrl: string): PidFinder {
  const database = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
  const escaped = database.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(
    `^postgres: [^:]+: (\\S+ ${escaped} |walwriter|checkpointer|background writer|autovacuum worker)`,
  );
  return () => processesMatching(pattern);
}

/** Finds a group's processes when the meter starts and again when it stops. */
export type PidFinder = () => number[];

export type CpuGroups = Record<string, readonly number[] | PidFinder>;

/** The part of `CpuUse.parts` that is the bench's own process. */
export const BENCH_CLIENT = 'bench client';

export interface CpuUse {
  /** CPU seconds by group, and the bench client's own. */
  readonly parts: Record<string, number>;
  /** CPU seconds of every process on the machine, ours included, and the seconds metered. */
  readonly machine: number;
  /** Of `machine`, what the hypervisor took and what interrupts took (see MachineCpu). */
  readonly stolen: number;
  readonly interrupts: number;
  /** CPU seconds of every other process, by its command name: what "other work" was. */
  readonly others: Record<string, number>;
  readonly seconds: number;
}

/** CPU seconds of all the parts together, the bench client's included. */
export function cpuSeconds(cpu: CpuUse): number {
  return Object.values(cpu.parts).reduce((sum, seconds) => sum + seconds, 0);
}

/** Every process's command name and CPU seconds, read from its `stat`. */
function everyProcess(): Map<number, ProcessStat> {
  const processes = new Map<number, ProcessStat>();
  for (const pid of processIds()) {
    const stat = readStat(`/proc/${pid}/stat`);
    if (stat) processes.set(pid, stat);
  }
  return processes;
}

/** What processes outside `ours` used between two readings, by command name. */
function otherWork(
  before: Map<number, ProcessStat>,
  after: Map<number, ProcessStat>,
  ours: ReadonlySet<number>,
): Record<string, number> {
  const others: Record<string, number> = {};
  for (const [pid, { name, cpu }] of after) {
    if (ours.has(pid)) continue;
    const used = cpu - (before.get(pid)?.cpu ?? 0);
    if (used > 0) others[name] = (others[name] ?? 0) + used;
  }
  return others;
}

/**
 * CPU used by each group of processes from now until `stop`, in seconds. On a shared machine
 * this says which part of the path spends the cores, which the wall clock alone cannot, and
 * how much of the machine other work took meanwhile.
 */
export function startCpuMeter(groups: CpuGroups): { stop(): CpuUse } {
  const pidsOf = (found: readonly number[] | PidFinder) =>
    typeof found === 'function' ? found() : found;
  const atStart = Object.fromEntries(
    Object.entries(groups).map(([group, found]) => [group, pidsOf(found)]),
  );
  const processes = everyProcess();
  const self = process.cpuUsage();
  const machine = machineCpuSeconds();
  const started = performance.now();
  return {
    stop() {
      const used = process.cpuUsage(self);
      const end = machineCpuSeconds();
      const now = everyProcess();
      // A process gone by the end (a pooled connection closed) counts for nothing, not less; one
      // that started since counts whole.
      const since = (pid: number) =>
        Math.max(0, (now.get(pid)?.cpu ?? 0) - (processes.get(pid)?.cpu ?? 0));
      const members = Object.entries(groups).map(
        ([group, found]) =>
          [group, new Set([...(atStart[group] ?? []), ...pidsOf(found)])] as const,
      );
      const ours = new Set([process.pid, ...members.flatMap(([, pids]) => [...pids])]);
      const others = otherWork(processes, now, ours);
      const spent = members.map(([group, pids]) => [
        group,
        [...pids].reduce((sum, pid) => sum + since(pid), 0),
      ]);
      return {
        parts: { ...Object.fromEntries(spent), [BENCH_CLIENT]: (used.user + used.system) / 1e6 },
        machine: end.all - machine.all,
        stolen: end.stolen - machine.stolen,
        interrupts: end.interrupts - machine.interrupts,
        others,
        seconds: (performance.now() - started) / 1000,
      };
    },
  };
}

/** CPU seconds of each thread of a process by thread id; the main thread's id is the pid. */
function threadCpuSeconds(pid: number): Map<number, number> {
  const threads = new Map<number, number>();
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`))
      threads.set(Number(tid), readStat(`/proc/${pid}/task/${tid}/stat`)?.cpu ?? 0);
  } catch {
    // Gone: nothing to count.
  }
  return threads;
}

export interface ThreadSplit {
  /** CPU seconds of the main thread, the event loop the profiles see. */
  readonly main: number;
  /** CPU seconds of every other thread: worker threads (the relay), V8's collector and compiler. */
  readonly others: number;
  /** The busiest other thread's CPU seconds: the relay's thread where the relay leads. */
  readonly busiestOther: number;
  readonly seconds: number;
}

/**
 * Each process's CPU split by thread from now until `stop`. The profiles cover main threads
 * only; this says how much of a process's CPU they leave out.
 */
export function startThreadSplit(pids: Record<string, number>): {
  stop(): Record<string, ThreadSplit>;
} {
  const before = new Map(Object.values(pids).map((pid) => [pid, threadCpuSeconds(pid)]));
  const started = performance.now();
  return {
    stop() {
      const seconds = (performance.now() - started) / 1000;
      const split = ([name, pid]: [string, number]): [string, ThreadSplit] => {
        const earlier = before.get(pid) ?? new Map<number, number>();
        let main = 0;
        const others: number[] = [];
        for (const [tid, cpu] of threadCpuSeconds(pid)) {
          const used = Math.max(0, cpu - (earlier.get(tid) ?? 0));
          if (tid === pid) main = used;
          else others.push(used);
        }
        const sum = others.reduce((a, b) => a + b, 0);
        return [name, { main, others: sum, busiestOther: Math.max(0, ...others), seconds }];
      };
      return Object.fromEntries(Object.entries(pids).map(split));
    },
  };
}
