export * from './domain';
export * from './claims.module';
export * from './projections';
