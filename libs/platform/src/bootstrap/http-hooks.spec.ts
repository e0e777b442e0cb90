import type { AddressInfo } from 'node:net';
import Fastify, { FastifyInstance } from 'fastify';
import { installCors } from './cors';
import { installResponseDeadline } from './response-deadline';
import { installSecurityHeaders } from './security-headers';

const ORIGIN = 'https://hall.example.cn';

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

interface TestServer {
  request(
    path: string,
    init?: { method?: string; headers?: Record<string, string> },
  ): Promise<Answer>;
}

const servers: FastifyInstance[] = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));

// A real socket rather than inject(): the headers go through Node's own response as in the apps.
async function appWith(install: (http: FastifyInstance) => void): Promise<TestServer> {
  const http = Fastify();
  servers.push(http);
  install(http);
  http.get('/api/quick', async () => ({ ok: true }));
  http.get('/page', async (_request, reply) =>
    reply.header('Content-Security-Policy', "default-src 'self'").send('<p>page</p>'),
  );
  http.get('/api/slow', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    return { late: true };
  });
  await http.listen({ port: 0, host: '127.0.0.1' });
  const { port } = http.server.address() as AddressInfo;
  return {
    async request(path, init = {}) {
      const response = await fetch(`http://127.0.0.1:${port}${path}`, init);
      const text = await response.text();
      return {
        status: response.status,
        headers: Object.fromEntries(response.headers),
        body: text.startsWith('{') ? JSON.parse(text) : text,
      };
    },
  };
}

describe('security headers', () => {
  it('go on every answer, a 404 included, with HSTS only when configured', async () => {
    const http = await appWith((h) => installSecurityHeaders(h, 0));
    for (const url of ['/api/quick', '/api/missing']) {
      const { headers } = await http.request(url);
      expect(headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-store',
      });
      expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(headers['strict-transport-security']).toBeUndefined();
    }
    const withHsts = await appWith((h) => installSecurityHeaders(h, 31_536_000));
    const { headers } = await withHsts.request('/api/quick');
    expect(headers['strict-transport-security']).toBe('max-age=31536000');
  });

  it("leave a route's own policy in place", async () => {
    const http = await appWith((h) => installSecurityHeaders(h, 0));
    const { headers } = await http.request('/page');
    expect(headers['content-security-policy']).toBe("default-src 'self'");
  });
});

describe('CORS', () => {
  const preflight = (http: TestServer, origin: string) =>
    http.request('/api/quick', {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST' },
    });

  it('refuses every preflight when no origin is configured', async () => {
    const http = await appWith((h) => installCors(h, []));
    const reply = await preflight(http, ORIGIN);
    expect(reply.status).toBe(403);
    expect(reply.body).toMatchObject({ error: 'forbidden', fields: [{ field: 'Origin' }] });
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
    const plain = await http.request('/api/quick', { headers: { origin: ORIGIN } });
    expect(plain.status).toBe(200);
    expect(plain.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers a configured origin, and only that one', async () => {
    const http = await appWith((h) => installCors(h, [ORIGIN]));
    const reply = await preflight(http, ORIGIN);
    expect(reply.status).toBe(204);
    expect(reply.headers).toMatchObject({
      'access-control-allow-origin': ORIGIN,
      vary: 'Origin',
    });
    expect(reply.headers['access-control-allow-headers']).toContain('Idempotency-Key');
    expect(reply.headers['access-control-allow-credentials']).toBeUndefined();
    const actual = await http.request('/api/quick', { headers: { origin: ORIGIN } });
    expect(actual.headers['access-control-allow-origin']).toBe(ORIGIN);
    expect((await preflight(http, 'https://evil.example')).status).toBe(403);
  });
});

describe('response deadline', () => {
  it('answers 503 with Retry-After when the handler takes too long, and stays up', async () => {
    const http = await appWith((h) => installResponseDeadline(h, 1));
    const slow = await http.request('/api/slow');
    expect(slow.status).toBe(503);
    expect(slow.headers['retry-after']).toBe('1');
    expect(slow.body).toMatchObject({ error: 'timeout', fields: [] });
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect((await http.request('/api/quick')).status).toBe(200);
  });
});
