import { DomainError } from '@circle/kernel';
import type { IsoDate } from '../calendar-date';
import { InvalidEnrollmentInput, NotOnRecord } from '../enrollment.errors';
import { notice } from '../notice';
import {
  fact,
  type FilingType,
  type InsuredPersonEvent,
  type OffsiteTreatmentFiled,
} from './insured-person.events';
import { currentEmployment, type InsuredPersonState } from './insured-person.state';

export interface FileOffsiteTreatment {
  readonly kind: 'FileOffsiteTreatment';
  readonly filingId: string;
  readonly filingType: FilingType;
  readonly destinationRegion: string;
  readonly destinationHospital: string | null;
  readonly validFrom: IsoDate;
  readonly validTo: IsoDate | null;
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

/**
 * Files treatment outside the district so settlement there is direct (seed 000). Hospital
 * stations file referrals only (DOMAIN's catalogue): the other kinds depend on where the
 * person lives, which a hospital cannot vouch for.
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
  if (!state.person || (state.residentYears.length === 0 && !currentEmployment(state)))
    throw new NotOnRecord('an insured person with this ID');
  if (validTo !== null && validTo < validFrom)
    throw new InvalidEnrollmentInput('validTo', 'must not be before validFrom');
  if (filingType === 'temporary' && validTo === null)
    throw new InvalidEnrollmentInput('validTo', 'is required for a temporary filing');
  if (filingType === 'referral' && destinationHospital === null)
    throw new InvalidEnrollmentInput('destinationHospital', 'is required for a referral');
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
