export * from './calendar-date';
export * from './check-result';
export * from './credit-code';
export * from './identity.errors';
export * from './national-id';
export * from './working-days';
