export interface Baseline {
  readonly name: string;
  readonly value: number;
}

/** Two significant digits, so a figure far below its baseline still reads as more than 0.00. */
const ratio = (r: number): string => (r >= 0.1 ? r.toFixed(2) : r.toPrecision(2));

/** One figure beside every raw baseline measured in the same run (none: the figure alone). */
export function reportBeside(
  name: string,
  value: number,
  unit: string,
  baselines: readonly Baseline[],
): void {
  const ratios = baselines
    .map((b) => `${ratio(value / b.value)} × ${b.name} ${b.value.toPrecision(3)}`)
    .join(', ');
  const beside = ratios ? `  (${ratios})` : '';
  console.log(`${name.padEnd(38)} ${value.toFixed(1).padStart(10)} ${unit}${beside}`);
}
