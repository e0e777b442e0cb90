type Env = Record<string, string | undefined>;

/** What both command-line tools read from their environment, checked once at start. */
export interface CliSettings {
  readonly databaseUrl: string;
  readonly kafkaBrokers: string[];
}

export function cliSettings(env: Env): CliSettings {
  return {
    databaseUrl: env.DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/service_circle',
    kafkaBrokers: (env.KAFKA_BROKERS?.trim() || '127.0.0.1:9092')
      .split(',')
      .map((b) => b.trim())
      .filter(Boolean),
  };
}

export function positiveInteger(env: Env, name: string): number | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  if (!/^[1-9]\d*$/.test(raw))
    throw new Error(`${name} must be a positive whole number, got "${raw}"`);
  return Number(raw);
}

/** `<name> [--topics a,b]`: the topics option points a projection at private test topics. */
export function projectionArgs(argv: readonly string[]): { name: string; topics?: string[] } {
  const [name, ...rest] = argv;
  if (!name || name.startsWith('-')) throw new Error('usage: <projection> [--topics a,b]');
  const at = rest.indexOf('--topics');
  if (at < 0) return { name };
  const list = rest[at + 1];
  if (!list) throw new Error('--topics needs a comma-separated list');
  return { name, topics: list.split(',').filter(Boolean) };
}
