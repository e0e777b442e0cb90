import { DomainError } from '@circle/kernel';
import {
  currentEmployment,
  residentYear,
  type InsuredPersonState,
  type PersonRecord,
} from '../../../enrollment/src/domain';
import type { Bill, OffsiteStatus, PersonStanding } from './bill';

/** Who is being settled, as their own stream records them. */
export interface InsuredOnRecord {
  readonly person: PersonRecord;
  readonly standing: PersonStanding;
  /** The region whose policy applies: the person's, wherever they are treated. */
  readonly region: string;
}

function refused(field: string, problem: string): DomainError {
  return new DomainError('rule', 'not_insured_as_billed', `${field} ${problem}`, [
    { field, problem },
  ]);
}

/**
 * Checks the bill against the person's own record (insured that day, in that scheme, region
 * and category) and reads what changes the layers: approved chronic qualifications and
 * off-site filings. A bill that disagrees with the record is refused naming the field, since
 * a settlement on the wrong scheme or category would pay the wrong funds.
 */
export function insuredOnRecord(
  state: InsuredPersonState,
  bill: Bill & { readonly region: string },
  treatmentRegion: string,
): InsuredOnRecord {
  const person = state.person;
  if (!person) throw new DomainError('not-found', 'not_found', 'the resident is not on record');
  const year = Number(bill.date.slice(0, 4));
  const region =
    bill.scheme === 'resident' ? residentRegion(state, year, bill) : employeeRegion(state, bill);
  if (region !== bill.region)
    throw refused('region', `is not the person's policy region (${region})`);
  const standing: PersonStanding = {
    qualifiedDiseases: state.qualifications
      .filter((q) => q.status === 'approved' && q.year <= year)
      .map((q) => q.disease),
    offsite: offsiteStatus(state, bill.date, region, treatmentRegion),
  };
  return { person, standing, region };
}

function residentRegion(state: InsuredPersonState, year: number, bill: Bill): string {
  const covered = residentYear(state, year);
  if (!covered && currentEmployment(state))
    throw refused('scheme', 'the person is insured as an employee');
  if (!covered?.active) throw refused('residentId', `has no paid resident coverage for ${year}`);
  if (covered.category !== bill.insuredCategory)
    throw refused('insuredCategory', `is ${covered.category} on record for ${year}`);
  return covered.region;
}

function employeeRegion(state: InsuredPersonState, bill: Bill): string {
  const job = state.employments.find(
    (e) => e.joinedOn <= bill.date && (e.leftOn === null || e.leftOn >= bill.date),
  );
  if (!job) {
    const now = currentEmployment(state);
    throw refused(
      'scheme',
      now ? `employee cover starts ${now.joinedOn}` : 'the person is not insured as an employee',
    );
  }
  return job.region;
}

function offsiteStatus(
  state: InsuredPersonState,
  date: string,
  home: string,
  treatmentRegion: string,
): OffsiteStatus {
  if (home === treatmentRegion) return 'home';
  const filed = state.filings.some(
    (f) =>
      f.destinationRegion === treatmentRegion &&
      f.validFrom <= date &&
      (f.validTo === null || f.validTo >= date),
  );
  return filed ? 'filed' : 'unfiled';
}

/** A quote for nobody in particular: a first admission, at home, the disease qualified. */
export function anonymousStanding(bill: Bill): PersonStanding {
  return { qualifiedDiseases: bill.disease ? [bill.disease] : [], offsite: 'home' };
}
