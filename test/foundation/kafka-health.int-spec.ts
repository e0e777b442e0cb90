import { startApp, RunningApp } from '../support/app-process';
import { call } from '../support/http';
import { infra } from '../support/infra';

async function healthOf(app: RunningApp) {
  return call<{ error: string; message: string; down?: Record<string, unknown> }>(
    `${app.url}/health`,
  );
}

describe('health follows Kafka', () => {
  let app: RunningApp;

  beforeAll(async () => {
    app = await startApp('township');
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
    infra('up');
  }, 180_000);

  it('is 503 naming Kafka while the broker is down, and 200 again after it returns', async () => {
    expect((await healthOf(app)).status).toBe(200);
    infra('down');
    const down = await healthOf(app);
    expect(down.status).toBe(503);
    expect(down.body.message).toContain('kafka');
    expect(Object.keys(down.body.down ?? {})).toEqual(['kafka']);
    infra('up');
    expect((await healthOf(app)).status).toBe(200);
  }, 180_000);
});
