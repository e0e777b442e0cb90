import { ConfigError } from './config-error';
import type { Env } from './env-values';

/**
 * The demo's and the tests' master key, public by being here: it seals nothing of worth, and
 * production refuses it.
 */
export const DEV_PERSONAL_DATA_MASTER_KEY =
  '64656d6f64656d6f64656d6f64656d6f64656d6f64656d6f64656d6f64656d6f';

/**
 * PERSONAL_DATA_MASTER_KEY: 64 hex characters (32 bytes), sealing every person's key. Outside
 * production the demo key stands in when it is unset; in production it must be set, and not to
 * the demo key.
 */
export function loadPersonalDataMasterKey(env: Env): Buffer {
  const name = 'PERSONAL_DATA_MASTER_KEY';
  const production = env.NODE_ENV?.trim() === 'production';
  const raw = env[name]?.trim() || (production ? undefined : DEV_PERSONAL_DATA_MASTER_KEY);
  if (raw === undefined) throw new ConfigError(name, 'is missing (required in production)');
  if (!/^[0-9a-fA-F]{64}$/.test(raw))
    throw new ConfigError(name, 'must be 64 hexadecimal characters (32 bytes)');
  if (production && raw.toLowerCase() === DEV_PERSONAL_DATA_MASTER_KEY)
    throw new ConfigError(name, 'is the demo key, refused in production');
  return Buffer.from(raw, 'hex');
}
