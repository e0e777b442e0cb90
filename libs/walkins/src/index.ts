export * from './walkins.module';
export * from './projections';
export { loadWalkinsSettings } from './walkins.config';
