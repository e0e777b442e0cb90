export * from './domain';
export * from './policy-files';
