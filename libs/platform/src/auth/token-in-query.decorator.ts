import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';

export const TOKEN_IN_QUERY = 'circle:token-in-query';

/**
 * A browser's EventSource cannot send an Authorization header, so a live stream marked with
 * this takes the bearer token as ?access_token= when no header brings one. Only these routes:
 * a token in a URL ends up in histories and proxies' logs (ours masks it in every log line).
 */
export const TokenInQuery = () =>
  applyDecorators(
    SetMetadata(TOKEN_IN_QUERY, true),
    ApiQuery({
      name: 'access_token',
      required: false,
      description: 'The bearer token, for clients that cannot send headers',
    }),
  );
