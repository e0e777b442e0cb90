export { simulate } from './run/simulate';
export type {
  CircleUrls,
  CommandRecord,
  SimulationOptions,
  SimulationProgress,
  SimulationSummary,
} from './simulation.types';
