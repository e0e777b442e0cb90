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

/** How the counters cover one business: computed once per business, not once per ticket. */
export interface CounterCover {
  /** Open counters skilled for it; with none open, those that could open; at least 1. */
  readonly counters: number;
  /** Every open counter skilled for it has a resident. */
  readonly allBusy: boolean;
  /** Businesses whose tickets compete with it: those the same open counters serve. */
  readonly rivals: ReadonlySet<BusinessCode>;
}

export function coverFor(
  business: BusinessCode,
  counters: readonly ServingCounter[],
): CounterCover {
  const skilled = counters.filter((c) => c.skills.includes(business));
  const open = skilled.filter((c) => c.status === 'open');
  const rivals = new Set<BusinessCode>([business]);
  for (const c of open) c.skills.forEach((s) => rivals.add(s));
  return {
    counters: Math.max(1, open.length || skilled.length),
    allBusy: open.length > 0 && open.every((c) => c.busy),
    rivals,
  };
}

export interface WaitInput {
  readonly business: BusinessCode;
  /** How many tickets are ahead, per business, among those the same counters serve. */
  readonly aheadPerBusiness: Readonly<Partial<Record<BusinessCode, number>>>;
  readonly cover: CounterCover;
  readonly averageSeconds: (business: BusinessCode) => number;
}

/**
 * The work ahead (each ticket weighted by its business's average service time) divided by the
 * open counters skilled for this business. With none open, the counters that could open are
 * assumed, so a resident still gets a figure. When every such counter is busy, the top of the
 * range adds one service for the resident now at the counter.
 */
export function estimateWait(input: WaitInput): EstimatedWait {
  let work = 0;
  for (const [business, count] of Object.entries(input.aheadPerBusiness))
    work += (count ?? 0) * input.averageSeconds(business as BusinessCode);
  const inService = input.cover.allBusy ? input.averageSeconds(input.business) : 0;
  return {
    minMinutes: Math.floor((LOW * work) / input.cover.counters / 60),
    maxMinutes: Math.ceil((HIGH * (work + inService)) / input.cover.counters / 60),
  };
}
