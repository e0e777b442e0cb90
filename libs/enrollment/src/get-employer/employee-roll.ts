import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { maskName } from '../domain';
import type { EmployeeOnRoll } from './get-employer.query';

interface RollRow {
  event_type: string;
  data: { residentId: string; name?: string; joinedOn?: string; leftOn?: string };
}

/**
 * Who is and was on an employer's roll. Joins and leaves live on each person's stream, so the
 * roll is read across streams from the log by credit code.
 */
@Injectable()
export class EmployeeRoll {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async of(creditCode: string): Promise<EmployeeOnRoll[]> {
    const rows: RollRow[] = await this.db.query(
      `SELECT event_type, data FROM events
       WHERE event_type IN ('enrollment.EmployeeEnrolled', 'enrollment.EmployeeLeft')
         AND data->>'creditCode' = $1
       ORDER BY global_position`,
      [creditCode],
    );
    const roll: EmployeeOnRoll[] = [];
    for (const { event_type, data } of rows) {
      if (event_type === 'enrollment.EmployeeEnrolled')
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
