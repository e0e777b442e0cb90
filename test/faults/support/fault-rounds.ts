import { simulate, type CommandRecord } from '@circle/simulator';
import { FAULT_KINDS, type FaultKind, type FaultyCircle } from './faulty-circle';

export interface RoundsSummary {
  rounds: number;
  faults: Partial<Record<FaultKind, number>>;
  commands: CommandRecord[];
  /** Simulations that stopped early (a login that never got through, say); load, not a verdict. */
  interruptions: string[];
}

/** A small seeded generator, so FAULT_SEED replays the same faults at the same moments. */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

/** Each kind once in a shuffled order, then again: over n rounds every kind comes n/8 times. */
export function faultPlan(rounds: number, seed: number): FaultKind[] {
  const next = random(seed);
  const plan: FaultKind[] = [];
  while (plan.length < rounds) {
    const deck = [...FAULT_KINDS];
    for (let i = deck.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [deck[i], deck[j]] = [deck[j], deck[i]];
    }
    plan.push(...deck);
  }
  return plan.slice(0, rounds);
}

/**
 * Each round plays 25 minutes of a district's morning through every station at full speed,
 * and part way through (after the logins, at a seeded moment) injects the round's fault.
 */
export async function playRounds(
  circle: FaultyCircle,
  plan: readonly FaultKind[],
  seed: number,
  log: (line: string) => void = () => undefined,
): Promise<RoundsSummary> {
  const next = random(seed + 1);
  const summary: RoundsSummary = { rounds: 0, faults: {}, commands: [], interruptions: [] };
  for (const [i, kind] of plan.entries()) {
    const day = new Date(Date.UTC(2022, 2, 1 + i)).toISOString().slice(0, 10);
    const load = simulate({
      urls: {
        hall: circle.url('hall'),
        township: circle.url('township'),
        hospital: circle.url('hospital'),
        supervisor: circle.url('supervisor'),
      },
      seed: seed + i,
      from: `${day}T09:00:00+08:00`,
      to: `${day}T09:25:00+08:00`,
      scale: 6,
      speedUp: 'max',
      everyStationEveryDay: true,
      concurrency: 8,
      onCommand: (c) => summary.commands.push(c),
    }).catch((error: unknown) => {
      summary.interruptions.push(`round ${i + 1}: ${String(error)}`);
    });
    await new Promise((r) => setTimeout(r, 2_000 + next() * 4_000));
    const started = Date.now();
    await circle.inject(kind);
    summary.faults[kind] = (summary.faults[kind] ?? 0) + 1;
    await load;
    summary.rounds++;
    log(`round ${i + 1}/${plan.length}: ${kind} (back in ${Date.now() - started} ms)`);
  }
  return summary;
}
