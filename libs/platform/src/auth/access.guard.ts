import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { FastifyRequest as Request } from 'fastify';
import { KIOSK_ROUTE } from './kiosk-route.decorator';
import { IS_PUBLIC } from './public.decorator';
import { Principal, ROLES, Role, STATION_ROLES } from './principal';
import { ROLES_KEY } from './roles.decorator';
import { TokenGenerations } from './token-generations';
import { TOKEN_IN_QUERY } from './token-in-query.decorator';
import { VerifiedToken, VerifiedTokens } from './verified-tokens';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

type Targets = Parameters<Reflector['getAllAndOverride']>[1];

interface TokenClaims {
  sub?: unknown;
  role?: unknown;
  stationId?: unknown;
  gen?: unknown;
  exp?: unknown;
}

function bearerOf(request: Request, inQuery: boolean): string | undefined {
  const { authorization } = request.headers;
  if (authorization === undefined && inQuery) {
    const token = (request.query as Record<string, unknown> | undefined)?.access_token;
    return typeof token === 'string' && token ? token : undefined;
  }
  const [scheme, token] = (authorization ?? '').split(' ');
  return scheme?.toLowerCase() === 'bearer' && token ? token : undefined;
}

function stationParamOf(request: Request): unknown {
  return (request.params as Record<string, unknown> | undefined)?.stationId;
}

/**
 * Deny by default. A route is open only when marked public; otherwise the caller needs a valid
 * token that was not revoked. Supervisors may only read, a clerk acts only at the station in
 * their token, and a kiosk reaches only the routes marked for kiosks, at its own station.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly verified = new VerifiedTokens();

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly generations: TokenGenerations,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const inQuery = this.reflector.getAllAndOverride<boolean>(TOKEN_IN_QUERY, targets) ?? false;
    const principal = await this.verify(request, inQuery);
    request.principal = principal;
    const stationId = stationParamOf(request);
    if (principal.role === 'kiosk') return this.kioskMay(principal, stationId, targets);

    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (allowed && principal.role !== 'admin' && !allowed.includes(principal.role))
      throw new ForbiddenException(`this needs the role ${allowed.join(' or ')}`);
    if (principal.role === 'supervisor' && !READ_METHODS.has(request.method))
      throw new ForbiddenException('supervisors read everything and change nothing');
    if (
      principal.role === 'clerk' &&
      typeof stationId === 'string' &&
      stationId !== principal.stationId
    )
      throw new ForbiddenException(`a clerk of ${principal.stationId} cannot act at ${stationId}`);
    return true;
  }

  private kioskMay(principal: Principal, stationId: unknown, targets: Targets): boolean {
    if (!this.reflector.getAllAndOverride<boolean>(KIOSK_ROUTE, targets))
      throw new ForbiddenException('a kiosk issues tickets and shows its live queue, nothing else');
    if (stationId !== principal.stationId)
      throw new ForbiddenException(`the kiosk of ${principal.stationId} serves no other station`);
    return true;
  }

  private async verify(request: Request, inQuery: boolean): Promise<Principal> {
    const token = bearerOf(request, inQuery);
    if (!token) throw new UnauthorizedException('a bearer token is required');
    const verified = this.verified.verifiedAs(token) ?? (await this.check(token));
    const { principal, generation } = verified;
    if (generation < (await this.generations.current(principal.username)))
      throw new UnauthorizedException('the token was revoked; sign in again');
    return principal;
  }

  private async check(token: string): Promise<VerifiedToken> {
    let claims: TokenClaims;
    try {
      claims = await this.jwt.verifyAsync(token);
    } catch {
      throw new UnauthorizedException('the token is invalid or has expired');
    }
    const verified = verifiedOf(claims);
    if (!verified) throw new UnauthorizedException('the token is invalid');
    this.verified.keep(token, verified, typeof claims.exp === 'number' ? claims.exp : undefined);
    return verified;
  }
}

/** The principal a well-formed token names; a station role without its station is malformed. */
function verifiedOf(claims: TokenClaims): VerifiedToken | undefined {
  if (typeof claims.sub !== 'string' || !ROLES.includes(claims.role as Role)) return undefined;
  const role = claims.role as Role;
  const stationId = typeof claims.stationId === 'string' ? claims.stationId : undefined;
  if (STATION_ROLES.includes(role) && !stationId) return undefined;
  const gen = claims.gen ?? 0;
  if (typeof gen !== 'number' || !Number.isSafeInteger(gen) || gen < 0) return undefined;
  return { principal: { username: claims.sub, role, stationId }, generation: gen };
}
