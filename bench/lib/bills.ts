import { shanghaiToday } from './insured-residents';

/**
 * A discharge bill at hosp-2 (tier 2) for one of the bench's residents, treated today: CONTRACT's
 * settlement body. Totals vary from 2,000 to 50,000 yuan, 70–95 % in scope, so some people reach
 * their caps over the run and every layer of the calculator is exercised.
 */
export function billFor(residentId: string, today = shanghaiToday()): Record<string, unknown> {
  const totalFen = 200_000 + Math.floor(Math.random() * 4_800_000);
  return {
    region: 'taibai-lake',
    date: today,
    scheme: 'resident',
    insuredCategory: 'general',
    setting: 'inpatient',
    tier: 2,
    totalFen,
    inScopeFen: Math.floor(totalFen * (0.7 + Math.random() * 0.25)),
    residentId,
  };
}

export const pick = <T>(items: readonly T[]): T =>
  items[Math.floor(Math.random() * items.length)] as T;
