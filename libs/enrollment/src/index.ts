export * from './domain';
export * from './enrollment.module';
