import {
  HttpException,
  HttpStatus,
  Inject,
  Injectable,
  ServiceUnavailableException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Redis } from 'ioredis';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { SecurityConfig, securityOf } from '../config/security-config';
import { REDIS } from '../redis/redis.module';

/**
 * One attempt, atomically: refused with the lock's remaining milliseconds while the username
 * waits; otherwise counted before the password is checked, so a burst of parallel guesses
 * cannot all pass before the first failure is known. Beyond the free failures each attempt
 * sets the next wait: 1 s, doubling, up to the maximum. KEYS: failures, lock. ARGV: free
 * failures, maximum wait ms, seconds the count is kept.
 */
const ATTEMPT = `
local wait = redis.call('PTTL', KEYS[2])
if wait > 0 then return wait end
local failures = redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], ARGV[3])
local beyond = failures - tonumber(ARGV[1])
if beyond > 0 then
  local ms = math.min(1000 * 2 ^ math.min(beyond - 1, 30), tonumber(ARGV[2]))
  redis.call('SET', KEYS[2], '1', 'PX', math.floor(ms))
end
return 0`;

export class TooManyLoginAttempts extends HttpException {
  constructor(retryAfterSeconds: number) {
    super(
      {
        error: 'too_many_requests',
        message: `too many failed logins for this username; try again in ${retryAfterSeconds} s`,
        fields: [],
        retryAfterSeconds,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}

/**
 * Failed logins per username, in Redis so every app counts the same failures (CONTRACT: repeated
 * failures for one username are slowed or refused). Nothing is counted per address: a hall's
 * counters and kiosks reach the apps from one address, and successful logins are never limited.
 * The keys carry the database's identity, so the demo, the tests and the benchmarks sharing one
 * Redis count apart. Redis being away refuses logins (503) rather than let guesses through.
 */
@Injectable()
export class LoginAttempts {
  private readonly settings: SecurityConfig;
  private prefix?: Promise<string>;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.settings = securityOf(config);
  }

  /** Counts an attempt, or refuses it with 429 while the username must wait. */
  async begin(username: string): Promise<void> {
    const [failures, lock] = await this.keysOf(username);
    const { loginFreeFailures, loginMaxWaitSeconds } = this.settings;
    const keptSeconds = Math.max(3600, 2 * loginMaxWaitSeconds);
    const waitMs = Number(
      await this.redis
        .eval(
          ATTEMPT,
          2,
          failures,
          lock,
          loginFreeFailures,
          loginMaxWaitSeconds * 1000,
          keptSeconds,
        )
        .catch(unavailable),
    );
    if (waitMs > 0) throw new TooManyLoginAttempts(Math.ceil(waitMs / 1000));
  }

  /** A correct password forgets the username's failures. */
  async succeeded(username: string): Promise<void> {
    await this.redis.del(...(await this.keysOf(username))).catch(unavailable);
  }

  private async keysOf(username: string): Promise<[string, string]> {
    this.prefix ??= this.logPrefix();
    const prefix = await this.prefix.catch((error: unknown) => {
      this.prefix = undefined;
      throw error;
    });
    return [`${prefix}:failures:${username}`, `${prefix}:wait:${username}`];
  }

  private async logPrefix(): Promise<string> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT current_database() || '#' || oid AS id FROM pg_database
       WHERE datname = current_database()`,
    );
    if (!rows[0]) throw new Error('the database did not say who it is');
    return `login.${rows[0].id}`;
  }
}

function unavailable(): never {
  throw new ServiceUnavailableException({
    error: 'unavailable',
    message: 'logins are paused while their limits cannot be checked; try again shortly',
    fields: [],
    retryAfterSeconds: 5,
  });
}
