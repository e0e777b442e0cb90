import { DynamicModule, Module, type Provider, type Type } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EventStoreModule } from '@circle/event-store';
import type { StationKind } from '@circle/stations';
import { ApplyForQualificationHandler } from './apply-for-qualification/apply-for-qualification.handler';
import { ApplyForQualificationController } from './apply-for-qualification/apply-for-qualification.http.controller';
import { CarriedForwardPoliciesHandler } from './carried-forward-policies/carried-forward-policies.query-handler';
import { CarriedForwardPoliciesController } from './carried-forward-policies/carried-forward-policies.http.controller';
import { ChangeInformationHandler } from './change-information/change-information.handler';
import { ChangeInformationController } from './change-information/change-information.http.controller';
import { CloseTransferHandler } from './close-transfer/close-transfer.handler';
import { CloseTransferController } from './close-transfer/close-transfer.http.controller';
import { DecideQualificationHandler } from './decide-qualification/decide-qualification.handler';
import { DecideQualificationController } from './decide-qualification/decide-qualification.http.controller';
import { EnrollEmployeeHandler } from './enroll-employee/enroll-employee.handler';
import { EnrollEmployeeController } from './enroll-employee/enroll-employee.http.controller';
import { EnrollResidentHandler } from './enroll-resident/enroll-resident.handler';
import { EnrollResidentController } from './enroll-resident/enroll-resident.http.controller';
import { FileOffsiteTreatmentHandler } from './file-offsite-treatment/file-offsite-treatment.handler';
import { FileOffsiteTreatmentController } from './file-offsite-treatment/file-offsite-treatment.http.controller';
import { ErasePersonHandler } from './erase-person/erase-person.handler';
import { ErasePersonController } from './erase-person/erase-person.http.controller';
import { EmployeeRoll } from './get-employer/employee-roll';
import { GetEmployerHandler } from './get-employer/get-employer.query-handler';
import { GetEmployerController } from './get-employer/get-employer.http.controller';
import { GetCoverageHandler } from './get-coverage/get-coverage.query-handler';
import { FindPersonController } from './find-person/find-person.http.controller';
import { PersonIndex } from './find-person/person-index';
import { StationOpenItemsController } from './station-open-items/station-open-items.http.controller';
import { StationOpenItemsHandler } from './station-open-items/station-open-items.query-handler';
import { StationOpenItems } from './station-open-items/station-open-items.reader';
import { GetCoverageController } from './get-coverage/get-coverage.http.controller';
import { IssueCertificateHandler } from './issue-certificate/issue-certificate.query-handler';
import { IssueCertificateController } from './issue-certificate/issue-certificate.http.controller';
import { VerifyCertificateController } from './verify-certificate/verify-certificate.http.controller';
import { CertificateSeal } from './shared/certificate-seal';
import { InformationHistoryHandler } from './information-history/information-history.query-handler';
import { InformationHistoryController } from './information-history/information-history.http.controller';
import { LeaveEmployerHandler } from './leave-employer/leave-employer.handler';
import { LeaveEmployerController } from './leave-employer/leave-employer.http.controller';
import { PayContributionHandler } from './pay-contribution/pay-contribution.handler';
import { PayContributionController } from './pay-contribution/pay-contribution.http.controller';
import { QuoteContributionHandler } from './quote-contribution/quote-contribution.query-handler';
import { QuoteContributionController } from './quote-contribution/quote-contribution.http.controller';
import { RegisterEmployerHandler } from './register-employer/register-employer.handler';
import { RegisterEmployerController } from './register-employer/register-employer.http.controller';
import { RequestTransferHandler } from './request-transfer/request-transfer.handler';
import { RequestTransferController } from './request-transfer/request-transfer.http.controller';
import { OverdueItemsHandler } from './overdue-items/overdue-items.query-handler';
import { OverdueItemsController } from './overdue-items/overdue-items.http.controller';
import { ReadCoverageHandler } from './read-coverage/read-coverage.query-handler';
import { ReadCoverageController } from './read-coverage/read-coverage.http.controller';
import { EnrollmentReadModel } from './read-side/enrollment-read-model';
import { Clock } from './shared/clock';
import { EmployerStreams } from './shared/employer.streams';
import { InsuredPersonStreams } from './shared/insured-person.streams';
import { PersonDesk } from './shared/person-desk';
import { policyBookProvider } from './shared/policy-book.provider';
import { SERVED_STATION_KINDS } from './shared/served-stations';

const STATION_CONTROLLERS: Type[] = [
  EnrollResidentController,
  GetCoverageController,
  FindPersonController,
  StationOpenItemsController,
  IssueCertificateController,
  VerifyCertificateController,
  QuoteContributionController,
  PayContributionController,
  ChangeInformationController,
  InformationHistoryController,
  RegisterEmployerController,
  GetEmployerController,
  EnrollEmployeeController,
  LeaveEmployerController,
  FileOffsiteTreatmentController,
  ApplyForQualificationController,
  DecideQualificationController,
  RequestTransferController,
  CloseTransferController,
];

const STATION_HANDLERS: Provider[] = [
  EnrollResidentHandler,
  GetCoverageHandler,
  StationOpenItemsHandler,
  IssueCertificateHandler,
  QuoteContributionHandler,
  PayContributionHandler,
  ChangeInformationHandler,
  InformationHistoryHandler,
  RegisterEmployerHandler,
  GetEmployerHandler,
  EnrollEmployeeHandler,
  LeaveEmployerHandler,
  FileOffsiteTreatmentHandler,
  ApplyForQualificationHandler,
  DecideQualificationHandler,
  RequestTransferHandler,
  CloseTransferHandler,
];

/**
 * Enrollment, contributions, employers, information changes, off-site filings, chronic
 * qualifications and transfers. Every station app gets every route: a station that may not
 * handle an item answers 403 naming the stations that can, instead of a bare 404.
 */
@Module({})
export class EnrollmentModule {
  static forStations(kinds: readonly StationKind[]): DynamicModule {
    // Erasing a person is the district office's, on the hall.
    const hall = kinds.includes('hall');
    return {
      module: EnrollmentModule,
      imports: [CqrsModule.forRoot(), EventStoreModule],
      controllers: hall ? [...STATION_CONTROLLERS, ErasePersonController] : STATION_CONTROLLERS,
      providers: [
        policyBookProvider,
        Clock,
        InsuredPersonStreams,
        EmployerStreams,
        EmployeeRoll,
        PersonIndex,
        StationOpenItems,
        PersonDesk,
        CertificateSeal,
        { provide: SERVED_STATION_KINDS, useValue: kinds },
        ...STATION_HANDLERS,
        ...(hall ? [ErasePersonHandler] : []),
      ],
    };
  }

  /**
   * For the supervisor: coverage and the deadline lists from the read models, and the regions
   * whose policy in force is carried past its own period.
   */
  static readSide(): DynamicModule {
    return {
      module: EnrollmentModule,
      imports: [CqrsModule.forRoot()],
      controllers: [
        ReadCoverageController,
        OverdueItemsController,
        CarriedForwardPoliciesController,
      ],
      providers: [
        policyBookProvider,
        Clock,
        EnrollmentReadModel,
        ReadCoverageHandler,
        OverdueItemsHandler,
        CarriedForwardPoliciesHandler,
      ],
    };
  }
}
