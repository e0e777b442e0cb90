import { startApp, type RunningApp } from '../../support/app-process';

/**
 * Ports of the notifier suites, in 4180-4189 but above the five a run with TEST_PORT_BASE=4180
 * takes, so such a run beside this one does not meet it.
 */
export const SMS_PORTS = {
  township: 4185,
  supervisor: 4186,
  notifier: 4187,
  gateway: 4188,
  inProcess: 4189,
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
