import { ExecutionContext, ForbiddenException, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { AccessGuard } from './access.guard';
import { KIOSK_ROUTE } from './kiosk-route.decorator';
import { IS_PUBLIC } from './public.decorator';
import { ROLES_KEY } from './roles.decorator';
import { TOKEN_IN_QUERY } from './token-in-query.decorator';
import type { TokenGenerations } from './token-generations';

const jwt = new JwtService({
  secret: 'unit-test-secret-123456',
  verifyOptions: { algorithms: ['HS256'] },
});

/** The current generation of each user; everyone else is at 0. */
const current = new Map<string, number>();
const generations = {
  current: (username: string) => Promise.resolve(current.get(username) ?? 0),
} as unknown as TokenGenerations;

function contextFor(
  request: {
    method: string;
    headers: Record<string, string>;
    params: Record<string, string>;
    query?: Record<string, string>;
  },
  meta: Record<string, unknown> = {},
): [ExecutionContext, Reflector] {
  const handler = () => undefined;
  const reflector = new Reflector();
  jest
    .spyOn(reflector, 'getAllAndOverride')
    .mockImplementation((key: unknown) => meta[key as string]);
  const context = {
    getHandler: () => handler,
    getClass: () => Object,
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  return [context, reflector];
}

async function checkToken(
  token: string | undefined,
  method: string,
  params: Record<string, string> = {},
  meta: Record<string, unknown> = {},
): Promise<boolean> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const [context, reflector] = contextFor({ method, headers, params }, meta);
  return new AccessGuard(reflector, jwt, generations).canActivate(context);
}

async function check(
  claims: Record<string, unknown> | undefined,
  method: string,
  params: Record<string, string> = {},
  meta: Record<string, unknown> = {},
): Promise<boolean> {
  return checkToken(claims && (await jwt.signAsync(claims)), method, params, meta);
}

describe('AccessGuard', () => {
  const clerk = { sub: 'clerk-town-1', role: 'clerk', stationId: 'town-1' };
  const kiosk = { sub: 'kiosk-town-1', role: 'kiosk', stationId: 'town-1' };
  const supervisor = { sub: 'supervisor', role: 'supervisor' };
  const admin = { sub: 'admin', role: 'admin' };
  const kioskRoute = { [KIOSK_ROUTE]: true, [ROLES_KEY]: ['clerk'] };

  it('opens public routes without a token', async () => {
    await expect(check(undefined, 'GET', {}, { [IS_PUBLIC]: true })).resolves.toBe(true);
  });

  it('denies by default without a token', async () => {
    await expect(check(undefined, 'GET')).rejects.toThrow(UnauthorizedException);
  });

  it('takes ?access_token= only on the routes marked for it, and never over the header', async () => {
    const token = await jwt.signAsync(clerk);
    const viaQuery = (meta: Record<string, unknown>, headers: Record<string, string> = {}) => {
      const request = { method: 'GET', headers, params: {}, query: { access_token: token } };
      const [context, reflector] = contextFor(request, meta);
      return new AccessGuard(reflector, jwt, generations).canActivate(context);
    };
    await expect(viaQuery({ [TOKEN_IN_QUERY]: true })).resolves.toBe(true);
    await expect(viaQuery({})).rejects.toThrow(UnauthorizedException);
    await expect(
      viaQuery({ [TOKEN_IN_QUERY]: true }, { authorization: 'Bearer not-a-token' }),
    ).rejects.toThrow(UnauthorizedException);
  });

  it('lets a clerk act at their own station only', async () => {
    await expect(check(clerk, 'POST', { stationId: 'town-1' })).resolves.toBe(true);
    await expect(check(clerk, 'POST', { stationId: 'town-2' })).rejects.toThrow(ForbiddenException);
  });

  it('lets a supervisor read anything and change nothing', async () => {
    await expect(check(supervisor, 'GET', { stationId: 'town-2' })).resolves.toBe(true);
    await expect(check(supervisor, 'POST', { stationId: 'town-2' })).rejects.toThrow(
      ForbiddenException,
    );
  });

  it('narrows routes by role, with admins passing everywhere', async () => {
    const meta = { [ROLES_KEY]: ['supervisor'] };
    await expect(check(clerk, 'GET', {}, meta)).rejects.toThrow(ForbiddenException);
    await expect(check(admin, 'POST', { stationId: 'town-2' }, meta)).resolves.toBe(true);
  });

  it("lets a kiosk use the kiosk routes of its own station, whatever the routes' roles", async () => {
    await expect(check(kiosk, 'POST', { stationId: 'town-1' }, kioskRoute)).resolves.toBe(true);
    await expect(
      check(kiosk, 'GET', { stationId: 'town-1' }, { [KIOSK_ROUTE]: true }),
    ).resolves.toBe(true);
  });

  it('refuses a kiosk every other route and every other station', async () => {
    await expect(check(kiosk, 'POST', { stationId: 'town-2' }, kioskRoute)).rejects.toThrow(
      ForbiddenException,
    );
    await expect(check(kiosk, 'GET', {}, { [KIOSK_ROUTE]: true })).rejects.toThrow(
      ForbiddenException,
    );
    await expect(check(kiosk, 'GET', { stationId: 'town-1' })).rejects.toThrow(ForbiddenException);
    await expect(check(kiosk, 'GET', {})).rejects.toThrow(ForbiddenException);
  });

  it('refuses a station role without its station', async () => {
    await expect(
      check({ sub: 'kiosk-x', role: 'kiosk' }, 'GET', {}, { [KIOSK_ROUTE]: true }),
    ).rejects.toThrow(UnauthorizedException);
    await expect(check({ sub: 'clerk-x', role: 'clerk' }, 'GET')).rejects.toThrow(
      UnauthorizedException,
    );
  });

  it('refuses a token of an older generation than the user holds now', async () => {
    const token = await jwt.signAsync({ ...clerk, gen: 0 });
    await expect(checkToken(token, 'GET')).resolves.toBe(true);
    current.set('clerk-town-1', 1);
    try {
      // The same token, now from the verified cache: revocation still applies.
      await expect(checkToken(token, 'GET')).rejects.toThrow('revoked');
      await expect(check({ ...clerk, gen: 1 }, 'GET')).resolves.toBe(true);
    } finally {
      current.delete('clerk-town-1');
    }
  });

  it('refuses a token signed with another key, or with none', async () => {
    const forged = await new JwtService({ secret: 'another-secret-654321' }).signAsync(admin);
    await expect(checkToken(forged, 'GET')).rejects.toThrow(UnauthorizedException);
    const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
    const unsigned = `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ ...admin, exp: 4e9 })}.`;
    await expect(checkToken(unsigned, 'GET')).rejects.toThrow(UnauthorizedException);
  });
});
