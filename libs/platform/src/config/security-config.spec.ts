import { ConfigError } from './config-error';
import { DEFAULT_SECURITY, loadSecurityConfig, securityOf } from './security-config';

describe('loadSecurityConfig', () => {
  it('closes CORS, sends no HSTS and limits logins and requests by default', () => {
    expect(loadSecurityConfig({})).toEqual(DEFAULT_SECURITY);
    expect(DEFAULT_SECURITY.corsOrigins).toEqual([]);
    expect(DEFAULT_SECURITY.hstsMaxAgeSeconds).toBe(0);
  });

  it('takes the origins listed, trimmed', () => {
    const config = loadSecurityConfig({
      CORS_ORIGINS: ' https://hall.example.cn , http://127.0.0.1:8080',
    });
    expect(config.corsOrigins).toEqual(['https://hall.example.cn', 'http://127.0.0.1:8080']);
  });

  it('falls back to the defaults for an app composed without settings', () => {
    expect(securityOf({})).toBe(DEFAULT_SECURITY);
  });

  it.each([
    [{ CORS_ORIGINS: '*' }, 'CORS_ORIGINS'],
    [{ CORS_ORIGINS: 'https://hall.example.cn/' }, 'CORS_ORIGINS'],
    [{ CORS_ORIGINS: 'https://hall.example.cn/console' }, 'CORS_ORIGINS'],
    [{ CORS_ORIGINS: 'ftp://hall.example.cn' }, 'CORS_ORIGINS'],
    [{ HSTS_MAX_AGE_SECONDS: '-1' }, 'HSTS_MAX_AGE_SECONDS'],
    [{ HTTP_REQUEST_TIMEOUT_SECONDS: '0' }, 'HTTP_REQUEST_TIMEOUT_SECONDS'],
    [{ LOGIN_FREE_FAILURES: '0' }, 'LOGIN_FREE_FAILURES'],
    [{ LOGIN_MAX_WAIT_SECONDS: 'soon' }, 'LOGIN_MAX_WAIT_SECONDS'],
    [{ TOKEN_REVOCATION_SECONDS: '301' }, 'TOKEN_REVOCATION_SECONDS'],
  ])('stops on a bad variable and names it (%j)', (env, variable) => {
    expect(() => loadSecurityConfig(env)).toThrow(ConfigError);
    expect(() => loadSecurityConfig(env)).toThrow(variable);
  });
});
