/** Tests run against their own database and ports, so a running demo circle is left alone. */
export const TEST_DATABASE_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/service_circle_test';

export const TEST_JWT_SECRET = 'integration-test-secret-0123456789';

// TEST_PORT_BASE lets two test runs on one machine (each with its own database) stay apart.
const BASE = Number(process.env.TEST_PORT_BASE ?? 4100);

export const TEST_PORTS = {
  hall: BASE,
  township: BASE + 1,
  hospital: BASE + 2,
  supervisor: BASE + 3,
  notifier: BASE + 4,
} as const;

export type AppName = keyof typeof TEST_PORTS;

export function testEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    DATABASE_URL: TEST_DATABASE_URL,
    REDIS_URL: 'redis://127.0.0.1:6379',
    KAFKA_BROKERS: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
    JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: 'warn',
    ...extra,
  };
}
