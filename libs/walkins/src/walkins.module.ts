import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CoverageModule } from '@circle/coverage';
import { EventStoreModule } from '@circle/event-store';
import type { StationKind } from '@circle/stations';
import { AddCounterController } from './add-counter/add-counter.http.controller';
import { AddCounterHandler } from './add-counter/add-counter.handler';
import { CallNextController } from './call-next/call-next.http.controller';
import { CallNextHandler } from './call-next/call-next.handler';
import { CancelTicketController } from './cancel-ticket/cancel-ticket.http.controller';
import { CancelTicketHandler } from './cancel-ticket/cancel-ticket.handler';
import { ChangeCounterSkillsController } from './change-counter-skills/change-counter-skills.http.controller';
import { ChangeCounterSkillsHandler } from './change-counter-skills/change-counter-skills.handler';
import { ChangeStationController } from './change-station/change-station.http.controller';
import { ChangeStationHandler } from './change-station/change-station.handler';
import { Clock, SystemClock } from './clock';
import { CompleteServiceController } from './complete-service/complete-service.http.controller';
import { CompleteServiceHandler } from './complete-service/complete-service.handler';
import { GetLiveCountersController } from './get-live-queue/get-live-counters.http.controller';
import { GetLiveQueueController } from './get-live-queue/get-live-queue.http.controller';
import { GetLiveQueueHandler } from './get-live-queue/get-live-queue.handler';
import { GetTicketController } from './get-ticket/get-ticket.http.controller';
import { GetTicketHandler } from './get-ticket/get-ticket.handler';
import { IssueTicketController } from './issue-ticket/issue-ticket.http.controller';
import { IssueTicketHandler } from './issue-ticket/issue-ticket.handler';
import { LiveFeed } from './live/live-feed.service';
import { StationEventsController } from './live/station-events.http.controller';
import { MarkNoShowController } from './mark-no-show/mark-no-show.http.controller';
import { MarkNoShowHandler } from './mark-no-show/mark-no-show.handler';
import { QueueBook } from './queues/queue-book';
import { WaitingTickets } from './queues/waiting-tickets';
import { ReadCounterHistoryController } from './read-counter-history/read-counter-history.http.controller';
import { ReadCounterHistoryHandler } from './read-counter-history/read-counter-history.handler';
import { ReadCountersController } from './read-counters/read-counters.http.controller';
import { ReadQueueController } from './read-queue/read-queue.http.controller';
import { ReadQueueHandler } from './read-queue/read-queue.handler';
import { WalkinsReadModel } from './read-side/walkins-read-model';
import { ReadTodayController } from './read-today/read-today.http.controller';
import { ReadClerksTodayHandler, ReadTodayHandler } from './read-today/read-today.handler';
import { RecallTicketController } from './recall-ticket/recall-ticket.http.controller';
import { RecallTicketHandler } from './recall-ticket/recall-ticket.handler';
import { RemoveCounterController } from './remove-counter/remove-counter.http.controller';
import { RemoveCounterHandler } from './remove-counter/remove-counter.handler';
import { SetCounterStatusController } from './set-counter-status/set-counter-status.http.controller';
import { SetCounterStatusHandler } from './set-counter-status/set-counter-status.handler';
import { StartServiceController } from './start-service/start-service.http.controller';
import { StartServiceHandler } from './start-service/start-service.handler';
import { StationCards } from './station-cards/station-cards';
import { StationCardsController } from './station-cards/station-cards.http.controller';
import { DemoDistrictSeeder } from './stations/demo-district.seeder';
import { SERVED_STATION_KINDS, ServedStationKinds } from './stations/served-station-kinds';
import { StationBook } from './stations/station-book';
import { StationReferral } from './stations/station-referral';
import { TicketDesk } from './tickets/ticket-desk';
import { TransferTicketController } from './transfer-ticket/transfer-ticket.http.controller';
import { TransferTicketHandler } from './transfer-ticket/transfer-ticket.handler';
import { TransferProcess } from './transfer-process/transfer-process';
import { TransferSweeper } from './transfer-process/transfer-sweeper';
import {
  TRANSFER_SWEEP_MS,
  WALKINS_SETTINGS,
  loadTransferSweepMs,
  loadWalkinsSettings,
} from './walkins.config';
import { WalkinsUpcasters } from './walkins.upcasters';

const STATION_CONTROLLERS = [
  IssueTicketController,
  CallNextController,
  SetCounterStatusController,
  RecallTicketController,
  MarkNoShowController,
  StartServiceController,
  CompleteServiceController,
  CancelTicketController,
  TransferTicketController,
  AddCounterController,
  ChangeCounterSkillsController,
  RemoveCounterController,
  ChangeStationController,
  GetLiveQueueController,
  GetLiveCountersController,
  GetTicketController,
  ReadCounterHistoryController,
  StationEventsController,
];

const STATION_HANDLERS = [
  IssueTicketHandler,
  CallNextHandler,
  SetCounterStatusHandler,
  RecallTicketHandler,
  MarkNoShowHandler,
  StartServiceHandler,
  CompleteServiceHandler,
  CancelTicketHandler,
  TransferTicketHandler,
  AddCounterHandler,
  ChangeCounterSkillsHandler,
  RemoveCounterHandler,
  ChangeStationHandler,
  GetLiveQueueHandler,
  GetTicketHandler,
  ReadCounterHistoryHandler,
];

function shared(served: ServedStationKinds) {
  return [
    { provide: WALKINS_SETTINGS, useFactory: () => loadWalkinsSettings() },
    { provide: SERVED_STATION_KINDS, useValue: served },
    { provide: Clock, useClass: SystemClock },
    StationBook,
    QueueBook,
    LiveFeed,
    WalkinsUpcasters,
  ];
}

/**
 * Walk-ins: tickets, counters and the queue of each station. Station apps get the commands and
 * a live view from the event log; the supervisor gets the read models and the same live stream.
 */
@Module({})
export class WalkinsModule {
  static forStations(kinds: readonly StationKind[]): DynamicModule {
    return {
      module: WalkinsModule,
      imports: [CqrsModule.forRoot(), EventStoreModule, CoverageModule.travel()],
      controllers: STATION_CONTROLLERS,
      providers: [
        ...shared(kinds),
        StationReferral,
        { provide: TRANSFER_SWEEP_MS, useFactory: () => loadTransferSweepMs() },
        TicketDesk,
        DemoDistrictSeeder,
        TransferProcess,
        TransferSweeper,
        ...STATION_HANDLERS,
      ],
    };
  }

  static readSide(): DynamicModule {
    return {
      module: WalkinsModule,
      imports: [CqrsModule.forRoot(), EventStoreModule],
      controllers: [
        ReadQueueController,
        ReadCountersController,
        ReadTodayController,
        StationEventsController,
        StationCardsController,
      ],
      providers: [
        ...shared('all'),
        StationCards,
        WalkinsReadModel,
        ReadQueueHandler,
        ReadTodayHandler,
        ReadClerksTodayHandler,
      ],
    };
  }

  /** Where waiting tickets stand, for processes that only watch the queues (the notifier). */
  static waitingTickets(): DynamicModule {
    return {
      module: WalkinsModule,
      imports: [EventStoreModule],
      providers: [
        { provide: WALKINS_SETTINGS, useFactory: () => loadWalkinsSettings() },
        { provide: SERVED_STATION_KINDS, useValue: 'all' },
        StationBook,
        QueueBook,
        WaitingTickets,
      ],
      exports: [WaitingTickets],
    };
  }
}
