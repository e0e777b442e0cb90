import { readFileSync } from 'node:fs';
import { repeatUntilStopped } from './repeat';

/** A process's resident set (VmRSS in /proc/<pid>/status) in MB; 0 once it is gone. */
export function residentMb(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** The largest resident set each process reached while sampled, every `everyMs`. */
export function startPeakMemory(
  pids: Record<string, number>,
  everyMs = 500,
): { stop(): Promise<Record<string, number>> } {
  const peaks: Record<string, number> = {};
  const sample = async () => {
    for (const [name, pid] of Object.entries(pids))
      peaks[name] = Math.max(peaks[name] ?? 0, residentMb(pid));
  };
  const stop = repeatUntilStopped(sample, everyMs);
  return {
    async stop() {
      await stop();
      return peaks;
    },
  };
}
