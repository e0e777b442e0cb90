export * from './calendar-date';
export * from './check-result';
export * from './credit-code';
export * from './identity.errors';
export * from './national-id';
export * from './working-days';
export * from './benefit-year';
export * from './enrollment.errors';
export * from './holiday-calendar';
export * from './notice';
export * from './resident-id';
export * from './employer/employer';
export * from './insured-person/insured-person.events';
export * from './insured-person/insured-person.state';
export * from './insured-person/insured-person.evolve';
export * from './insured-person/insured-person.decider';
export * from './insured-person/coverage-view';
export type { EnrollResident } from './insured-person/enroll-resident';
export type { PayContribution } from './insured-person/pay-contribution';
export type { ChangeInformation, InformationChanges } from './insured-person/change-information';
export type { EnrollEmployee, LeaveEmployer, EmployerOnRecord } from './insured-person/employment';
export type { FileOffsiteTreatment } from './insured-person/offsite-filing';
export type {
  ApplyForQualification,
  DecideQualification,
} from './insured-person/chronic-qualification';
export type { CloseTransfer, RequestTransfer } from './insured-person/coverage-transfer';
export { ERASED, isErased, type ErasePerson } from './insured-person/erase-person';
export * from './insured-person/entitlements';
export * from './insured-person/insured-standing';
export * from './insured-person/policy-warnings';
