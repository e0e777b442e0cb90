import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@circle/kernel';
import {
  actingStation,
  checkedResidentId,
  Clock,
  POLICY_BOOK,
  type ActingStation,
} from '@circle/enrollment';
import { fen, type PolicyBook, type PolicyInForce } from '@circle/policy';
import { DEMO_DISTRICT, type BusinessCode, type StationKind } from '@circle/stations';
import type { Bill } from '../domain';
import type { BillRequest } from './bill.request.dto';
import { SETTLEMENT_STATION_KINDS } from './settlement-stations';

/** Where, when and under which policy a bill is settled. */
export interface AtTheDesk {
  readonly station: ActingStation & { readonly tier?: 1 | 2 | 3 };
  readonly at: string;
  readonly today: string;
}

function invalid(field: string, problem: string): DomainError {
  return new DomainError('invalid', 'validation_failed', `${field} ${problem}`, [
    { field, problem },
  ]);
}

/**
 * The steps every settlement command shares: the clerk's station may handle the item, the
 * clock is read once, the bill's date is no later than today and has a policy in force.
 */
@Injectable()
export class SettlementDesk {
  constructor(
    private readonly clock: Clock,
    @Inject(POLICY_BOOK) private readonly policies: PolicyBook,
    @Inject(SETTLEMENT_STATION_KINDS) private readonly served: readonly StationKind[],
  ) {}

  open(business: BusinessCode, stationId: string | undefined): AtTheDesk {
    const station = actingStation(business, stationId, this.served);
    const tier = DEMO_DISTRICT.find((s) => s.stationId === station.stationId)?.tier;
    const at = this.clock.shanghaiNow();
    return { station: { ...station, ...(tier ? { tier } : {}) }, at, today: at.slice(0, 10) };
  }

  today(): string {
    return this.clock.shanghaiToday();
  }

  /** The policy of the person's region in force on the day of treatment. */
  policyFor(request: BillRequest, today: string): PolicyInForce {
    if (request.date > today) throw invalid('date', `is after today (${today})`);
    return this.policies.inForce(request.region, request.date);
  }

  residentId(raw: string, today: string): string {
    return checkedResidentId(raw, today).id;
  }
}

/** The bill as the domain takes it; money checks (in-scope above total) are the domain's. */
export function billOf(request: BillRequest): Bill {
  return {
    date: request.date,
    scheme: request.scheme,
    insuredCategory: request.insuredCategory,
    setting: request.setting,
    tier: request.tier,
    totalFen: fen(request.totalFen),
    inScopeFen: fen(request.inScopeFen),
    ...(request.disease === undefined ? {} : { disease: request.disease }),
  };
}

/** A hospital station settles at its own tier; a body that says otherwise is refused. */
export function checkTier(request: BillRequest, desk: AtTheDesk): void {
  const tier = desk.station.tier;
  if (tier !== undefined && request.tier !== tier)
    throw invalid('tier', `must be ${tier}, the tier of ${desk.station.stationId}`);
}

/** `STL-20260604-3f9c2a7b1e04`: the day it was settled and a random part; no ID number in it. */
export function newSettlementId(at: string): string {
  return `STL-${at.slice(0, 10).replaceAll('-', '')}-${randomUUID().replaceAll('-', '').slice(0, 12)}`;
}

/** The demo district's hospitals treat in Taibai Lake; a person from elsewhere is off-site. */
export const TREATMENT_REGION = 'taibai-lake';
