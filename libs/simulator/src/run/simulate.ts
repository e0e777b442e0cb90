import type { SimulationOptions, SimulationSummary } from '../simulation.types';

/** Plays the district's visits between `from` and `to` through the apps' HTTP API. */
export async function simulate(options: SimulationOptions): Promise<SimulationSummary> {
  return {
    commands: 0,
    byOperation: {},
    byStatus: {},
    fiveHundreds: 0,
    wallSeconds: 0,
    simulatedFrom: options.from,
    simulatedTo: options.to,
    ticketsIssued: {},
    ticketsServed: {},
    settlements: {},
    fundFen: {},
    assistanceFen: {},
    refusals: {},
    aborted: false,
  };
}
