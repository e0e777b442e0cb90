import { RecentMap } from '@circle/kernel';
import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { securityOf } from '../config/security-config';
import { UserRepository } from './user.repository';

const KEPT = 10_000;

interface Known {
  readonly generation: number;
  readonly readAt: number;
}

/**
 * Each user's current token generation as this process last read it, read again once older
 * than TOKEN_REVOCATION_SECONDS: a revocation reaches every app within that time, for one small
 * query per active user and period instead of one per request. Should PostgreSQL not answer, the
 * last value read stands, so a database restart does not sign every counter out; a user never
 * read is refused until it answers. A token naming no user has generation 0: only a holder of
 * the signing key can make one.
 */
@Injectable()
export class TokenGenerations {
  private readonly known = new RecentMap<string, Known>(KEPT);
  private readonly reading = new Map<string, Promise<number>>();
  private readonly maxAgeMs: number;

  constructor(
    private readonly users: UserRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.maxAgeMs = securityOf(config).tokenRevocationSeconds * 1000;
  }

  current(username: string, now = Date.now()): Promise<number> {
    const known = this.known.get(username);
    if (known && now - known.readAt < this.maxAgeMs) return Promise.resolve(known.generation);
    let pending = this.reading.get(username);
    if (!pending) {
      pending = this.read(username, known).finally(() => this.reading.delete(username));
      this.reading.set(username, pending);
    }
    return pending;
  }

  /**
   * A revocation made by this process holds here at once, without waiting for the next read.
   * Generations only rise, so a read that began before the revocation cannot undo it.
   */
  learn(username: string, generation: number): void {
    const highest = Math.max(generation, this.known.get(username)?.generation ?? 0);
    this.known.set(username, { generation: highest, readAt: Date.now() });
  }

  private async read(username: string, stale: Known | undefined): Promise<number> {
    let generation: number;
    try {
      generation = (await this.users.tokenGeneration(username)) ?? 0;
    } catch {
      if (stale) return stale.generation;
      throw new ServiceUnavailableException('sign-ins cannot be checked just now; try again');
    }
    this.learn(username, generation);
    return generation;
  }
}
