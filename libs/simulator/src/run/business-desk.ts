import type { RecordKind } from '../../../walkins/src/domain/service-outcome';
import { simulatedResident, type SimulatedResident } from '../domain/simulated-resident';
import { stationNamed, type SimulatedStation } from '../domain/simulated-district';
import type { SimulatedBill, Visit } from '../domain/visit';
import type { CircleClient, Command } from './circle-client';
import type { Tally } from './tally';

const REGION = 'taibai-lake';

export interface ServiceRecord {
  readonly recordId: string;
  readonly recordKind: RecordKind;
}

const clerk = (s: SimulatedStation) => `clerk-${s.stationId}`;
const ok = (status: number) => status >= 200 && status < 300;

/**
 * What a clerk does at the counter for each business item, through the same endpoints the
 * console uses. Residents are enrolled (and their contribution paid) at their home station
 * the first time the simulation needs them, as if in the last collection season.
 */
export class BusinessDesk {
  private readonly enrolled = new Map<string, Promise<boolean>>();

  constructor(
    private readonly client: CircleClient,
    private readonly seed: number,
    private readonly tally: Tally,
  ) {}

  person(index: number, year: number): SimulatedResident {
    return simulatedResident(index, this.seed, `${year}-01-01`);
  }

  /** Enrolled and paid for the year, once per person and year, whoever asks first. */
  ensureEnrolled(index: number, year: number): Promise<boolean> {
    const key = `${index}:${year}`;
    let done = this.enrolled.get(key);
    if (!done) {
      const person = this.person(index, year);
      done = this.enroll(stationNamed(person.homeStation), person, year);
      this.enrolled.set(key, done);
    }
    return done;
  }

  private async enroll(at: SimulatedStation, p: SimulatedResident, year: number): Promise<boolean> {
    const base = { app: at.app, station: at.stationId, user: clerk(at), residentId: p.residentId };
    const enrolled = await this.client.send<{ payableFen?: number; status?: string }>({
      ...base,
      operation: 'enroll',
      path: '/residents',
      body: {
        residentId: p.residentId,
        name: p.name,
        phone: p.phone,
        category: p.category,
        region: REGION,
        address: `太白湖新区${p.homeStation}片区${(p.index % 97) + 1}号`,
        year,
      },
    });
    // An earlier run on the same database may have enrolled the person already.
    if (enrolled.status === 409) return true;
    if (!ok(enrolled.status)) return false;
    const payable = enrolled.body.payableFen ?? 0;
    if (payable <= 0 || enrolled.body.status === 'active') return true;
    const paid = await this.client.send({
      ...base,
      operation: 'pay',
      path: `/residents/${p.residentId}/contributions/${year}/payments`,
      body: { amountFen: payable, method: 'cash' },
    });
    return ok(paid.status) || paid.status === 409;
  }

  /** Does the visit's business; the record the ticket completes with, or undefined. */
  async serve(
    visit: Visit,
    business = visit.business,
    bill = visit.bill,
  ): Promise<ServiceRecord | undefined> {
    const station = stationNamed(visit.stationId);
    const year = Number(visit.day.slice(0, 4));
    if (business === 'ENROLL_RESIDENT') {
      const p = this.person(visit.residentIndex, visit.enrollYear ?? year);
      const done = await this.enroll(station, p, visit.enrollYear ?? year);
      if (done)
        this.enrolled.set(
          `${visit.residentIndex}:${visit.enrollYear ?? year}`,
          Promise.resolve(true),
        );
      return done ? { recordId: p.residentId, recordKind: 'resident' } : undefined;
    }
    if (!(await this.ensureEnrolled(visit.residentIndex, year))) return undefined;
    const p = this.person(visit.residentIndex, year);
    const base = {
      app: station.app,
      station: station.stationId,
      user: clerk(station),
      residentId: p.residentId,
    };
    const person = `/residents/${p.residentId}`;
    const send = <T = Record<string, unknown>>(c: Omit<Command, keyof typeof base>) =>
      this.client.send<T>({ ...base, ...c });
    switch (business) {
      case 'COVERAGE_ENQUIRY': {
        const read = await send({
          operation: 'read-coverage',
          method: 'GET',
          path: `${person}/coverage`,
        });
        return ok(read.status) ? { recordId: p.residentId, recordKind: 'resident' } : undefined;
      }
      case 'CHANGE_INFO': {
        const changed = await send({
          operation: 'change-info',
          method: 'PATCH',
          path: person,
          body: { address: `太白湖新区新居${(visit.minute | 0) + 1}号`, reason: '住址变更' },
        });
        return ok(changed.status) ? { recordId: p.residentId, recordKind: 'change' } : undefined;
      }
      case 'OFFSITE_FILING': {
        const filed = await send<{ filingId?: string }>({
          operation: 'file-offsite',
          path: `${person}/filings`,
          body: {
            filingType: station.kind === 'hospital' ? 'referral' : 'temporary',
            destinationRegion: '北京市',
            destinationScope: 'out-of-province',
            destinationHospital: '北京协和医院',
            validFrom: visit.day,
            validTo: `${year}-12-31`,
          },
        });
        return filed.body.filingId
          ? { recordId: filed.body.filingId, recordKind: 'filing' }
          : undefined;
      }
      case 'CHRONIC_QUALIFICATION': {
        const applied = await send<{ qualificationId?: string }>({
          operation: 'apply-qualification',
          path: `${person}/qualifications`,
          body: { disease: p.disease ?? 'hypertension', year },
        });
        const id = applied.body.qualificationId;
        if (!id) return undefined;
        // Reviewed at the hall the same day, within the one-day limit (seed 004).
        await this.client.send({
          app: 'hall',
          station: 'hall',
          user: 'clerk-hall',
          residentId: p.residentId,
          operation: 'approve-qualification',
          path: `${person}/qualifications/${id}/approve`,
          body: {},
        });
        return { recordId: id, recordKind: 'qualification' };
      }
      case 'TRANSFER': {
        const asked = await send<{ transferId?: string }>({
          operation: 'request-transfer',
          path: `${person}/transfers`,
          body: { direction: 'out', otherRegion: 'jinan-lixia' },
        });
        return asked.body.transferId
          ? { recordId: asked.body.transferId, recordKind: 'transfer' }
          : undefined;
      }
      case 'MANUAL_REIMBURSEMENT':
      case 'ASSISTANCE_REIMBURSEMENT':
        return this.claim(visit, p, business, bill);
      case 'DISCHARGE_SETTLEMENT':
      case 'OUTPATIENT_SETTLEMENT':
        return this.settle(visit, station, p, bill);
      default:
        return undefined;
    }
  }

  private treatment(visit: Visit, p: SimulatedResident, bill: SimulatedBill, tier: number) {
    return {
      region: REGION,
      date: visit.day,
      scheme: 'resident',
      insuredCategory: p.category,
      setting: bill.setting,
      tier,
      ...(bill.setting === 'chronic-outpatient' ? { disease: p.disease ?? 'hypertension' } : {}),
    };
  }

  private async settle(
    visit: Visit,
    station: SimulatedStation,
    p: SimulatedResident,
    bill: SimulatedBill | undefined,
  ): Promise<ServiceRecord | undefined> {
    if (!bill) return undefined;
    const settled = await this.client.send<Record<string, number | string>>({
      app: 'hospital',
      station: station.stationId,
      user: clerk(station),
      residentId: p.residentId,
      operation: 'settle',
      path: '/settlements',
      body: {
        ...this.treatment(visit, p, bill, station.tier ?? 2),
        totalFen: bill.totalFen,
        inScopeFen: bill.inScopeFen,
        residentId: p.residentId,
        admissionId: `ZY${visit.visitId}`,
      },
    });
    if (!ok(settled.status)) return undefined;
    this.tally.settled(bill.setting, settled.body);
    return { recordId: String(settled.body.settlementId), recordKind: 'settlement' };
  }

  private async claim(
    visit: Visit,
    p: SimulatedResident,
    business: 'MANUAL_REIMBURSEMENT' | 'ASSISTANCE_REIMBURSEMENT',
    bill: SimulatedBill | undefined,
  ): Promise<ServiceRecord | undefined> {
    const b = bill ?? { setting: 'inpatient' as const, totalFen: 300_000, inScopeFen: 260_000 };
    const base = {
      app: 'hall' as const,
      station: 'hall',
      user: 'clerk-hall',
      residentId: p.residentId,
    };
    const submitted = await this.client.send<{ claimId?: string }>({
      ...base,
      operation: 'submit-claim',
      path: '/claims',
      body: {
        ...this.treatment(visit, p, b, 2),
        kind: business === 'MANUAL_REIMBURSEMENT' ? 'manual' : 'assistance',
        residentId: p.residentId,
        admissionId: `ZY${visit.visitId}`,
        lines: [{ description: '住院医疗费用', totalFen: b.totalFen, inScopeFen: b.inScopeFen }],
        attachments: [{ reference: `SCAN-${visit.visitId}`, description: '住院发票' }],
      },
    });
    const claimId = submitted.body.claimId;
    if (!claimId) return undefined;
    const approved = await this.client.send<{ settlement?: Record<string, number | string> }>({
      ...base,
      operation: 'approve-claim',
      path: `/claims/${claimId}/approve`,
      body: {},
    });
    if (approved.body.settlement) this.tally.settled(b.setting, approved.body.settlement);
    return { recordId: claimId, recordKind: 'claim' };
  }
}
