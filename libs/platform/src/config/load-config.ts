import { statSync } from 'node:fs';
import { AppConfig } from './app-config';
import { ConfigError } from './config-error';
import { Env, integer, text } from './env-values';
import { loadPersonalDataMasterKey } from './personal-data-key';
import { loadSecurityConfig } from './security-config';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function url(env: Env, name: string, fallback: string, schemes: string[]): string {
  const value = text(env, name, fallback);
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError(name, `is not a URL: "${value}"`);
  }
  if (!schemes.includes(parsed.protocol.replace(/:$/, '')))
    throw new ConfigError(name, `must use ${schemes.join(' or ')}, got "${parsed.protocol}"`);
  return value;
}

function brokers(env: Env): string[] {
  const list = text(env, 'KAFKA_BROKERS', '127.0.0.1:9092')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  for (const broker of list) {
    if (!/^[\w.-]+:\d{1,5}$/.test(broker))
      throw new ConfigError('KAFKA_BROKERS', `must be host:port[,host:port], got "${broker}"`);
  }
  return list;
}

function directory(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  if (!value) return undefined;
  const stats = statSync(value, { throwIfNoEntry: false });
  if (!stats) throw new ConfigError(name, `names no folder: "${value}"`);
  if (!stats.isDirectory())
    throw new ConfigError(name, `must be a folder, got the file "${value}"`);
  return value;
}

/**
 * Every process fails fast on a bad variable: a clerk's counter must never run half-configured.
 * The JWT secret has no default on purpose, so no deployment signs tokens with a known key.
 */
export function loadConfig(
  appName: string,
  defaultPort: number,
  env: Env = process.env,
): AppConfig {
  const jwtSecret = text(env, 'JWT_SECRET');
  if (jwtSecret.length < 16) throw new ConfigError('JWT_SECRET', 'must be at least 16 characters');
  const logLevel = text(env, 'LOG_LEVEL', 'info');
  if (!LOG_LEVELS.includes(logLevel))
    throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}`);
  return {
    appName,
    port: integer(env, 'PORT', defaultPort, 1, 65535),
    databaseUrl: url(env, 'DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/service_circle', [
      'postgres',
      'postgresql',
    ]),
    redisUrl: url(env, 'REDIS_URL', 'redis://127.0.0.1:6379', ['redis', 'rediss']),
    kafkaBrokers: brokers(env),
    jwtSecret,
    jwtTtlSeconds: integer(env, 'JWT_TTL_SECONDS', 12 * 3600, 60, 7 * 24 * 3600),
    logLevel,
    security: loadSecurityConfig(env),
    personalDataMasterKey: loadPersonalDataMasterKey(env),
    ...(env.POLICY_DIR?.trim() ? { policyDir: directory(env, 'POLICY_DIR') } : {}),
    // Up to 30 days: longer would keep every answer of a month of commands for repeats no
    // client makes that late.
    ...(env.IDEMPOTENCY_KEY_TTL_HOURS?.trim()
      ? { idempotencyKeyTtlHours: integer(env, 'IDEMPOTENCY_KEY_TTL_HOURS', 0, 1, 720) }
      : {}),
  };
}
