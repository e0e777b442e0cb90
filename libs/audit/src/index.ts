export * from './audit.module';
export * from './domain/masked-numbers';
