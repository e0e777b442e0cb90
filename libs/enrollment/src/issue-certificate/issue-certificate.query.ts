import { Query } from '@nestjs/cqrs';
import type { Principal } from '@circle/platform';
import type { CertificateFacts } from '../domain/certificate/coverage-certificate';

export interface Certificate extends CertificateFacts {
  readonly code: string;
}

/** Stores nothing: the code is the seal of the facts, so a repeat the same day gives the same. */
export class IssueCertificateQuery extends Query<Certificate> {
  constructor(
    readonly residentId: string,
    readonly year: number | null,
    readonly principal: Principal,
  ) {
    super();
  }
}
