import { open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repeatUntilStopped } from './repeat';

export interface DiskStall {
  readonly from: number;
  readonly to: number;
}

export interface DiskProbe {
  /** Stops; every fdatasync that took `stallMs` or longer, as performance.now() spans. */
  stop(): Promise<DiskStall[]>;
}

/**
 * fdatasync of one 8 KiB block, every `everyMs`, on the disk PostgreSQL writes its WAL to (the
 * root filesystem here), outside PostgreSQL. A flush that stalls on this machine's disk stalls
 * every commit made meanwhile, and this probe sees it independently of the app and the database.
 */
export async function startDiskProbe(
  dir = tmpdir(),
  stallMs = 50,
  everyMs = 5,
): Promise<DiskProbe> {
  const file = path.join(dir, `circle-disk-probe-${process.pid}`);
  const handle = await open(file, 'w');
  const block = Buffer.alloc(8192, 1);
  const stalls: DiskStall[] = [];
  const stopProbing = repeatUntilStopped(async () => {
    const from = performance.now();
    await handle.write(block, 0, block.length, 0);
    await handle.datasync();
    const to = performance.now();
    if (to - from >= stallMs) stalls.push({ from, to });
  }, everyMs);
  return {
    async stop() {
      await stopProbing();
      await handle.close();
      await rm(file, { force: true });
      return stalls;
    },
  };
}

/** Whether a call that ran from `from` to `to` overlapped any stall. */
export function caughtInStall(stalls: readonly DiskStall[], from: number, to: number): boolean {
  return stalls.some((s) => s.from < to && s.to > from);
}
