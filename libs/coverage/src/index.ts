export * from './coverage.module';
export { loadCoverageSettings, type CoverageSettings } from './coverage.config';
export {
  coverageProjection,
  COVERAGE_PROJECTION,
  COVERAGE_TOPIC,
} from './projection/coverage.projection';
export { RoadTravel, type RoadTrips } from './road-travel/road-travel';
export { seedDemoGeography } from './demo/seed-demo-geography';
