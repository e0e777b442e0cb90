import { makeNationalId } from '../../libs/enrollment/src/domain/national-id';
import type { HttpClient } from './http-client';

/** Today in Asia/Shanghai, the contract's zone. */
export const shanghaiToday = (): string =>
  new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** The i-th resident of the bench: born on one of 1,000 days in the 1970s–80s, a valid ID. */
function residentIdOf(i: number): string {
  const born = new Date(Date.UTC(1972, 0, 1) + (i % 1000) * 9 * 86_400_000);
  return makeNationalId('370811', born.toISOString().slice(0, 10), Math.floor(i / 1000) % 1000);
}

/**
 * Enrolls `count` general residents at town-1 and pays each one's contribution for this year,
 * through the township app as a clerk would, `inFlight` at a time; their IDs.
 */
export async function insuredResidents(
  township: HttpClient,
  clerk: string,
  count: number,
  inFlight = 16,
): Promise<string[]> {
  const year = shanghaiToday().slice(0, 4);
  const ids = Array.from({ length: count }, (_, i) => residentIdOf(i));
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < ids.length) {
        const i = next++;
        const residentId = ids[i] as string;
        const enrolled = await township.command('/api/residents', clerk, {
          residentId,
          name: '测试居民',
          phone: `139${String(i).padStart(8, '0')}`,
          category: 'general',
          region: 'taibai-lake',
        });
        if (enrolled.status !== 201)
          throw new Error(
            `enroll ${residentId}: ${enrolled.status} ${JSON.stringify(enrolled.body)}`,
          );
        const payableFen = Number((enrolled.body as { payableFen: number }).payableFen);
        if (payableFen === 0) continue;
        const paid = await township.command(
          `/api/residents/${residentId}/contributions/${year}/payments`,
          clerk,
          { amountFen: payableFen, method: 'cash' },
        );
        if (paid.status !== 201)
          throw new Error(`pay ${residentId}: ${paid.status} ${JSON.stringify(paid.body)}`);
      }
    }),
  );
  return ids;
}
