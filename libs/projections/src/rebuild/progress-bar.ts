export interface Progress {
  readonly done: number;
  readonly total: number;
  readonly elapsedMs: number;
}

const WIDTH = 30;

const clock = (seconds: number): string => {
  const s = Math.max(0, Math.round(seconds));
  const hours = Math.floor(s / 3600);
  const rest = `${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
  return hours > 0 ? `${hours}:${rest}` : rest;
};

export const eventsPerSecond = (done: number, elapsedMs: number): number =>
  elapsedMs > 0 ? Math.round((done * 1000) / elapsedMs) : 0;

/** `[#######.......]  41% 41,000/100,000 events  12,345 ev/s  ETA 00:04` */
export function renderProgress({ done, total, elapsedMs }: Progress): string {
  // The log grows while a rebuild runs, so `done` may pass the total counted at the start.
  const share = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(share * WIDTH);
  const rate = eventsPerSecond(done, elapsedMs);
  const eta = rate > 0 ? clock(Math.max(0, total - done) / rate) : '--:--';
  return (
    `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${String(Math.floor(share * 100)).padStart(3)}% ` +
    `${done.toLocaleString('en')}/${total.toLocaleString('en')} events  ` +
    `${rate.toLocaleString('en')} ev/s  ETA ${eta}`
  );
}

/** Redraws one line on a terminal; elsewhere (logs, CI) prints a line at most once a second. */
export class ProgressPrinter {
  private lastPrinted = 0;
  private lastLine = '';

  constructor(private readonly out: NodeJS.WriteStream = process.stderr) {}

  update(progress: Progress, final = false): void {
    const line = renderProgress(progress);
    if (this.out.isTTY) {
      this.out.write(`\r${line}${final ? '\n' : ''}`);
      return;
    }
    if (!final && progress.elapsedMs - this.lastPrinted < 1_000) return;
    if (line === this.lastLine) return;
    this.lastPrinted = progress.elapsedMs;
    this.lastLine = line;
    this.out.write(`${line}\n`);
  }
}
