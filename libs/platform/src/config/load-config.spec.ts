import { ConfigError } from './config-error';
import { loadConfig } from './load-config';

const base = { JWT_SECRET: 'a-long-enough-secret' };

describe('loadConfig', () => {
  it('falls back to the local infrastructure', () => {
    const config = loadConfig('hall', 3100, base);
    expect(config.port).toBe(3100);
    expect(config.kafkaBrokers).toEqual(['127.0.0.1:9092']);
    expect(config.databaseUrl).toContain('service_circle');
    expect(config.policyDir).toBeUndefined();
  });

  it('keeps Idempotency-Keys for the hours asked, or leaves the default to the event store', () => {
    expect(loadConfig('hall', 3100, base).idempotencyKeyTtlHours).toBeUndefined();
    const config = loadConfig('hall', 3100, { ...base, IDEMPOTENCY_KEY_TTL_HOURS: '48' });
    expect(config.idempotencyKeyTtlHours).toBe(48);
  });

  it('takes a policy folder that exists', () => {
    expect(loadConfig('hall', 3100, { ...base, POLICY_DIR: __dirname }).policyDir).toBe(__dirname);
  });

  it.each([
    [{}, 'JWT_SECRET'],
    [{ ...base, PORT: 'abc' }, 'PORT'],
    [{ ...base, PORT: '70000' }, 'PORT'],
    [{ ...base, DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ ...base, REDIS_URL: 'not a url' }, 'REDIS_URL'],
    [{ ...base, KAFKA_BROKERS: 'localhost' }, 'KAFKA_BROKERS'],
    [{ ...base, LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ ...base, POLICY_DIR: '/no/such/folder' }, 'POLICY_DIR'],
    [{ ...base, POLICY_DIR: __filename }, 'POLICY_DIR'],
    [{ ...base, IDEMPOTENCY_KEY_TTL_HOURS: '0' }, 'IDEMPOTENCY_KEY_TTL_HOURS'],
    [{ ...base, IDEMPOTENCY_KEY_TTL_HOURS: '1.5' }, 'IDEMPOTENCY_KEY_TTL_HOURS'],
    [{ ...base, IDEMPOTENCY_KEY_TTL_HOURS: '721' }, 'IDEMPOTENCY_KEY_TTL_HOURS'],
  ])('stops on a bad variable and names it (%j)', (env, variable) => {
    expect(() => loadConfig('hall', 3100, env)).toThrow(ConfigError);
    expect(() => loadConfig('hall', 3100, env)).toThrow(variable);
  });
});
