import type { Pool } from 'pg';
import { openNotice, PgPersonalData, sealedNoticeResident } from '../../libs/event-store/src';
import { openEvents } from '../../libs/enrollment/src/shared/personal-events';
import { loadPersonalDataMasterKey } from '../../libs/platform/src/config/personal-data-key';

/**
 * Rows of the log with each person's sealed name, phone and address opened, and the phone and
 * masked name of every notice (settlements' and claims' too), as the notifier and the read
 * models see them (the apps of the tests run on the demo master key).
 */
export async function openedRows<R extends { event_type: string; data: unknown }>(
  db: Pool,
  rows: readonly R[],
): Promise<R[]> {
  const personal = new PgPersonalData(db, loadPersonalDataMasterKey({}));
  const people = await openEvents(
    personal,
    rows.map((r) => ({ type: r.event_type, data: r.data })),
  );
  const keyring = await personal.keyring(people.flatMap((e) => sealedNoticeResident(e) ?? []));
  const opened = people.map((e) => openNotice(keyring, e));
  return rows.map((row, i) => ({ ...row, data: opened[i]?.data ?? row.data }));
}
