import { freshResidentId } from '../enrollment/enrollment-fixtures';
import type { RunningApp } from '../support/app-process';
import { HOME_STATION, type DistrictRecords } from '../support/district-records';
import { login } from '../support/http';
import type { DocumentedOperation } from '../support/openapi';
import type { Random } from './random';
import type { KnownValues } from './schema-values';

const NOBODY_ON_RECORD = freshResidentId();

const STATIONS = ['hall', 'town-1', 'town-2', 'hosp-1', 'hosp-2', 'hosp-3', 'village-1'];

/** Values from the demo district and the suite's own records, by field or parameter name. */
export function knownValuesFor(records: DistrictRecords) {
  return (target: DocumentedOperation): KnownValues => {
    const home = HOME_STATION[target.app as keyof typeof HOME_STATION];
    return {
      stationId: home ? [home, home, home, 'town-2'] : STATIONS,
      // Erasing the suite's resident would refuse every later change of them: an erasure is
      // fuzzed on someone not on record.
      residentId: target.path.endsWith('/erasure') ? [NOBODY_ON_RECORD] : [records.residentId],
      settlementId: [records.settlementId],
      claimId: [records.claimId],
      ticketId: Object.values(records.ticketIds),
      // Removing or reskilling the demo's counters would break the suites that serve at them.
      counterId: /\/counters\/\{counterId\}(\/skills)?$/.test(target.path)
        ? ['88', '89']
        : ['1', '2'],
      year: [2022],
      region: ['taibai-lake'],
      date: ['2022-06-01'],
      month: ['2022-06'],
      phone: ['13800000000'],
    };
  };
}

export interface Callers {
  admin: string;
  supervisor: string;
  clerks: Record<string, string>;
}

export async function callersOf(apps: Record<string, RunningApp>): Promise<Callers> {
  const url = apps.hall?.url ?? '';
  const clerks: Record<string, string> = {};
  for (const [app, station] of Object.entries(HOME_STATION))
    clerks[app] = await login(apps[app]?.url ?? url, `clerk-${station}`);
  return { admin: await login(url, 'admin'), supervisor: await login(url, 'supervisor'), clerks };
}

/** The clerk of the app's home station most of the time, so requests reach the business rules. */
export function tokenChooser(callers: Callers) {
  return (target: DocumentedOperation, random: Random): string => {
    const clerk = callers.clerks[target.app];
    if (clerk && random.chance(0.75)) return clerk;
    if (target.method === 'GET' && random.chance(0.3)) return callers.supervisor;
    return callers.admin;
  };
}
