import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PERSONAL_DATA, type PersonalData } from '@circle/event-store';
import { maskName } from '../domain';
import { openEvents } from '../shared/personal-events';
import type { EmployeeOnRoll } from './get-employer.query';

interface RollRow {
  type: string;
  data: { residentId: string; name?: string; joinedOn?: string; leftOn?: string };
}

/**
 * Who is and was on an employer's roll. Joins and leaves live on each person's stream, so the
 * roll is read across streams from the log by credit code.
 */
@Injectable()
export class EmployeeRoll {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(PERSONAL_DATA) private readonly personal: PersonalData,
  ) {}

  async of(creditCode: string): Promise<EmployeeOnRoll[]> {
    const rows: RollRow[] = await this.db.query(
      `SELECT event_type AS type, data FROM events
       WHERE event_type IN ('enrollment.EmployeeEnrolled', 'enrollment.EmployeeLeft')
         AND data->>'creditCode' = $1
       ORDER BY global_position`,
      [creditCode],
    );
    const roll: EmployeeOnRoll[] = [];
    // Names are sealed per person: one key lookup opens the whole roll.
    for (const { type, data } of await openEvents(this.personal, rows)) {
      if (type === 'enrollment.EmployeeEnrolled')
        roll.push({
          residentId: data.residentId,
          maskedName: maskName(data.name ?? ''),
          joinedOn: data.joinedOn ?? '',
          leftOn: null,
        });
      else {
        const i = roll.findLastIndex((e) => e.residentId === data.residentId && !e.leftOn);
        if (i >= 0) roll[i] = { ...(roll[i] as EmployeeOnRoll), leftOn: data.leftOn ?? null };
      }
    }
    return roll;
  }
}
