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
import { IS_PUBLIC } from './public.decorator';
import { Principal, ROLES, Role } from './principal';
import { ROLES_KEY } from './roles.decorator';
import { VerifiedTokens } from './verified-tokens';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function bearerOf(request: Request): string | undefined {
  const [scheme, token] = (request.headers.authorization ?? '').split(' ');
  return scheme?.toLowerCase() === 'bearer' && token ? token : undefined;
}

/**
 * Deny by default. A route is open only when marked public; otherwise the caller needs a
 * valid token, supervisors may only read, and a clerk acts only at the station in their token.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly verified = new VerifiedTokens();

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const principal = await this.verify(request);
    request.principal = principal;

    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (allowed && principal.role !== 'admin' && !allowed.includes(principal.role))
      throw new ForbiddenException(`this needs the role ${allowed.join(' or ')}`);
    if (principal.role === 'supervisor' && !READ_METHODS.has(request.method))
      throw new ForbiddenException('supervisors read everything and change nothing');
    const stationId = (request.params as Record<string, unknown> | undefined)?.stationId;
    if (
      principal.role === 'clerk' &&
      typeof stationId === 'string' &&
      stationId !== principal.stationId
    )
      throw new ForbiddenException(`a clerk of ${principal.stationId} cannot act at ${stationId}`);
    return true;
  }

  private async verify(request: Request): Promise<Principal> {
    const token = bearerOf(request);
    if (!token) throw new UnauthorizedException('a bearer token is required');
    const known = this.verified.principalOf(token);
    if (known) return known;
    let claims: { sub?: unknown; role?: unknown; stationId?: unknown; exp?: unknown };
    try {
      claims = await this.jwt.verifyAsync(token);
    } catch {
      throw new UnauthorizedException('the token is invalid or has expired');
    }
    if (typeof claims.sub !== 'string' || !ROLES.includes(claims.role as Role))
      throw new UnauthorizedException('the token is invalid');
    const principal: Principal = {
      username: claims.sub,
      role: claims.role as Role,
      stationId: typeof claims.stationId === 'string' ? claims.stationId : undefined,
    };
    this.verified.keep(token, principal, typeof claims.exp === 'number' ? claims.exp : undefined);
    return principal;
  }
}
