export { simulate } from './run/simulate';
export { SEED_RATES, type DistrictRates } from './domain/district-rates';
export type {
  CircleUrls,
  CommandRecord,
  SimulationOptions,
  SimulationProgress,
  SimulationSummary,
} from './simulation.types';
