import type { StoredEvent } from '@circle/event-store';
import { loadPersonalDataMasterKey } from '@circle/platform';
import type { Projection, ProjectionTx } from '@circle/projections';
import { ERASED, type InsuredPersonEvent } from '../domain';
import { nameKey } from '../domain/person-index/name-key';
import { personFieldsOf, type PersonFields } from '../domain/person-index/person-fields';
import { openedFacts } from './opened-events';

export const PERSON_INDEX_PROJECTION = 'enrollment_person_index';

const HANDLED = [
  'enrollment.ResidentEnrolled',
  'enrollment.EmployeeEnrolled',
  'enrollment.InsuredInformationChanged',
  'enrollment.PersonErased',
];

// An erased person stays listed by ID, found by neither name nor phone.
const keyOf = (name: string) => (name === ERASED ? '' : nameKey(name));
const phoneOf = (phone: string | null | undefined) => (phone === ERASED ? null : phone);

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
        keyOf(fields.name),
        fields.birthDate,
        fields.sex ?? '',
        phoneOf(fields.phone) ?? null,
        fields.at,
      ],
    );
    return;
  }
  const sets: string[] = [];
  const values: unknown[] = [fields.residentId, fields.at];
  if (fields.name !== undefined) {
    values.push(fields.name, keyOf(fields.name));
    sets.push(`name = $${values.length - 1}`, `name_key = $${values.length}`);
  }
  if (fields.phone !== undefined) {
    values.push(phoneOf(fields.phone));
    sets.push(`phone = $${values.length}`);
  }
  if (!sets.length) return;
  await tx.query(
    `UPDATE ${table} SET ${sets.join(', ')}, updated_at = $2 WHERE resident_id = $1`,
    values,
  );
}

async function apply(fact: InsuredPersonEvent, tx: ProjectionTx): Promise<void> {
  if (fact.type === 'enrollment.PersonErased') {
    const { residentId, at } = fact.data;
    await tx.query(
      `UPDATE ${tx.table('enrollment_person')} SET name = $2, name_key = '', phone = NULL,
         updated_at = $3 WHERE resident_id = $1`,
      [residentId, ERASED, at],
    );
    return;
  }
  const fields = personFieldsOf(fact);
  if (fields) await write(fields, tx);
}

/** The chunk opened after one key lookup for everyone in it, then written in order. */
async function applyInOrder(
  events: readonly StoredEvent[],
  tx: ProjectionTx,
  masterKey: Buffer,
): Promise<void> {
  for (const fact of await openedFacts(events, tx, masterKey)) await apply(fact, tx);
}

/** Who is on record, by name and birth date or phone: the counter's "find a person". */
export function personIndexProjection(
  topics: readonly string[] = ['circle.enrollment'],
  masterKey: Buffer = loadPersonalDataMasterKey(process.env),
): Projection {
  return {
    name: PERSON_INDEX_PROJECTION,
    topics,
    tables: ['enrollment_person'],
    handles: (type) => HANDLED.includes(type),
    apply: (event, tx) => applyInOrder([event], tx, masterKey),
    applyBatch: (events, tx) => applyInOrder(events, tx, masterKey),
  };
}
