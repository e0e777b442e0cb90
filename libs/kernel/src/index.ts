export * from './domain-error';
export * from './personal-data';
