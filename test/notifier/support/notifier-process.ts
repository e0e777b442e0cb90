import { startApp, type RunningApp } from '../../support/app-process';

/** Ports of the notifier suites, apart from other suites' (4180-4189). */
export const SMS_PORTS = {
  township: 4181,
  supervisor: 4183,
  notifier: 4184,
  gateway: 4186,
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
