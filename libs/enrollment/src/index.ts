export * from './domain';
export * from './enrollment.module';
export * from './projections';
export * from './domain/acting-station';
export { Clock } from './shared/clock';
export { openEvents, openEventsWith, sealedPeopleOf } from './shared/personal-events';
export { POLICY_BOOK, policyBookProvider } from './shared/policy-book.provider';
export { PolicyWarningSchema, POLICY_WARNING_NOTE } from './shared/policy.schemas';
