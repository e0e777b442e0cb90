import type { Community } from './community';

/** The most minutes a question may ask about (CONTRACT's circle is 15). */
export const MAX_MINUTES = 120;

export interface CommunityMinutes {
  readonly communityId: string;
  readonly population: number;
  /** Door-to-door minutes to the nearest capable station; null when no road leads to one. */
  readonly minutes: number | null;
}

export interface CoverageFigures {
  readonly population: number;
  readonly coveredPopulation: number;
  /** covered ÷ population, 0–1; 0 for a district with nobody in it. */
  readonly share: number;
  /** Every community beyond the limit, the furthest (or cut off) first. */
  readonly uncovered: CommunityMinutes[];
}

/** Who lives within `limit` minutes of a capable station, and every community beyond. */
export function coverageWithin(
  communities: readonly Community[],
  minutes: ArrayLike<number>,
  limit: number,
): CoverageFigures {
  let population = 0;
  let covered = 0;
  const uncovered: CommunityMinutes[] = [];
  communities.forEach((c, i) => {
    const m = minutes[i] ?? Infinity;
    population += c.population;
    if (m <= limit) covered += c.population;
    else
      uncovered.push({
        communityId: c.communityId,
        population: c.population,
        minutes: m === Infinity ? null : m,
      });
  });
  uncovered.sort(furthestFirst);
  return {
    population,
    coveredPopulation: covered,
    share: population > 0 ? covered / population : 0,
    uncovered,
  };
}

function furthestFirst(a: CommunityMinutes, b: CommunityMinutes): number {
  const am = a.minutes ?? Infinity;
  const bm = b.minutes ?? Infinity;
  if (am !== bm) return bm > am ? 1 : -1;
  return a.communityId < b.communityId ? -1 : a.communityId > b.communityId ? 1 : 0;
}

/**
 * Population within m minutes for every whole m from 0 to MAX_MINUTES: any question the API
 * may ask is then one look-up, whatever the number of communities.
 */
export function coveredByMinute(
  communities: readonly Community[],
  minutes: ArrayLike<number>,
): number[] {
  const atMinute = new Array<number>(MAX_MINUTES + 1).fill(0);
  communities.forEach((c, i) => {
    const m = minutes[i] ?? Infinity;
    if (m <= MAX_MINUTES) atMinute[Math.ceil(m)] += c.population;
  });
  for (let m = 1; m <= MAX_MINUTES; m++) atMinute[m] += atMinute[m - 1];
  return atMinute;
}
