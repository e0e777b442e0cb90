import { ConfigError } from '@circle/platform';
import { PRIORITY_CLASSES, PriorityClass, isPriorityClass } from './domain/priority-class';
import { DEFAULT_WALKINS_SETTINGS, WalkinsSettings } from './domain/walkins-settings';

type Env = Record<string, string | undefined>;

export const WALKINS_SETTINGS = Symbol('WALKINS_SETTINGS');
export const TRANSFER_SWEEP_MS = Symbol('TRANSFER_SWEEP_MS');

function whole(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max)
    throw new ConfigError(name, `must be a whole number from ${min} to ${max}, got "${raw}"`);
  return value;
}

function classes(env: Env): readonly PriorityClass[] {
  const raw = env.WALKINS_PRIORITY_CLASSES;
  if (raw === undefined) return DEFAULT_WALKINS_SETTINGS.priorityClasses;
  const list = raw
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  const unknown = list.filter((c) => !isPriorityClass(c));
  if (unknown.length)
    throw new ConfigError(
      'WALKINS_PRIORITY_CLASSES',
      `names ${unknown.join(', ')}; known classes are ${PRIORITY_CLASSES.join(', ')}`,
    );
  return list.filter(isPriorityClass);
}

/** The walk-in rules of this deployment, read once at start; a bad value stops the app. */
export function loadWalkinsSettings(env: Env = process.env): WalkinsSettings {
  const d = DEFAULT_WALKINS_SETTINGS;
  return {
    priorityClasses: classes(env),
    elderlyAge: whole(env, 'WALKINS_ELDERLY_AGE', d.elderlyAge, 50, 120),
    recallLimit: whole(env, 'WALKINS_RECALL_LIMIT', d.recallLimit, 0, 10),
    serviceWindow: whole(env, 'WALKINS_SERVICE_WINDOW', d.serviceWindow, 1, 50),
    defaultServiceMinutes: whole(
      env,
      'WALKINS_DEFAULT_SERVICE_MINUTES',
      d.defaultServiceMinutes,
      1,
      120,
    ),
    travelKmh: whole(env, 'WALKINS_TRAVEL_KMH', d.travelKmh, 1, 120),
  };
}

/**
 * How often a station app looks for transfers it must carry on (besides at start):
 * `WALKINS_TRANSFER_SWEEP_SECONDS`, default 30.
 */
export function loadTransferSweepMs(env: Env = process.env): number {
  return whole(env, 'WALKINS_TRANSFER_SWEEP_SECONDS', 30, 1, 3600) * 1000;
}
