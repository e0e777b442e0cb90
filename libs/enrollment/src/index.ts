export * from './domain';
export * from './enrollment.module';
export * from './projections';
