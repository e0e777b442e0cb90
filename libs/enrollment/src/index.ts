export * from './domain';
export * from './enrollment.module';
export * from './projections';
export * from './domain/acting-station';
export { Clock } from './shared/clock';
export { Context, type CommandContext } from './shared/command-context';
export { POLICY_BOOK, policyBookProvider } from './shared/policy-book.provider';
export { IDEMPOTENCY_HEADER } from './shared/api-docs';
