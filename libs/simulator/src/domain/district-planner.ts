import { BILL_SHAPES, type DistrictRates, type SimulatedSetting } from './district-rates';
import { minuteOfDay, shareOfDay } from './daily-profile';
import { DEMO_STATIONS, STATION_SHARES, type SimulatedStation } from './simulated-district';
import { SeededRandom } from './seeded-random';
import { isAssisted, isChronicPatient } from './simulated-resident';
import type { SimulatedBill, Visit } from './visit';
import type { BusinessCode } from '../../../stations/src/domain/business-catalog';

const DAYS_PER_MONTH = 365.25 / 12;
const SEASON_FROM_MONTH = 9;
/** Mean simulated minutes at the counter per item. */
const SERVICE_MINUTES: Partial<Record<BusinessCode, number>> = {
  ENROLL_RESIDENT: 6,
  COVERAGE_ENQUIRY: 3,
  CHANGE_INFO: 5,
  OFFSITE_FILING: 6,
  CHRONIC_QUALIFICATION: 8,
  MANUAL_REIMBURSEMENT: 12,
  ASSISTANCE_REIMBURSEMENT: 10,
  TRANSFER: 10,
  DISCHARGE_SETTLEMENT: 10,
  OUTPATIENT_SETTLEMENT: 4,
};

type Stream = {
  readonly business: BusinessCode;
  /** Visits over the rates' months. */
  readonly count: number;
  readonly setting?: SimulatedSetting;
};

/** Assistance claims at the hall settle inpatient bills too: they are part of the seed's count. */
const assistanceClaims = (rates: DistrictRates) => rates.walkIns.ASSISTANCE_REIMBURSEMENT ?? 0;

/**
 * The seed counts treatments settled; a no-show settles nothing, so the visits that end in a
 * bill are raised by the no-show share to settle the seed's number.
 */
function streamsOf(rates: DistrictRates): Stream[] {
  const walkIns = Object.entries(rates.walkIns).map(([business, count]) => ({
    business: business as BusinessCode,
    count: count ?? 0,
  }));
  const showing = 1 / (1 - rates.noShowShare);
  const inpatient = rates.inpatient - assistanceClaims(rates);
  return [
    ...walkIns.map((w) =>
      w.business === 'ASSISTANCE_REIMBURSEMENT' ? { ...w, count: w.count * showing } : w,
    ),
    {
      business: 'MANUAL_REIMBURSEMENT',
      count: inpatient * rates.claimShare * showing,
      setting: 'inpatient',
    },
    {
      business: 'DISCHARGE_SETTLEMENT',
      count: inpatient * (1 - rates.claimShare) * showing,
      setting: 'inpatient',
    },
    {
      business: 'OUTPATIENT_SETTLEMENT',
      count: rates.chronicOutpatient * showing,
      setting: 'chronic-outpatient',
    },
    { business: 'OUTPATIENT_SETTLEMENT', count: rates.outpatient * showing, setting: 'outpatient' },
  ];
}

/** ISO weekday, 1 Monday … 7 Sunday, of a YYYY-MM-DD day. */
export function weekdayOf(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay() || 7;
}

/**
 * Plans the district's visits day by day. Pure and deterministic: the same seed, rates and
 * days give the same visits. It remembers who it has qualified and who has left the region,
 * so a chronic patient qualifies once and a person transferred out is not seen again.
 */
export class DistrictPlanner {
  private readonly streams: Stream[];
  private readonly population: number;
  private readonly qualified = new Set<number>();
  private readonly gone = new Set<number>();
  private newcomers: number;
  private visits = 0;
  private readonly shares = new Map<string, number>();
  private readonly renewed = new Set<string>();

  constructor(
    private readonly seed: number,
    private readonly rates: DistrictRates,
    private readonly scale: number,
    /** Weekends too, at a working day's rates: a demo started on Saturday is not a quiet one. */
    private readonly everyDay = false,
    private readonly stations: readonly SimulatedStation[] = DEMO_STATIONS,
  ) {
    this.streams = streamsOf(rates);
    this.population = Math.max(8, Math.round(rates.insured * scale));
    this.newcomers = this.population;
  }

  /** Expected visits of one stream at one station on one whole day. */
  dailyMean(stream: Stream, station: SimulatedStation, month: number): number {
    const share = STATION_SHARES[stream.business]?.[station.stationId] ?? 0;
    if (!share) return 0;
    const openDaysPerMonth = (DAYS_PER_MONTH * station.weekdays.length) / 7;
    return (
      (stream.count * share * this.scale * this.seasonFactor(stream.business, month)) /
      this.rates.months /
      openDaysPerMonth
    );
  }

  /** Enrollments rise in the collection season; the seed's months still add up to its count. */
  private seasonFactor(business: BusinessCode, month: number): number {
    if (business !== 'ENROLL_RESIDENT') return 1;
    const inSeason = (m: number) => (m >= SEASON_FROM_MONTH ? this.rates.seasonLift : 1);
    let sum = 0;
    for (let m = 1; m <= this.rates.months; m++) sum += inSeason(m);
    return inSeason(month) / (sum / this.rates.months);
  }

  /** The visits of a day between two minutes of it, in arrival order. */
  planDay(day: string, fromMinute: number, toMinute: number): Visit[] {
    const month = Number(day.slice(5, 7));
    const weekday = weekdayOf(day);
    const share = shareOfDay(fromMinute, toMinute);
    const random = new SeededRandom(this.seed).fork(day);
    const visits: Visit[] = [];
    for (const station of this.stations) {
      if (!this.everyDay && !station.weekdays.includes(weekday)) continue;
      for (const stream of this.streams) {
        const mean = this.dailyMean(stream, station, month) * share;
        const n = random.poisson(mean);
        for (let i = 0; i < n; i++) {
          const minute = minuteOfDay(random.next(), fromMinute, toMinute);
          visits.push(this.visit(random, day, minute, station, stream));
        }
      }
    }
    return visits.sort((a, b) => a.minute - b.minute || a.visitId.localeCompare(b.visitId));
  }

  private visit(
    random: SeededRandom,
    day: string,
    minute: number,
    station: SimulatedStation,
    stream: Stream,
  ): Visit {
    const visitId = `${this.seed}-${day.replace(/-/g, '')}-${++this.visits}`;
    const year = Number(day.slice(0, 4));
    const noShow = random.chance(this.rates.noShowShare);
    const common = {
      visitId,
      day,
      minute,
      stationId: station.stationId,
      noShow,
      recalled: noShow || random.chance(this.rates.recallShare),
      outcome: 'done' as const,
    };
    const serviceMinutes = (business: BusinessCode) =>
      (SERVICE_MINUTES[business] ?? 5) * (0.5 + random.next());
    if (stream.business === 'ENROLL_RESIDENT') {
      const renewal =
        Number(day.slice(5, 7)) >= SEASON_FROM_MONTH &&
        random.chance(1 - 1 / this.rates.seasonLift);
      return {
        ...common,
        business: stream.business,
        residentIndex: renewal ? this.renewing(random, year + 1) : this.newcomers++,
        enrollYear: renewal ? year + 1 : year,
        serviceMinutes: serviceMinutes(stream.business),
      };
    }
    if (stream.setting === 'chronic-outpatient') {
      const assisted = this.inShare(
        'assisted-outpatient',
        this.rates.assistedOutpatient / (this.outpatientVisits() || 1),
      );
      const patient = this.draw(random, assisted, true);
      const bill = this.bill(random, 'chronic-outpatient');
      if (!this.qualified.has(patient)) {
        this.qualified.add(patient);
        return {
          ...common,
          business: 'CHRONIC_QUALIFICATION',
          residentIndex: patient,
          transferTo: { business: 'OUTPATIENT_SETTLEMENT', bill },
          serviceMinutes: serviceMinutes('CHRONIC_QUALIFICATION'),
        };
      }
      return {
        ...common,
        business: stream.business,
        residentIndex: patient,
        bill,
        serviceMinutes: serviceMinutes(stream.business),
      };
    }
    if (stream.setting) {
      const assistedShare =
        stream.setting === 'inpatient'
          ? (this.rates.assistedInpatient - assistanceClaims(this.rates)) /
            (this.rates.inpatient - assistanceClaims(this.rates) || 1)
          : this.rates.assistedOutpatient / (this.outpatientVisits() || 1);
      return {
        ...common,
        business: stream.business,
        residentIndex: this.draw(
          random,
          this.inShare(`assisted-${stream.setting}`, assistedShare),
          false,
        ),
        bill: this.bill(random, stream.setting),
        serviceMinutes: serviceMinutes(stream.business),
      };
    }
    const person =
      stream.business === 'ASSISTANCE_REIMBURSEMENT'
        ? this.draw(random, true, false)
        : this.anyone(random, null);
    if (stream.business === 'TRANSFER') this.gone.add(person);
    const transfer =
      stream.business === 'COVERAGE_ENQUIRY' &&
      station.kind !== 'village' &&
      random.chance(this.rates.transferShare / 0.3);
    return {
      ...common,
      business: stream.business,
      residentIndex: person,
      ...(stream.business === 'ASSISTANCE_REIMBURSEMENT'
        ? { bill: this.bill(random, 'inpatient') }
        : {}),
      ...(transfer ? { transferTo: { business: 'CHANGE_INFO' as const } } : {}),
      outcome: !transfer && random.chance(0.02) ? 'documents-missing' : 'done',
      serviceMinutes: serviceMinutes(stream.business),
    };
  }

  /**
   * Whether this visit is one of the share asked for: every 1/share-th visit of its kind, not
   * a coin toss, so a small district's assisted count does not drift by chance from the seed's.
   */
  private inShare(kind: string, share: number): boolean {
    const k = this.shares.get(kind) ?? 0;
    this.shares.set(kind, k + 1);
    return Math.floor((k + 1) * share) > Math.floor(k * share);
  }

  private outpatientVisits(): number {
    return this.rates.chronicOutpatient + this.rates.outpatient;
  }

  /** Someone not yet enrolled for next year: a person renews once. */
  private renewing(random: SeededRandom, year: number): number {
    for (let tries = 0; ; tries++) {
      const index = this.anyone(random, null);
      if (!this.renewed.has(`${index}:${year}`) || tries >= 100) {
        this.renewed.add(`${index}:${year}`);
        return index;
      }
    }
  }

  private anyone(random: SeededRandom, assisted: boolean | null): number {
    for (let tries = 0; ; tries++) {
      const index = random.below(this.population);
      if (this.gone.has(index) && tries < 100) continue;
      if (assisted !== null && isAssisted(index, this.seed) !== assisted && tries < 400) continue;
      return index;
    }
  }

  /** A person of the population, in medical assistance or not, a chronic patient or anyone. */
  private draw(random: SeededRandom, assisted: boolean, chronic: boolean): number {
    for (let tries = 0; ; tries++) {
      const index = this.anyone(random, null);
      const fits =
        isAssisted(index, this.seed) === assisted && (!chronic || isChronicPatient(index));
      if (fits || tries >= 400) return index;
    }
  }

  private bill(random: SeededRandom, setting: SimulatedSetting): SimulatedBill {
    const shape = BILL_SHAPES[setting];
    const inScopeFen = Math.max(
      100,
      Math.round(random.logNormal(shape.meanInScopeFen, shape.sigma)),
    );
    const [low, high] = shape.inScopeShare;
    const share = low + (high - low) * random.next();
    return { setting, inScopeFen, totalFen: Math.round(inScopeFen / share) };
  }
}
