import { spawnApp, startApp, RunningApp } from '../support/app-process';
import { call } from '../support/http';
import { AppName, TEST_PORTS } from '../support/test-env';

const NAMES = Object.keys(TEST_PORTS) as AppName[];

describe('every app', () => {
  const apps = new Map<AppName, RunningApp>();

  beforeAll(async () => {
    for (const app of await Promise.all(NAMES.map((name) => startApp(name))))
      apps.set(app.name, app);
  }, 90_000);

  afterAll(async () => {
    await Promise.all([...apps.values()].map((app) => app.stop()));
  });

  it.each(NAMES)('%s boots and reports PostgreSQL, Kafka and Redis up', async (name) => {
    const reply = await call<{ status: string; details: Record<string, { status: string }> }>(
      `${apps.get(name)!.url}/health`,
    );
    expect(reply.status).toBe(200);
    expect(reply.body.status).toBe('ok');
    // The notifier also reports its SMS provider's circuit; every app reports these three.
    expect(Object.keys(reply.body.details)).toEqual(
      expect.arrayContaining(['kafka', 'postgresql', 'redis']),
    );
    for (const part of Object.values(reply.body.details)) expect(part.status).toBe('up');
  });

  it.each(NAMES)('%s serves Prometheus metrics and OpenAPI docs without a token', async (name) => {
    const base = apps.get(name)!.url;
    const metrics = await call<string>(`${base}/metrics`);
    expect(metrics.status).toBe(200);
    expect(metrics.body).toContain(`app="${name}"`);
    expect(metrics.body).toContain('http_request_duration_seconds');
    expect((await call(`${base}/docs`)).status).toBe(200);
    const spec = await call<{ openapi: string; info: { title: string } }>(`${base}/docs-json`);
    expect(spec.body.openapi).toMatch(/^3\./);
    expect(spec.body.info.title).toContain('Service Circle');
  });

  it('carries the caller’s X-Request-Id, or makes one', async () => {
    const base = apps.get('hall')!.url;
    const given = await call(`${base}/health`, { headers: { 'X-Request-Id': 'walk-in-42' } });
    expect(given.headers.get('x-request-id')).toBe('walk-in-42');
    const made = await call(`${base}/health`);
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('stops cleanly on SIGTERM', async () => {
    const app = await startApp('notifier', { PORT: '4199' });
    const started = Date.now();
    // Nest closes the server and every link, then re-raises the signal to end the process.
    const exit = await app.stop('SIGTERM');
    expect(exit.code === 0 || exit.signal === 'SIGTERM').toBe(true);
    expect(app.output()).not.toMatch(/"level":(50|60)/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('configuration', () => {
  it.each([
    [{ JWT_SECRET: '' }, 'JWT_SECRET'],
    [{ PORT: 'eighty' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://root@127.0.0.1/x' }, 'DATABASE_URL'],
  ])('a bad variable stops the app and names it (%j)', async (env, variable) => {
    const app = spawnApp('hall', env);
    const exit = await app.exited;
    expect(exit.code).toBe(78);
    expect(app.output()).toContain(variable);
  });
});
