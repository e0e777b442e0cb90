import type { NextFunction, Request, Response } from 'express';

/**
 * A browser's EventSource cannot send an Authorization header, so the live stream accepts the
 * token as ?access_token= and hands it to the one access guard as if it came in the header.
 */
export function accessTokenFromQuery(
  request: Request,
  _response: Response,
  next: NextFunction,
): void {
  const token = request.query.access_token;
  if (typeof token === 'string' && token && !request.headers.authorization)
    request.headers.authorization = `Bearer ${token}`;
  next();
}
