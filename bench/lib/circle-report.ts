import type { Baseline } from './beside';
import { reportCeiling, reportCpuPerAnswer } from './cpu-budget';
import { BENCH_CLIENT, type CpuUse, type ThreadSplit } from './cpu-meter';
import { summariseProfile } from './profile-summary';
import { reportBeside } from './beside';
import { report, summarise } from './stats';

export const TARGETS = { commandsPerSecond: 2_000, lagP99Ms: 250, restMb: 200, loadMb: 400 };

/** CPU ms per command by part, what the other work was, and what idle cores would carry. */
export function reportCpuPerCommand(
  cpu: CpuUse,
  commands: number,
): ReturnType<typeof reportCpuPerAnswer> {
  const perCommand = reportCpuPerAnswer('command', cpu, commands);
  reportOtherWork(cpu);
  reportCeiling(perCommand.all);
  return perCommand;
}

/** What the other work was: the busiest other processes, the hypervisor and interrupts. */
function reportOtherWork(cpu: CpuUse): void {
  const busiest = Object.entries(cpu.others)
    .sort(([, a], [, b]) => b - a)
    .slice(0, 5)
    .map(([name, seconds]) => `${name} ${(seconds / cpu.seconds).toFixed(2)}`);
  console.log(`  busiest other processes, cores: ${busiest.join(', ')}`);
  const stolen = (cpu.stolen / cpu.seconds).toFixed(2);
  const interrupts = (cpu.interrupts / cpu.seconds).toFixed(2);
  console.log(`  taken by the hypervisor (steal) ${stolen}, by interrupts ${interrupts} cores`);
}

/** Each app's CPU by thread: what its main thread's profile covers and what it leaves out. */
export function reportThreads(split: Record<string, ThreadSplit>): void {
  const percent = (seconds: number, of: number) => `${((seconds / of) * 100).toFixed(1)} %`;
  for (const [app, s] of Object.entries(split))
    console.log(
      `CPU of ${app}'s threads: main ${percent(s.main, s.seconds)}, others ${percent(s.others, s.seconds)} (busiest ${percent(s.busiestOther, s.seconds)}) of a core`,
    );
}

/**
 * What the circle spends doing nothing, over the quiet window after start with no command sent:
 * timers, polls and heartbeats. A district's server is at rest most of the day, and on two cores
 * whatever it spends there is taken from the first commands of the morning too.
 */
export function reportCpuAtRest(cpu: CpuUse): void {
  let total = 0;
  for (const [part, seconds] of Object.entries(cpu.parts)) {
    if (part === BENCH_CLIENT) continue;
    total += seconds;
    report(`CPU at rest: ${part}`, (seconds / cpu.seconds) * 100, '% of a core');
  }
  report('CPU at rest: the whole circle', (total / cpu.seconds) * 100, '% of a core');
}

export function reportMemory(
  started: Record<string, number>,
  rest: Record<string, number>,
  load: Record<string, number>,
): boolean {
  let within = true;
  for (const [app, mb] of Object.entries(rest)) {
    const peak = load[app] ?? 0;
    const ok = mb < TARGETS.restMb && peak < TARGETS.loadMb;
    within &&= ok;
    console.log(
      `${`RSS ${app}: at rest / peak under load`.padEnd(38)} ${mb.toFixed(0).padStart(6)} / ${peak.toFixed(0)} MB (${(started[app] ?? 0).toFixed(0)} MB 5 s after start)${ok ? '' : '  (over target)'}`,
    );
  }
  return within;
}

/** Where each app's main thread spent the loaded window: its busiest packages and functions. */
export function reportProfiles(
  profiles: Record<string, string | undefined>,
  seconds: number,
): void {
  console.log(
    '\nwhere the time goes (CPU profile of each main thread over a window of its own after the measured one; shares of its time on a core, see profile-summary.ts)',
  );
  console.log(
    '  (writev and writeBuffer are mostly where a thread lost its core to the process its write woke: a socket write itself costs 5–7 µs of CPU here: bench README, "Where the time goes: reading the profiles")',
  );
  for (const [app, file] of Object.entries(profiles)) {
    if (!file) {
      console.log(`  ${app}: no profile written`);
      continue;
    }
    const p = summariseProfile(file);
    const percent = (ms: number) => `${((ms / 1000 / seconds) * 100).toFixed(0)} %`;
    console.log(
      `  ${app}: main thread on a core about ${percent(p.cpuMs)} of the window, and waiting for one ${percent(p.busyMs - p.cpuMs)} more (${file})`,
    );
    const share = (s: { share: number }) => `${(s.share * 100).toFixed(1).padStart(5)} %`;
    console.log(
      `    by package: ${p.packages.map((s) => `${s.name} ${share(s).trim()}`).join(', ')}`,
    );
    for (const f of p.functions) console.log(`    ${share(f)}  ${f.name}`);
  }
}

export function reportRate(name: string, value: number, baselines: readonly Baseline[]): void {
  reportBeside(name, value, '/s', baselines);
}

/**
 * Which read models a command waited for last, for the commands of the lag's tail (at or above
 * its p99) and for all: where a long lag comes from.
 */
export function reportLaggards(byLaggard: Record<string, number[]>, p99: number): void {
  const rows = Object.entries(byLaggard)
    .map(([laggard, lags]) => ({
      laggard,
      all: lags.length,
      tail: lags.filter((ms) => ms >= p99).length,
      p99: summarise(lags).p99,
    }))
    .sort((a, b) => b.tail - a.tail || b.all - a.all);
  console.log('  waited for last (commands in the tail of p99 and above / all, p99 of their lag):');
  for (const r of rows)
    console.log(`    ${r.laggard}: ${r.tail} / ${r.all}, p99 ${r.p99.toFixed(0)} ms`);
}
