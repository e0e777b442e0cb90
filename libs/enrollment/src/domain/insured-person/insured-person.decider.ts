import { applyForQualification, decideQualification } from './chronic-qualification';
import type { ApplyForQualification, DecideQualification } from './chronic-qualification';
import { changeInformation, type ChangeInformation } from './change-information';
import { closeTransfer, requestTransfer } from './coverage-transfer';
import type { CloseTransfer, RequestTransfer } from './coverage-transfer';
import {
  enrollEmployee,
  leaveEmployer,
  type EnrollEmployee,
  type LeaveEmployer,
} from './employment';
import { enrollResident, type EnrollResident } from './enroll-resident';
import { erasePerson, refuseDetailsOfErased, type ErasePerson } from './erase-person';
import type { InsuredPersonEvent } from './insured-person.events';
import { evolveInsuredPerson } from './insured-person.evolve';
import { initialInsuredPersonState, type InsuredPersonState } from './insured-person.state';
import { fileOffsiteTreatment, type FileOffsiteTreatment } from './offsite-filing';
import { payContribution, type PayContribution } from './pay-contribution';

export type InsuredPersonCommand =
  | EnrollResident
  | PayContribution
  | ChangeInformation
  | EnrollEmployee
  | LeaveEmployer
  | FileOffsiteTreatment
  | ApplyForQualification
  | DecideQualification
  | RequestTransfer
  | CloseTransfer
  | ErasePerson;

/**
 * One insured person's stream (`resident-<ID>`): enrollment per year, contributions, details,
 * employment, filings, qualifications and transfers. One stream per person because every rule
 * here asks about that one person (enrolled this year? insured as an employee? already
 * qualified?), and one stream gives those answers with one read and one version check.
 */
export function decideInsuredPerson(
  command: InsuredPersonCommand,
  state: InsuredPersonState,
): InsuredPersonEvent[] {
  refuseDetailsOfErased(command.kind, state);
  switch (command.kind) {
    case 'EnrollResident':
      return enrollResident(command, state);
    case 'PayContribution':
      return payContribution(command, state);
    case 'ChangeInformation':
      return changeInformation(command, state);
    case 'EnrollEmployee':
      return enrollEmployee(command, state);
    case 'LeaveEmployer':
      return leaveEmployer(command, state);
    case 'FileOffsiteTreatment':
      return fileOffsiteTreatment(command, state);
    case 'ApplyForQualification':
      return applyForQualification(command, state);
    case 'DecideQualification':
      return decideQualification(command, state);
    case 'RequestTransfer':
      return requestTransfer(command, state);
    case 'CloseTransfer':
      return closeTransfer(command, state);
    case 'ErasePerson':
      return erasePerson(command, state);
  }
}

export const insuredPersonDecider = {
  decide: decideInsuredPerson,
  evolve: evolveInsuredPerson,
  initialState: initialInsuredPersonState,
};

export type { InsuredPersonState };
