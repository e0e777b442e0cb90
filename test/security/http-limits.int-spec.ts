import { connect } from 'node:net';
import { startApp, type RunningApp } from '../support/app-process';
import { call, login } from '../support/http';
import { firstStreamMessage, securityPort } from './security-fixtures';

const ALLOWED_ORIGIN = 'https://kiosk.example.cn';

/** Sends the head and part of a body, then nothing: answers what the server said, and when. */
function trickle(port: string): Promise<{ answer: string; afterMs: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('utf8')));
    const giveUp = setTimeout(() => socket.destroy(new Error('the server never gave up')), 15_000);
    socket.on('close', () => {
      clearTimeout(giveUp);
      resolve({ answer, afterMs: Date.now() - started });
    });
    socket.on('error', reject);
    socket.write(
      'POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
        'Content-Length: 100\r\n\r\n{"username": ',
    );
  });
}

describe('headers, CORS and request limits', () => {
  let hall: RunningApp;
  let configured: RunningApp;
  let clerk: string;

  beforeAll(async () => {
    [hall, configured] = await Promise.all([
      startApp('hall', { PORT: securityPort(5) }),
      startApp('hall', {
        PORT: securityPort(6),
        CORS_ORIGINS: ALLOWED_ORIGIN,
        HTTP_REQUEST_TIMEOUT_SECONDS: '2',
        HSTS_MAX_AGE_SECONDS: '31536000',
      }),
    ]);
    clerk = await login(hall.url, 'clerk-hall');
  }, 90_000);

  afterAll(async () => {
    await Promise.all([hall, configured].map((app) => app?.stop()));
  });

  it('sends the security headers on every answer: data, refusals, 404s, pages, streams', async () => {
    const answers = [
      await call(`${hall.url}/api/stations/hall`, { token: clerk }),
      await call(`${hall.url}/api/stations/hall`),
      await call(`${hall.url}/api/nowhere`, { token: clerk }),
      await call(`${hall.url}/health`),
      await call(`${hall.url}/kiosk/hall`),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 401, 404, expect.any(Number), 200]);
    const stream = await firstStreamMessage(`${hall.url}/api/stations/hall/events`, clerk);
    expect(stream.status).toBe(200);
    for (const { headers } of [...answers, stream]) {
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('x-frame-options')).toBe('DENY');
      expect(headers.get('referrer-policy')).toBe('no-referrer');
      expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(headers.get('strict-transport-security')).toBeNull();
    }
    expect(answers[0]!.headers.get('cache-control')).toBe('no-store');
    expect(answers[4]!.headers.get('content-security-policy')).toContain("script-src 'self'");
    const withHsts = await call(`${configured.url}/health`);
    expect(withHsts.headers.get('strict-transport-security')).toBe('max-age=31536000');
  });

  const preflight = (base: string, origin: string) =>
    call(`${base}/api/auth/login`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });

  it('refuses CORS preflights unless the origin is configured', async () => {
    const refused = await preflight(hall.url, ALLOWED_ORIGIN);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: 'forbidden', fields: [{ field: 'Origin' }] });
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();

    const allowed = await preflight(configured.url, ALLOWED_ORIGIN);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
    expect((await preflight(configured.url, 'https://elsewhere.example')).status).toBe(403);
    const loggedIn = await call(`${configured.url}/api/auth/login`, {
      body: { username: 'clerk-hall', password: 'circle-demo' },
      headers: { origin: ALLOWED_ORIGIN },
    });
    expect(loggedIn.status).toBe(200);
    expect(loggedIn.headers.get('access-control-allow-origin')).toBe(ALLOWED_ORIGIN);
  });

  it('refuses a body over 100 KiB with 413 naming the body', async () => {
    const reply = await call(`${hall.url}/api/auth/login`, {
      raw: JSON.stringify({ username: 'clerk-hall', password: 'x'.repeat(200 * 1024) }),
    });
    expect(reply.status).toBe(413);
    expect(reply.body).toMatchObject({ error: 'payload_too_large', fields: [{ field: 'body' }] });
  });

  it('gives up on a request that does not arrive in time, answering 408', async () => {
    const { answer, afterMs } = await trickle(securityPort(6));
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(afterMs).toBeGreaterThanOrEqual(1_900);
    expect(afterMs).toBeLessThan(5_000);
  }, 20_000);
});
