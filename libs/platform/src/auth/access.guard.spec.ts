import { ExecutionContext, ForbiddenException, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { AccessGuard } from './access.guard';
import { IS_PUBLIC } from './public.decorator';
import { ROLES_KEY } from './roles.decorator';

const jwt = new JwtService({ secret: 'unit-test-secret-123456' });

function contextFor(
  request: { method: string; headers: Record<string, string>; params: Record<string, string> },
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

async function check(
  token: Record<string, unknown> | undefined,
  method: string,
  params: Record<string, string> = {},
  meta: Record<string, unknown> = {},
): Promise<boolean> {
  const headers: Record<string, string> = token
    ? { authorization: `Bearer ${await jwt.signAsync(token)}` }
    : {};
  const [context, reflector] = contextFor({ method, headers, params }, meta);
  return new AccessGuard(reflector, jwt).canActivate(context);
}

describe('AccessGuard', () => {
  const clerk = { sub: 'clerk-town-1', role: 'clerk', stationId: 'town-1' };
  const supervisor = { sub: 'supervisor', role: 'supervisor' };
  const admin = { sub: 'admin', role: 'admin' };

  it('opens public routes without a token', async () => {
    await expect(check(undefined, 'GET', {}, { [IS_PUBLIC]: true })).resolves.toBe(true);
  });

  it('denies by default without a token', async () => {
    await expect(check(undefined, 'GET')).rejects.toThrow(UnauthorizedException);
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

  it('refuses a token signed with another key', async () => {
    const forged = await new JwtService({ secret: 'another-secret-654321' }).signAsync(admin);
    const [context, reflector] = contextFor({
      method: 'GET',
      headers: { authorization: `Bearer ${forged}` },
      params: {},
    });
    await expect(new AccessGuard(reflector, jwt).canActivate(context)).rejects.toThrow(
      UnauthorizedException,
    );
  });
});
