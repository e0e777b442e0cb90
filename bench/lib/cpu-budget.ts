import { cpus } from 'node:os';
import { BENCH_CLIENT, cpuSeconds, type CpuUse } from './cpu-meter';
import { report } from './stats';

/** CPU ms per answer: all parts, and the bench client's share of it. */
export function cpuPerAnswer(cpu: CpuUse, answers: number): { all: number; client: number } {
  const client = cpu.parts[BENCH_CLIENT] ?? 0;
  return { all: (cpuSeconds(cpu) * 1000) / answers, client: (client * 1000) / answers };
}

/**
 * CPU milliseconds per answer, by part of the path: what a figure costs, not just how fast it
 * went on a shared machine. The other work is what the rest of the machine took meanwhile.
 */
export function reportCpuPerAnswer(
  what: string,
  cpu: CpuUse,
  answers: number,
): { all: number; client: number } {
  for (const [part, seconds] of Object.entries(cpu.parts))
    if (seconds > 0) report(`CPU per ${what}: ${part}`, (seconds * 1000) / answers, 'ms');
  const perAnswer = cpuPerAnswer(cpu, answers);
  report(`CPU per ${what}: all parts`, perAnswer.all, 'ms');
  const others = (cpu.machine - cpuSeconds(cpu)) / cpu.seconds;
  report('other work on the machine meanwhile', others, 'cores');
  return perAnswer;
}

/** What this machine's cores would carry at that cost with nothing else running. */
export function reportCeiling(cpuMsPerAnswer: number): void {
  const cores = cpus().length;
  report(`ceiling on ${cores} idle cores at this CPU cost`, (cores * 1000) / cpuMsPerAnswer, '/s');
}

/**
 * What a target rate leaves each answer on this machine's cores once the bench's own client has
 * taken its share, beside what the product spends and, where measured, what raw code spends on
 * the same path. A target whose budget is below raw code's cost cannot be met on these cores by
 * any product doing more than raw code does.
 */
export function reportBudget(
  what: string,
  targetPerSecond: number,
  product: { all: number; client: number },
  raw?: { all: number; client: number },
): void {
  const cores = cpus().length;
  const budget = (cores * 1000) / targetPerSecond;
  const left = budget - product.client;
  console.log(
    `CPU budget per ${what} at ${targetPerSecond.toLocaleString('en')}/s on ${cores} cores:`,
  );
  report('  all of it', budget, 'ms');
  report("  the bench's client takes", product.client, 'ms');
  report('  left for the product', left, 'ms');
  const spends = product.all - product.client;
  const times = left > 0 ? `${(spends / left).toFixed(1)} × what is left` : 'nothing is left';
  report('  the product spends', spends, `ms (${times})`);
  if (raw) report('  raw code on the same path spends', raw.all - raw.client, 'ms (floor)');
}
