import { quoteContribution } from '../../../../policy/src/domain/contribution';
import { formatYuan, type Fen } from '../../../../policy/src/domain/money';
import type { PolicyBook } from '../../../../policy/src/domain/policy-book';
import type { ResidentCategory } from '../../../../policy/src/domain/resident-category';
import { policyForYear } from '../benefit-year';
import { EnrollmentConflict, InvalidEnrollmentInput } from '../enrollment.errors';
import type { NationalId } from '../national-id';
import { notice } from '../notice';
import {
  fact,
  type ContactDetails,
  type ContributionAssessed,
  type CoverageActivated,
  type InsuredPersonEvent,
  type ResidentEnrolled,
} from './insured-person.events';
import { currentEmployment, residentYear, type InsuredPersonState } from './insured-person.state';

export interface EnrollResident {
  readonly kind: 'EnrollResident';
  readonly id: NationalId;
  readonly details: ContactDetails;
  readonly category: ResidentCategory;
  readonly region: string;
  readonly year: number;
  readonly policies: PolicyBook;
  readonly stationId: string;
  readonly at: string;
}

/**
 * Enrolls a resident for one benefit year and assesses the year's contribution in the same
 * step, so the clerk can tell the resident what to pay. A fully waived share (e.g. extreme
 * poverty) leaves nothing to pay, and the year is covered at once.
 */
export function enrollResident(
  command: EnrollResident,
  state: InsuredPersonState,
): InsuredPersonEvent[] {
  const { id, details, category, region, year, stationId, at } = command;
  const { policy } = policyForYear(command.policies, region, year);
  if (id.birthDate > `${year}-12-31`)
    throw new InvalidEnrollmentInput('year', `is before the resident was born (${id.birthDate})`);
  if (residentYear(state, year))
    throw new EnrollmentConflict(
      'already_enrolled',
      `this resident is already enrolled for ${year}`,
    );
  const employment = currentEmployment(state);
  if (employment)
    throw new EnrollmentConflict(
      'insured_as_employee',
      `this person is insured as an employee of ${employment.employerName}; one person holds one basic medical insurance`,
    );
  const quote = quoteContribution(policy, { year, category, birthDate: id.birthDate });
  const base = { residentId: id.id, stationId, at };
  const enrolled = fact<ResidentEnrolled>('enrollment.ResidentEnrolled', {
    ...base,
    ...details,
    birthDate: id.birthDate,
    sex: id.sex,
    category,
    region,
    year,
    policyVersion: quote.policyVersion,
    notice: notice(details, `您已登记参加${year}年度城乡居民基本医疗保险（${region}）。`),
  });
  const assessed = fact<ContributionAssessed>('enrollment.ContributionAssessed', {
    ...base,
    year,
    region,
    category,
    policyVersion: quote.policyVersion,
    individualFen: quote.individualFen,
    subsidyFen: quote.subsidyFen,
    payableFen: quote.payableFen,
    waivedFen: quote.waivedFen,
    notice: notice(
      details,
      `${year}年度个人缴费${formatYuan(quote.individualFen)}元，政府代缴${formatYuan(quote.waivedFen)}元，应缴${formatYuan(quote.payableFen)}元。`,
      {
        individualFen: quote.individualFen,
        waivedFen: quote.waivedFen,
        payableFen: quote.payableFen,
      },
    ),
  });
  const events: InsuredPersonEvent[] = [enrolled, assessed];
  if (quote.payableFen === 0)
    events.push(
      coverageActivated(details, id.id, year, region, quote.policyVersion, stationId, at),
    );
  return events;
}

export function coverageActivated(
  details: Pick<ContactDetails, 'name' | 'phone'>,
  residentId: string,
  year: number,
  region: string,
  policyVersion: string,
  stationId: string,
  at: string,
  paidFen: Fen | number = 0,
): CoverageActivated {
  return fact<CoverageActivated>('enrollment.CoverageActivated', {
    residentId,
    stationId,
    at,
    year,
    scheme: 'resident',
    region,
    policyVersion,
    activeFrom: `${year}-01-01`,
    activeTo: `${year}-12-31`,
    notice: notice(details, `您${year}年度城乡居民医保已生效（${year}-01-01至${year}-12-31）。`, {
      paidFen,
    }),
  });
}
