import { ConfigError } from './config-error';
import { Env, integer } from './env-values';

/** How the apps defend themselves: login limits, token revocation, CORS, headers, time limits. */
export interface SecurityConfig {
  /** Origins whose pages may call the API from a browser (CORS); none unless configured. */
  readonly corsOrigins: readonly string[];
  /**
   * Strict-Transport-Security max-age; 0 sends none. The apps speak plain HTTP: only a
   * deployment whose every client reaches them through TLS (a terminating proxy) may set it.
   */
  readonly hstsMaxAgeSeconds: number;
  /** A request must arrive in full, and its answer begin, within this many seconds. */
  readonly requestTimeoutSeconds: number;
  /** Failed logins of one username allowed before each further attempt waits. */
  readonly loginFreeFailures: number;
  /** The longest wait imposed on a username after repeated failures (the wait doubles up to it). */
  readonly loginMaxWaitSeconds: number;
  /** At most this many seconds pass before every app refuses the tokens of a revoked user. */
  readonly tokenRevocationSeconds: number;
}

export const DEFAULT_SECURITY: SecurityConfig = {
  corsOrigins: [],
  hstsMaxAgeSeconds: 0,
  requestTimeoutSeconds: 30,
  loginFreeFailures: 5,
  loginMaxWaitSeconds: 900,
  tokenRevocationSeconds: 5,
};

// An origin is scheme, host and port only: what a browser sends in the Origin header.
function origins(env: Env): string[] {
  const list = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of list) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin)
      throw new ConfigError(
        'CORS_ORIGINS',
        `must list origins such as https://hall.example.cn, got "${origin}"`,
      );
  }
  return list;
}

export function loadSecurityConfig(env: Env): SecurityConfig {
  const d = DEFAULT_SECURITY;
  return {
    corsOrigins: origins(env),
    hstsMaxAgeSeconds: integer(env, 'HSTS_MAX_AGE_SECONDS', d.hstsMaxAgeSeconds, 0, 63_072_000),
    requestTimeoutSeconds: integer(
      env,
      'HTTP_REQUEST_TIMEOUT_SECONDS',
      d.requestTimeoutSeconds,
      1,
      300,
    ),
    loginFreeFailures: integer(env, 'LOGIN_FREE_FAILURES', d.loginFreeFailures, 1, 100),
    loginMaxWaitSeconds: integer(env, 'LOGIN_MAX_WAIT_SECONDS', d.loginMaxWaitSeconds, 1, 86_400),
    tokenRevocationSeconds: integer(
      env,
      'TOKEN_REVOCATION_SECONDS',
      d.tokenRevocationSeconds,
      1,
      300,
    ),
  };
}

/** The security settings of an app, the defaults when it was composed without them. */
export function securityOf(config: { readonly security?: SecurityConfig }): SecurityConfig {
  return config.security ?? DEFAULT_SECURITY;
}
