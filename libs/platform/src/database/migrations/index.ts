import { CreateUsers1732300000000 } from './1732300000000-create-users';
import { CreateEventStore1732400000000 } from './1732400000000-create-event-store';
import { CreateProjectionTables1732600000000 } from './1732600000000-create-projection-tables';
import { CreateWalkinsReadModels1732750000000 } from './1732750000000-create-walkins-read-models';
import { CreateEnrollmentReadModels1732800000000 } from './1732800000000-create-enrollment-read-models';
import { CreateSettlementReadModels1733100000000 } from './1733100000000-create-settlement-read-models';
import { MoneyColumnsBigint1733200000000 } from './1733200000000-money-columns-bigint';
import { CreateClaimsTables1733300000000 } from './1733300000000-create-claims-tables';
import { CreateSmsTables1733400000000 } from './1733400000000-create-sms-tables';
import { KioskAccountsAndTokenGenerations1733500000000 } from './1733500000000-kiosk-accounts-and-token-generations';
import { EventsAuditIndexes1733510000000 } from './1733510000000-events-audit-indexes';
import { CreateMonthlyReportTables1733650000000 } from './1733650000000-create-monthly-report-tables';
import { CreateCoverageTables1733700000000 } from './1733700000000-create-coverage-tables';
import { CreatePersonIndex1733820000000 } from './1733820000000-create-person-index';
import { CreatePersonKeys1733900000000 } from './1733900000000-create-person-keys';
import { CreateEventLogGate1734000000000 } from './1734000000000-create-event-log-gate';
import { PlanForCachedPages1734100000000 } from './1734100000000-plan-for-cached-pages';
import { PlanTheEventLogGateOnce1734200000000 } from './1734200000000-plan-the-event-log-gate-once';
import { KeepEventsInTheirRows1734300000000 } from './1734300000000-keep-events-in-their-rows';

/** Every schema change of the product, in order. Add new ones at the end. */
export const MIGRATIONS = [
  CreateUsers1732300000000,
  CreateEventStore1732400000000,
  CreateProjectionTables1732600000000,
  CreateWalkinsReadModels1732750000000,
  CreateEnrollmentReadModels1732800000000,
  CreateSettlementReadModels1733100000000,
  MoneyColumnsBigint1733200000000,
  CreateClaimsTables1733300000000,
  CreateSmsTables1733400000000,
  KioskAccountsAndTokenGenerations1733500000000,
  EventsAuditIndexes1733510000000,
  CreateMonthlyReportTables1733650000000,
  CreateCoverageTables1733700000000,
  CreatePersonIndex1733820000000,
  CreatePersonKeys1733900000000,
  CreateEventLogGate1734000000000,
  PlanForCachedPages1734100000000,
  PlanTheEventLogGateOnce1734200000000,
  KeepEventsInTheirRows1734300000000,
];
