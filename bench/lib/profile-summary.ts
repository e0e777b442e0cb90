import { readFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface SelfTime {
  readonly name: string;
  readonly ms: number;
  readonly share: number;
}

/** `…/node_modules/@nestjs/core/…` → `@nestjs/core`; our code by its lib or app; V8's own by name. */
function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules?.[1]) return modules[1];
  const ours = /dist\/((?:libs|apps|bench)\/[^/]+)/.exec(url);
  if (ours?.[1]) return ours[1];
  if (url.startsWith('node:')) return 'node (built-in)';
  return url;
}

function frameName({ functionName, url, lineNumber }: ProfileNode['callFrame']): string {
  const file = url.replace(/^.*\/(node_modules|dist)\//, '').replace(/^file:\/\//, '');
  return `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`.trim();
}

function top(totals: Map<string, number>, all: number, count: number): SelfTime[] {
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, us]) => ({ name, ms: us / 1000, share: us / all }));
}

/**
 * Self time of a V8 CPU profile (`.cpuprofile`), by function and by package: each sample's
 * time goes to the function on top of the stack.
 *
 * A sample is taken when the profiler's signal reaches the thread, so a thread that waited for
 * a core has one sample whose delta spans the whole wait, charged to wherever it was stopped:
 * mostly `writev`, whose write wakes the process at the other end, which then takes the core.
 * On two cores shared by eight busy processes most of a thread's "busy" wall time is such
 * waiting (79 % of the window against 18 % on a core, in one run). Each sample's time is
 * therefore capped at the sampling interval (1 ms, as profile-on-signal.ts sets it): `cpuMs`
 * estimates time on a core. The shares stay biased towards `writev` and `writeBuffer`: a peer
 * that ran for less than an interval still leaves the next sample there, so read them as where
 * threads gave up their core, not as what writing costs.
 */
export function summariseProfile(
  file: string,
  count = 8,
  intervalUs = 1_000,
): {
  functions: SelfTime[];
  packages: SelfTime[];
  busyMs: number;
  cpuMs: number;
  totalMs: number;
} {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const byFunction = new Map<string, number>();
  const byPackage = new Map<string, number>();
  let all = 0;
  let idle = 0;
  let onCore = 0;
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i + 1] ?? 0;
    const frame = frames.get(id);
    if (!frame) return;
    all += us;
    if (frame.functionName === '(idle)') return void (idle += us);
    const capped = Math.min(us, intervalUs);
    onCore += capped;
    const name = frameName(frame);
    byFunction.set(name, (byFunction.get(name) ?? 0) + capped);
    const pkg = packageOf(frame.url, frame.functionName);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + capped);
  });
  return {
    functions: top(byFunction, onCore, count),
    packages: top(byPackage, onCore, count),
    busyMs: (all - idle) / 1000,
    cpuMs: onCore / 1000,
    totalMs: all / 1000,
  };
}
