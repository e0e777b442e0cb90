import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@circle/platform';
import {
  canonicalFacts,
  certificateCode,
  CERTIFICATE_VERSION,
  normalCode,
  type CertificateFacts,
} from '../domain/certificate/coverage-certificate';

/**
 * Seals a certificate's facts with HMAC-SHA256. The key is derived from JWT_SECRET, which every
 * station app already shares, under a label of its own, so no new secret has to be handed out
 * and a certificate's code can never be replayed as anything a token checks. Changing the
 * secret voids the codes printed before: the office then issues certificates again.
 */
@Injectable()
export class CertificateSeal {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = createHmac('sha256', config.jwtSecret).update(CERTIFICATE_VERSION).digest();
  }

  code(facts: CertificateFacts): string {
    return certificateCode(createHmac('sha256', this.key).update(canonicalFacts(facts)).digest());
  }

  matches(facts: CertificateFacts, typed: string): boolean {
    const expected = Buffer.from(this.code(facts));
    const given = Buffer.from(normalCode(typed));
    return given.length === expected.length && timingSafeEqual(given, expected);
  }
}
