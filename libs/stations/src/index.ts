export * from './domain/business-catalog';
export * from './domain/demo-district';
export * from './stations.module';
