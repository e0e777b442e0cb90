import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { PersonSearch } from '../domain/person-index/person-search';

export interface FoundPerson {
  readonly residentId: string;
  readonly name: string;
  readonly birthDate: string;
  readonly sex: string;
  /** The first three and last four digits: enough to confirm with the person. */
  readonly phone: string | null;
}

export const FOUND_LIMIT = 20;

const COLUMNS = `resident_id AS "residentId", name, to_char(birth_date, 'YYYY-MM-DD') AS "birthDate",
  sex, CASE WHEN phone IS NULL THEN NULL
    ELSE left(phone, 3) || repeat('*', length(phone) - 7) || right(phone, 4) END AS phone`;

/**
 * The projection `enrollment_person_index` as the station apps read it. It runs on the
 * supervisor a moment behind the log, so someone enrolled seconds ago may not be found by name
 * yet; by ID number the coverage enquiry always finds them.
 */
@Injectable()
export class PersonIndex {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** One more than the limit, so the caller can say there are more. */
  async find(search: PersonSearch): Promise<FoundPerson[]> {
    const [where, values] =
      search.by === 'phone'
        ? ['phone = $1', [search.phone]]
        : ['name_key = $1 AND birth_date = $2', [search.nameKey, search.birthDate]];
    return this.db.query(
      `SELECT ${COLUMNS} FROM enrollment_person WHERE ${where}
       ORDER BY name, resident_id LIMIT ${FOUND_LIMIT + 1}`,
      values,
    );
  }
}
