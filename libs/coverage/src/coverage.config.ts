import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { ConfigError } from '@circle/platform';
import {
  DEFAULT_SPEEDS,
  ROAD_CLASSES,
  SpeedTable,
  TRAVEL_MODES,
  TravelMode,
  isTravelMode,
  speedTableProblem,
} from './domain/travel-modes';

type Env = Record<string, string | undefined>;

export const COVERAGE_SETTINGS = Symbol('COVERAGE_SETTINGS');

export interface CoverageSettings {
  /** The district whose geography this deployment keeps (one per event log). */
  readonly region: string;
  /** The mode `GET /api/coverage` answers in when none is asked for. */
  readonly defaultMode: TravelMode;
  readonly speeds: SpeedTable;
  /** The largest GeoJSON file the import route takes. */
  readonly importLimitBytes: number;
  /** Where the demo seed finds the demo district's GeoJSON files. */
  readonly demoGeographyDir: string;
  /** Road networks of at least this many nodes are searched on a thread per travel mode. */
  readonly parallelFromNodes: number;
}

const speedsSchema = {
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(
    TRAVEL_MODES.map((mode) => [
      mode,
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          roads: {
            type: 'object',
            additionalProperties: false,
            properties: Object.fromEntries(ROAD_CLASSES.map((c) => [c, { type: 'number' }])),
          },
          accessKmh: { type: 'number' },
          maxKmh: { type: 'number' },
        },
      },
    ]),
  ),
};

/** DEFAULT_SPEEDS with a file's figures laid over them; a bad file stops the app naming it. */
function speedsFrom(file: string | undefined): SpeedTable {
  if (!file) return DEFAULT_SPEEDS;
  let given: Partial<Record<TravelMode, Partial<SpeedTable[TravelMode]>>>;
  try {
    given = JSON.parse(readFileSync(resolve(file), 'utf8'));
  } catch (error) {
    throw new ConfigError('COVERAGE_SPEEDS_FILE', `cannot be read as JSON: ${String(error)}`);
  }
  const validate = new Ajv2020({ allErrors: true }).compile(speedsSchema);
  if (!validate(given))
    throw new ConfigError(
      'COVERAGE_SPEEDS_FILE',
      `${file}: ${validate.errors?.map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ')}`,
    );
  const table = Object.fromEntries(
    TRAVEL_MODES.map((mode) => {
      const d = DEFAULT_SPEEDS[mode];
      const g = given[mode] ?? {};
      return [mode, { ...d, ...g, roads: { ...d.roads, ...g.roads } }];
    }),
  ) as unknown as SpeedTable;
  const problem = speedTableProblem(table);
  if (problem) throw new ConfigError('COVERAGE_SPEEDS_FILE', `${file}: ${problem}`);
  return table;
}

function megabytes(env: Env): number {
  const raw = env.COVERAGE_IMPORT_LIMIT_MB?.trim();
  if (!raw) return 64 * 1024 * 1024;
  const mb = Number(raw);
  if (!/^\d+$/.test(raw) || mb < 1 || mb > 1024)
    throw new ConfigError(
      'COVERAGE_IMPORT_LIMIT_MB',
      `must be a whole number from 1 to 1024, got "${raw}"`,
    );
  return mb * 1024 * 1024;
}

function parallelFromNodes(env: Env): number {
  const raw = env.COVERAGE_PARALLEL_FROM_NODES?.trim();
  // A district of a few thousand nodes recomputes in milliseconds; a thread per mode pays
  // from a city's network up.
  if (!raw) return 200_000;
  if (!/^\d{1,9}$/.test(raw))
    throw new ConfigError(
      'COVERAGE_PARALLEL_FROM_NODES',
      `must be a whole number of road nodes, got "${raw}"`,
    );
  return Number(raw);
}

/** Coverage settings of this deployment, read once at start; a bad value stops the app. */
export function loadCoverageSettings(env: Env = process.env): CoverageSettings {
  const mode = env.COVERAGE_DEFAULT_MODE?.trim() || 'cycling';
  if (!isTravelMode(mode))
    throw new ConfigError(
      'COVERAGE_DEFAULT_MODE',
      `must be one of ${TRAVEL_MODES.join(', ')}, got "${mode}"`,
    );
  const region = env.COVERAGE_REGION?.trim() || 'taibai-lake';
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(region))
    throw new ConfigError(
      'COVERAGE_REGION',
      `must be lower-case letters, digits and dashes, got "${region}"`,
    );
  return {
    region,
    defaultMode: mode,
    speeds: speedsFrom(env.COVERAGE_SPEEDS_FILE?.trim()),
    importLimitBytes: megabytes(env),
    demoGeographyDir: resolve(
      env.COVERAGE_DEMO_GEOGRAPHY_DIR?.trim() || 'libs/coverage/geography/taibai-lake',
    ),
    parallelFromNodes: parallelFromNodes(env),
  };
}
