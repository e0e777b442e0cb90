import type { SecurityConfig } from './security-config';

/** Typed configuration of one process, read and checked once at start. */
export interface AppConfig {
  readonly appName: string;
  readonly port: number;
  readonly databaseUrl: string;
  readonly redisUrl: string;
  readonly kafkaBrokers: readonly string[];
  readonly jwtSecret: string;
  readonly jwtTtlSeconds: number;
  readonly logLevel: string;
  /** Where the regional policy files are read from; the repository's folder when absent. */
  readonly policyDir?: string;
  /** How long an Idempotency-Key keeps its answer; the event store's default (24) when absent. */
  readonly idempotencyKeyTtlHours?: number;
  /** Seals every person's key (PERSONAL_DATA_MASTER_KEY); the demo key outside production when absent. */
  readonly personalDataMasterKey?: Buffer;
  /** Set by loadConfig; an app composed in a test without it runs on DEFAULT_SECURITY. */
  readonly security?: SecurityConfig;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
