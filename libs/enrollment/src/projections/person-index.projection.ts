import type { StoredEvent } from '@circle/event-store';
import type { Projection, ProjectionTx } from '@circle/projections';
import { isInsuredPersonEvent } from '../domain';
import { nameKey } from '../domain/person-index/name-key';
import { personFieldsOf, type PersonFields } from '../domain/person-index/person-fields';

export const PERSON_INDEX_PROJECTION = 'enrollment_person_index';

const HANDLED = [
  'enrollment.ResidentEnrolled',
  'enrollment.EmployeeEnrolled',
  'enrollment.InsuredInformationChanged',
];

/**
 * An enrollment writes the whole row, a change only what it changed. Events of one person come
 * in stream order, exactly once, so the last write is the person as they stand.
 */
async function write(fields: PersonFields, tx: ProjectionTx): Promise<void> {
  const table = tx.table('enrollment_person');
  if (fields.name !== undefined && fields.birthDate !== undefined) {
    await tx.query(
      `INSERT INTO ${table} (resident_id, name, name_key, birth_date, sex, phone, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (resident_id) DO UPDATE SET name = EXCLUDED.name,
         name_key = EXCLUDED.name_key, phone = EXCLUDED.phone, updated_at = EXCLUDED.updated_at`,
      [
        fields.residentId,
        fields.name,
        nameKey(fields.name),
        fields.birthDate,
        fields.sex ?? '',
        fields.phone ?? null,
        fields.at,
      ],
    );
    return;
  }
  const sets: string[] = [];
  const values: unknown[] = [fields.residentId, fields.at];
  if (fields.name !== undefined) {
    values.push(fields.name, nameKey(fields.name));
    sets.push(`name = $${values.length - 1}`, `name_key = $${values.length}`);
  }
  if (fields.phone !== undefined) {
    values.push(fields.phone);
    sets.push(`phone = $${values.length}`);
  }
  if (!sets.length) return;
  await tx.query(
    `UPDATE ${table} SET ${sets.join(', ')}, updated_at = $2 WHERE resident_id = $1`,
    values,
  );
}

/** Who is on record, by name and birth date or phone: the counter's "find a person". */
export function personIndexProjection(
  topics: readonly string[] = ['circle.enrollment'],
): Projection {
  return {
    name: PERSON_INDEX_PROJECTION,
    topics,
    tables: ['enrollment_person'],
    handles: (type) => HANDLED.includes(type),
    async apply(event: StoredEvent, tx: ProjectionTx) {
      const fact = { type: event.type, data: event.data };
      if (!isInsuredPersonEvent(fact)) return;
      const fields = personFieldsOf(fact);
      if (fields) await write(fields, tx);
    },
  };
}
