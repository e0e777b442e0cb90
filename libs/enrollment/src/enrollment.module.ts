import { DynamicModule, Module, type Provider, type Type } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EventStoreModule } from '@circle/event-store';
import type { StationKind } from '@circle/stations';
import { EnrollResidentHandler } from './enroll-resident/enroll-resident.handler';
import { EnrollResidentController } from './enroll-resident/enroll-resident.http.controller';
import { Clock } from './shared/clock';
import { InsuredPersonStreams } from './shared/insured-person.streams';
import { policyBookProvider } from './shared/policy-book.provider';
import { SERVED_STATION_KINDS } from './shared/served-stations';

const STATION_CONTROLLERS: Type[] = [EnrollResidentController];
const STATION_HANDLERS: Provider[] = [EnrollResidentHandler];

/**
 * Enrollment, contributions, employers, information changes, off-site filings, chronic
 * qualifications and transfers. Every station app gets every route: a station that may not
 * handle an item answers 403 naming the stations that can, instead of a bare 404.
 */
@Module({})
export class EnrollmentModule {
  static forStations(kinds: readonly StationKind[]): DynamicModule {
    return {
      module: EnrollmentModule,
      imports: [CqrsModule.forRoot(), EventStoreModule],
      controllers: STATION_CONTROLLERS,
      providers: [
        policyBookProvider,
        Clock,
        InsuredPersonStreams,
        { provide: SERVED_STATION_KINDS, useValue: kinds },
        ...STATION_HANDLERS,
      ],
    };
  }
}
