import { startApp, type RunningApp } from '../../support/app-process';

// TEST_PORT_BASE keeps two test runs on one machine apart (support/test-env.ts); the notifier
// suites take BASE + 85 to + 89, clear of the five apps at BASE and of other suites' ranges.
const BASE = Number(process.env.TEST_PORT_BASE ?? 4100);

/** Ports of the notifier suites: 4185-4189 with the default base. */
export const SMS_PORTS = {
  township: BASE + 85,
  supervisor: BASE + 86,
  notifier: BASE + 87,
  gateway: BASE + 88,
  inProcess: BASE + 89,
} as const;

/** The compiled notifier, as `main` runs it, reading only the given topic. */
export function startNotifier(
  topic: string,
  env: Record<string, string> = {},
): Promise<RunningApp> {
  return startApp('notifier', {
    PORT: String(SMS_PORTS.notifier),
    SMS_TOPICS: topic,
    SMS_RATE_PER_SECOND: '0',
    SMS_LOCK_MS: '2000',
    ...env,
  });
}
