import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * Checks docker-compose.yml against the port table in the contract. Uses `docker compose config`
 * when a compose client is installed (it needs no engine) so the file is validated by the real
 * parser; otherwise falls back to reading the YAML, which is what machines without Docker get.
 */
const root = join(__dirname, '..', '..');
const composeFile = join(root, 'docker-compose.yml');

const APP_PORTS: Record<string, number> = {
  hall: 3100,
  township: 3101,
  hospital: 3102,
  supervisor: 3103,
  notifier: 3104,
};
const INFRA = ['postgres', 'redis', 'kafka'];

interface Service {
  image?: string;
  build?:
    string | { context?: string; dockerfile?: string; args?: Record<string, string> | string[] };
  ports?: Array<string | number | { target: number | string; published?: number | string }>;
  environment?: Record<string, string | number | boolean | null> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: unknown; disable?: boolean };
  volumes?: Array<string | { source?: string; target?: string }>;
}

function composeClient(): boolean {
  const probe = spawnSync('docker', ['compose', 'version'], { encoding: 'utf8', timeout: 15_000 });
  return probe.status === 0;
}

// The compose file has no JWT_SECRET of its own and refuses to resolve without one.
const composeEnv = { ...process.env, JWT_SECRET: 'compose-config-check-0123456789' };

function loadServices(): { via: string; services: Record<string, Service> } {
  if (composeClient()) {
    const check = spawnSync('docker', ['compose', '-f', composeFile, 'config', '-q'], {
      cwd: root,
      env: composeEnv,
      encoding: 'utf8',
      timeout: 30_000,
    });
    if (check.status !== 0) throw new Error(`docker compose config -q failed:\n${check.stderr}`);
    const json = spawnSync('docker', ['compose', '-f', composeFile, 'config', '--format', 'json'], {
      cwd: root,
      env: composeEnv,
      encoding: 'utf8',
      timeout: 30_000,
    });
    if (json.status !== 0) throw new Error(`docker compose config failed:\n${json.stderr}`);
    return { via: 'docker compose config', services: JSON.parse(json.stdout).services };
  }
  const doc = parse(readFileSync(composeFile, 'utf8'));
  return { via: 'yaml', services: doc.services };
}

function portPairs(service: Service): Array<{ published: number; target: number }> {
  return (service.ports ?? []).map((p) => {
    if (typeof p === 'object') return { published: Number(p.published), target: Number(p.target) };
    const parts = String(p).split('/')[0].split(':');
    const target = Number(parts[parts.length - 1]);
    const published = parts.length > 1 ? Number(parts[parts.length - 2]) : NaN;
    return { published, target };
  });
}

function env(service: Service): Record<string, string> {
  const raw = service.environment ?? {};
  if (Array.isArray(raw)) {
    return Object.fromEntries(
      raw.map((kv) => {
        const i = kv.indexOf('=');
        return i < 0 ? [kv, ''] : [kv.slice(0, i), kv.slice(i + 1)];
      }),
    );
  }
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v == null ? '' : String(v)]));
}

function buildArgs(service: Service): Record<string, string> {
  const build = service.build;
  if (!build || typeof build === 'string' || !build.args) return {};
  if (Array.isArray(build.args)) {
    return Object.fromEntries(build.args.map((kv) => kv.split('=', 2) as [string, string]));
  }
  return build.args;
}

function dependsOn(service: Service): Record<string, string | undefined> {
  const deps = service.depends_on ?? {};
  if (Array.isArray(deps)) return Object.fromEntries(deps.map((d) => [d, undefined]));
  return Object.fromEntries(Object.entries(deps).map(([k, v]) => [k, v?.condition]));
}

describe('docker-compose.yml', () => {
  const { via, services } = loadServices();

  it(`defines the infrastructure and every app (read via ${via})`, () => {
    for (const name of [...INFRA, ...Object.keys(APP_PORTS)]) {
      expect(services).toHaveProperty([name]);
    }
  });

  it('runs Kafka 3.9 in KRaft mode with topic auto-creation off', () => {
    const kafka = services.kafka;
    expect(kafka.image).toMatch(/^apache\/kafka:3\.9\.\d+$/);
    const e = env(kafka);
    expect(e.KAFKA_PROCESS_ROLES).toBe('broker,controller');
    expect(e.KAFKA_AUTO_CREATE_TOPICS_ENABLE).toBe('false');
    expect(e.KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR).toBe('1');
    expect(e.KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR).toBe('1');
    expect(e.KAFKA_TRANSACTION_STATE_LOG_MIN_ISR).toBe('1');
    expect(services.postgres.image).toMatch(/^postgres:15(\.|$|-)/);
    expect(services.redis.image).toMatch(/^redis:7(\.|$|-)/);
  });

  it('gives every infrastructure service a healthcheck the apps wait on', () => {
    for (const name of INFRA) {
      expect(services[name].healthcheck?.test).toBeDefined();
      expect(services[name].healthcheck?.disable).not.toBe(true);
    }
  });

  it('creates both databases from docker/postgres/init.sql', () => {
    const mounts = (services.postgres.volumes ?? []).map((v) =>
      typeof v === 'string' ? v : `${v.source}:${v.target}`,
    );
    expect(
      mounts.some((m) => /docker\/postgres\/init\.sql:\/docker-entrypoint-initdb\.d\//.test(m)),
    ).toBe(true);
    const sql = readFileSync(join(root, 'docker', 'postgres', 'init.sql'), 'utf8');
    expect(sql).toMatch(/CREATE DATABASE service_circle\b/);
    expect(sql).toMatch(/CREATE DATABASE service_circle_test\b/);
  });

  describe.each(Object.entries(APP_PORTS))('app %s', (app, port) => {
    const service = () => services[app];

    it(`publishes port ${port} as in the contract`, () => {
      expect(portPairs(service())).toContainEqual({ published: port, target: port });
    });

    it('builds from docker/Dockerfile with its APP arg', () => {
      const build = service().build;
      expect(typeof build).toBe('object');
      expect((build as { dockerfile?: string }).dockerfile).toMatch(/(^|\/)docker\/Dockerfile$/);
      expect(buildArgs(service()).APP).toBe(app);
    });

    it('points DATABASE_URL, REDIS_URL, KAFKA_BROKERS and JWT_SECRET at the compose services', () => {
      const e = env(service());
      expect(e.DATABASE_URL).toMatch(/^postgres(ql)?:\/\/[^@]+@postgres:5432\/service_circle$/);
      expect(e.REDIS_URL).toMatch(/^redis:\/\/redis:6379/);
      expect(e.KAFKA_BROKERS).toMatch(/^kafka:\d+$/);
      expect(e.JWT_SECRET).toBeTruthy();
    });

    it('starts only after healthy infrastructure', () => {
      const deps = dependsOn(service());
      for (const name of INFRA) expect(deps[name]).toBe('service_healthy');
    });
  });

  it('has a Dockerfile whose runtime stage runs the APP given at build time', () => {
    const dockerfile = readFileSync(join(root, 'docker', 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^ARG APP\b/m);
    expect(dockerfile).toMatch(/npm ci/);
    expect(dockerfile).toMatch(/npm run build/);
    expect(dockerfile).toContain('node -r ./scripts/paths.js dist/apps/${APP}/src/main.js');
  });
});
