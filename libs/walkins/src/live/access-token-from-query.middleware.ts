import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * A browser's EventSource cannot send an Authorization header, so the live stream accepts the
 * token as ?access_token= and hands it to the one access guard as if it came in the header.
 */
export function accessTokenFromQuery(
  request: IncomingMessage,
  _response: ServerResponse,
  next: () => void,
): void {
  const query = request.url?.split('?', 2)[1];
  const token = query ? new URLSearchParams(query).get('access_token') : null;
  if (token && !request.headers.authorization) request.headers.authorization = `Bearer ${token}`;
  next();
}
