import { ConfigError } from '@circle/platform';
import type { BreakerSettings } from '../domain/circuit-breaker';
import { parseQuietHours, type QuietHours } from '../domain/quiet-hours';
import type { RetryBackoff } from '../domain/retry-backoff';
import type { TurnNearRule } from '../domain/turn-near';
import { Env, list, oneOf, optional, whole } from './env-readers';
import { HttpGatewaySettings, loadHttpGatewaySettings } from './http-gateway-settings';

export const PROVIDER_NAMES = ['sandbox', 'http'] as const;
export type ProviderName = (typeof PROVIDER_NAMES)[number];

export const BUSINESS_TOPICS = [
  'circle.enrollment',
  'circle.settlement',
  'circle.claims',
  'circle.walkins',
];

export interface NotificationSettings {
  readonly provider: ProviderName;
  readonly topics: readonly string[];
  /** BullMQ key prefix; null takes one from the event log, so databases sharing Redis stay apart. */
  readonly queuePrefix: string | null;
  /** Messages handed to the provider per second (BullMQ's limiter); 0 leaves it unlimited. */
  readonly ratePerSecond: number;
  readonly concurrency: number;
  readonly attempts: number;
  readonly backoff: RetryBackoff;
  readonly breaker: BreakerSettings;
  readonly quietHours: QuietHours | null;
  readonly turnNear: TurnNearRule;
  /** An event older than this when it reaches the notifier is not texted: the news is stale. */
  readonly maxEventAgeHours: number;
  /** HMAC key of the gateway's callbacks; without it every callback is refused. */
  readonly callbackSecret: string | null;
  /** How soon a message a stopped worker held is taken up again. */
  readonly lockMs: number;
  /** How long the sandbox takes to answer after recording, as a real gateway's round trip. */
  readonly sandboxLatencyMs: number;
  readonly http: HttpGatewaySettings | null;
}

export const NOTIFICATION_SETTINGS = Symbol('NOTIFICATION_SETTINGS');

function quietHours(env: Env): QuietHours | null {
  const window = parseQuietHours(env.SMS_QUIET_HOURS ?? '');
  if (window === undefined)
    throw new ConfigError(
      'SMS_QUIET_HOURS',
      `must read HH:MM-HH:MM or off, got "${env.SMS_QUIET_HOURS}"`,
    );
  return window;
}

function turnNear(env: Env): TurnNearRule {
  const byStation: Record<string, number> = {};
  for (const entry of list(env, 'SMS_TURN_NEAR_BY_STATION', [])) {
    const match = /^([\w-]+)=(\d{1,2})$/.exec(entry);
    if (!match?.[1] || !match[2] || Number(match[2]) < 1)
      throw new ConfigError(
        'SMS_TURN_NEAR_BY_STATION',
        `must read station=position[,…], got "${entry}"`,
      );
    byStation[match[1]] = Number(match[2]);
  }
  return { position: whole(env, 'SMS_TURN_NEAR_POSITION', 3, 1, 50), byStation };
}

function callbackSecret(env: Env): string | null {
  const secret = optional(env, 'SMS_CALLBACK_SECRET');
  if (secret !== null && secret.length < 16)
    throw new ConfigError('SMS_CALLBACK_SECRET', 'must be at least 16 characters');
  return secret;
}

/** The SMS settings of this deployment, read once at start; a bad value stops the app. */
export function loadNotificationSettings(env: Env = process.env): NotificationSettings {
  const provider = oneOf(env, 'SMS_PROVIDER', PROVIDER_NAMES, 'sandbox');
  return {
    provider,
    topics: list(env, 'SMS_TOPICS', BUSINESS_TOPICS),
    queuePrefix: optional(env, 'SMS_QUEUE_PREFIX'),
    ratePerSecond: whole(env, 'SMS_RATE_PER_SECOND', 100, 0, 100_000),
    concurrency: whole(env, 'SMS_CONCURRENCY', 32, 1, 512),
    attempts: whole(env, 'SMS_ATTEMPTS', 6, 1, 30),
    backoff: {
      baseMs: whole(env, 'SMS_RETRY_BASE_MS', 2_000, 10, 3_600_000),
      maxMs: whole(env, 'SMS_RETRY_MAX_MS', 300_000, 10, 86_400_000),
      jitter: 0.5,
    },
    breaker: {
      failures: whole(env, 'SMS_BREAKER_FAILURES', 5, 1, 1_000),
      openMs: whole(env, 'SMS_BREAKER_OPEN_MS', 30_000, 100, 3_600_000),
    },
    quietHours: quietHours(env),
    turnNear: turnNear(env),
    maxEventAgeHours: whole(env, 'SMS_MAX_EVENT_AGE_HOURS', 72, 1, 24 * 365),
    callbackSecret: callbackSecret(env),
    lockMs: whole(env, 'SMS_LOCK_MS', 15_000, 1_000, 600_000),
    sandboxLatencyMs: whole(env, 'SMS_SANDBOX_LATENCY_MS', 0, 0, 60_000),
    http: provider === 'http' ? loadHttpGatewaySettings(env) : null,
  };
}
