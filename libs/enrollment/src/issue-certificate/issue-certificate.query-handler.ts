import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { PolicyBook } from '@circle/policy';
import { checkedResidentId, coverageOf, NotOnRecord } from '../domain';
import { actingStation } from '../domain/acting-station';
import { certificateFacts } from '../domain/certificate/coverage-certificate';
import { CertificateSeal } from '../shared/certificate-seal';
import { Clock } from '../shared/clock';
import { InsuredPersonStreams } from '../shared/insured-person.streams';
import { POLICY_BOOK } from '../shared/policy-book.provider';
import { SERVED_STATION_KINDS, type ServedStationKinds } from '../shared/served-stations';
import { IssueCertificateQuery, type Certificate } from './issue-certificate.query';

/** A certificate is issued at a counter, in the station's name, from the person's own stream. */
@QueryHandler(IssueCertificateQuery)
export class IssueCertificateHandler implements IQueryHandler<IssueCertificateQuery> {
  constructor(
    private readonly streams: InsuredPersonStreams,
    private readonly clock: Clock,
    private readonly seal: CertificateSeal,
    @Inject(SERVED_STATION_KINDS) private readonly served: ServedStationKinds,
    @Inject(POLICY_BOOK) private readonly policies: PolicyBook,
  ) {}

  async execute({ residentId, year, principal }: IssueCertificateQuery): Promise<Certificate> {
    const station = actingStation('COVERAGE_ENQUIRY', principal.stationId, this.served);
    const now = this.clock.shanghaiNow();
    const id = checkedResidentId(residentId, now.slice(0, 10));
    const view = coverageOf(await this.streams.load(id.id), year, now, this.policies);
    if (!view) throw new NotOnRecord('this resident');
    const facts = certificateFacts(view, station.stationId, now.slice(0, 10));
    if (!facts) throw new NotOnRecord(year ? `cover for ${year}` : 'any year of cover');
    return { ...facts, code: this.seal.code(facts) };
  }
}
