import type { DistrictRates } from './domain/district-rates';

/** The four station-facing apps a simulation drives; the notifier needs no traffic of its own. */
export interface CircleUrls {
  readonly hall: string;
  readonly township: string;
  readonly hospital: string;
  readonly supervisor: string;
}

export interface SimulationOptions {
  readonly urls: CircleUrls;
  /** The same seed, options and district play the same visits in the same order. */
  readonly seed: number;
  /** ISO date-time, Asia/Shanghai: the first simulated instant. */
  readonly from: string;
  /** ISO date-time, Asia/Shanghai: the simulated instant the run stops at. */
  readonly to: string;
  /** Simulated seconds per wall-clock second, or 'max': no waiting between visits at all. */
  readonly speedUp: number | 'max';
  /** Multiplier of the seed's rates; 0.1 plays a tenth of the district's traffic. Default 1. */
  readonly scale?: number;
  /** The district's rates; default SEED_RATES (seed 000's January–October 2022). */
  readonly rates?: DistrictRates;
  /**
   * Every station opens every day, weekends included, at a working day's rates. Default false:
   * township, village and hall stations keep office days, hospital stations open daily.
   */
  readonly everyStationEveryDay?: boolean;
  /** Requests in flight at once across the district, at most. Default 32. */
  readonly concurrency?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (p: SimulationProgress) => void;
  readonly onCommand?: (c: CommandRecord) => void;
}

/** One HTTP command the simulator sent and the answer it got. */
export interface CommandRecord {
  readonly app: string;
  readonly station: string;
  /** 'issue-ticket', 'call-next', 'start', 'complete', 'enroll', 'pay', 'settle', … */
  readonly operation: string;
  /** HTTP status, or 0 when no answer came (connection refused, aborted). */
  readonly status: number;
  /** performance.now() in ms, when the request left and when its answer was read. */
  readonly sentAt: number;
  readonly answeredAt: number;
  /** The events the command appended, when its answer names them. */
  readonly eventIds?: string[];
  readonly residentId?: string;
  readonly ticketId?: string;
  readonly settlementId?: string;
}

export interface SimulationProgress {
  /** The simulated instant reached, ISO with +08:00. */
  readonly simulatedAt: string;
  readonly commands: number;
  /** Over the last progress interval. */
  readonly commandsPerSecond: number;
  /** Answers that were not 2xx, and those of them that were 5xx or no answer at all. */
  readonly errors: number;
  readonly fiveHundreds: number;
  readonly wallSeconds: number;
}

export interface SimulationSummary {
  readonly commands: number;
  readonly byOperation: Record<string, number>;
  /** By HTTP status as a string ('201', '409', '0' for no answer). */
  readonly byStatus: Record<string, number>;
  readonly fiveHundreds: number;
  readonly wallSeconds: number;
  readonly simulatedFrom: string;
  readonly simulatedTo: string;
  /** Tickets issued and served (completed with any outcome) per station. */
  readonly ticketsIssued: Record<string, number>;
  readonly ticketsServed: Record<string, number>;
  /** Settlements made, by setting, as the apps answered them. */
  readonly settlements: Record<string, number>;
  /** Fund paid (basic + critical illness + large expense) and assistance, in fen, by setting. */
  readonly fundFen: Record<string, number>;
  readonly assistanceFen: Record<string, number>;
  /** Non-2xx answers by operation and status, e.g. 'settle 422': the first message of each. */
  readonly refusals: Record<string, { count: number; message: string }>;
  /** True when the signal stopped the run before `to`. */
  readonly aborted: boolean;
}
