import { Baseline, reportBeside } from './beside';

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

export function summarise(values: number[]): {
  p50: number;
  p99: number;
  max: number;
  count: number;
} {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    count: sorted.length,
  };
}

/** One figure beside its raw baseline: the machine is shared, so the ratio is what compares. */
export function report(name: string, value: number, unit: string, baseline?: Baseline): void {
  reportBeside(name, value, unit, baseline ? [baseline] : []);
}
