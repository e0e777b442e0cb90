import type { BusinessCode } from '../../../stations/src/domain/business-catalog';
import type { WalkinsSettings } from './walkins-settings';

export interface EstimatedWait {
  readonly minMinutes: number;
  readonly maxMinutes: number;
}

/** A counter as the estimate sees it. */
export interface ServingCounter {
  readonly counterId: string;
  readonly status: 'open' | 'paused' | 'closed';
  readonly skills: readonly BusinessCode[];
  readonly busy: boolean;
}

/** The band around the point estimate: service times at a counter vary by about a fifth. */
const LOW = 0.8;
const HIGH = 1.2;

/** Moving average of the latest completed services of a business, or the configured default. */
export function averageServiceSeconds(
  samples: readonly number[] | undefined,
  settings: Pick<WalkinsSettings, 'serviceWindow' | 'defaultServiceMinutes'>,
): number {
  const recent = (samples ?? []).slice(-settings.serviceWindow);
  if (recent.length === 0) return settings.defaultServiceMinutes * 60;
  return recent.reduce((sum, s) => sum + s, 0) / recent.length;
}

export interface WaitInput {
  readonly business: BusinessCode;
  /** How many tickets are ahead, per business, among those the same counters serve. */
  readonly aheadPerBusiness: Readonly<Partial<Record<BusinessCode, number>>>;
  readonly counters: readonly ServingCounter[];
  readonly averageSeconds: (business: BusinessCode) => number;
}

/**
 * The work ahead (each ticket weighted by its business's average service time) divided by the
 * open counters skilled for this business. With none open, the counters that could open are
 * assumed, so a resident still gets a figure. When every such counter is busy, the top of the
 * range adds one service for the resident now at the counter.
 */
export function estimateWait(input: WaitInput): EstimatedWait {
  const skilled = input.counters.filter((c) => c.skills.includes(input.business));
  const open = skilled.filter((c) => c.status === 'open');
  const counters = Math.max(1, open.length || skilled.length);
  let work = 0;
  for (const [business, count] of Object.entries(input.aheadPerBusiness))
    work += (count ?? 0) * input.averageSeconds(business as BusinessCode);
  const allBusy = open.length > 0 && open.every((c) => c.busy);
  const inService = allBusy ? input.averageSeconds(input.business) : 0;
  return {
    minMinutes: Math.floor((LOW * work) / counters / 60),
    maxMinutes: Math.ceil((HIGH * (work + inService)) / counters / 60),
  };
}

/** Businesses whose tickets compete with this one: those served by the same open counters. */
export function competingBusinesses(
  business: BusinessCode,
  counters: readonly ServingCounter[],
): Set<BusinessCode> {
  const set = new Set<BusinessCode>([business]);
  for (const c of counters)
    if (c.status === 'open' && c.skills.includes(business)) c.skills.forEach((s) => set.add(s));
  return set;
}
