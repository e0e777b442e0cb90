export * from './money';
export * from './iso-date';
export * from './resident-category';
export * from './policy';
export * from './policy.errors';
export * from './policy-schema';
export * from './policy-book';
export * from './contribution';
