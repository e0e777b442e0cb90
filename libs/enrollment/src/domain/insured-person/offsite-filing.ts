import { DomainError } from '@circle/kernel';
import {
  isFilingAsked,
  policyVersionId,
  type DestinationScope,
  type Policy,
} from '../../../../policy/src/domain/policy';
import type { PolicyBook } from '../../../../policy/src/domain/policy-book';
import { shanghaiDateOf, type IsoDate } from '../calendar-date';
import { EnrollmentRuleBroken, InvalidEnrollmentInput, NotOnRecord } from '../enrollment.errors';
import { notice } from '../notice';
import {
  fact,
  type FilingType,
  type InsuredPersonEvent,
  type OffsiteTreatmentFiled,
} from './insured-person.events';
import type { InsuredPersonState } from './insured-person.state';
import { insuredStanding } from './insured-standing';

export interface FileOffsiteTreatment {
  readonly kind: 'FileOffsiteTreatment';
  readonly filingId: string;
  readonly filingType: FilingType;
  readonly destinationRegion: string;
  readonly destinationScope: DestinationScope;
  readonly destinationHospital: string | null;
  readonly validFrom: IsoDate;
  readonly validTo: IsoDate | null;
  readonly policies: PolicyBook;
  readonly stationId: string;
  readonly stationKind: string;
  readonly at: string;
}

const LABEL: Record<FilingType, string> = {
  relocated: '异地安置',
  'long-term-elsewhere': '异地长期居住',
  referral: '转诊转院',
  temporary: '临时外出就医',
};

const WHERE: Record<DestinationScope, string> = {
  'in-province': 'elsewhere in the province',
  'out-of-province': 'outside the province',
};

/**
 * Files treatment outside the district so settlement there is direct (seed 000). Hospital
 * stations file referrals only (DOMAIN's catalogue): the other kinds depend on where the
 * person lives, which a hospital cannot vouch for. The policy in force on the filing day, of the
 * person's region, says which filings are still asked for (seed 000 cancelled the in-province
 * temporary one).
 */
export function fileOffsiteTreatment(
  command: FileOffsiteTreatment,
  state: InsuredPersonState,
): InsuredPersonEvent[] {
  const { filingType, validFrom, validTo, destinationHospital } = command;
  if (command.stationKind === 'hospital' && filingType !== 'referral')
    throw new DomainError(
      'forbidden',
      'business_not_handled_here',
      `a hospital station files referrals only; file "${filingType}" at the hall (hall app) or a township station (township app)`,
    );
  const day = shanghaiDateOf(command.at);
  const insured = insuredStanding(state, null, day);
  if (!state.person || !insured) throw new NotOnRecord('an insured person with this ID');
  refuseFilingNotAsked(command.policies.inForce(insured.region, day).policy, command);
  checkFilingDetails(command);
  const until = validTo ?? '长期';
  return [
    fact<OffsiteTreatmentFiled>('enrollment.OffsiteTreatmentFiled', {
      residentId: state.person.residentId,
      stationId: command.stationId,
      at: command.at,
      filingId: command.filingId,
      filingType,
      destinationRegion: command.destinationRegion,
      destinationHospital,
      validFrom,
      validTo,
      notice: notice(
        state.person,
        `您的${LABEL[filingType]}备案已办结：就医地${command.destinationRegion}，有效期${validFrom}至${until}。`,
      ),
    }),
  ];
}

/** A filing the policy no longer asks for would only mislead: such bills settle without one. */
function refuseFilingNotAsked(policy: Policy, command: FileOffsiteTreatment): void {
  const { filingType, destinationScope } = command;
  if (isFilingAsked(policy, filingType, destinationScope)) return;
  const problem = `no filing is needed: policy ${policyVersionId(policy)} no longer asks for a "${filingType}" filing for treatment ${WHERE[destinationScope]}; such bills settle directly`;
  throw new EnrollmentRuleBroken('filing_not_needed', `filingType ${problem}`, [
    { field: 'filingType', problem },
  ]);
}

function checkFilingDetails(command: FileOffsiteTreatment): void {
  const { filingType, validFrom, validTo, destinationHospital } = command;
  if (validTo !== null && validTo < validFrom)
    throw new InvalidEnrollmentInput('validTo', 'must not be before validFrom');
  if (filingType === 'temporary' && validTo === null)
    throw new InvalidEnrollmentInput('validTo', 'is required for a temporary filing');
  if (filingType === 'referral' && destinationHospital === null)
    throw new InvalidEnrollmentInput('destinationHospital', 'is required for a referral');
}
