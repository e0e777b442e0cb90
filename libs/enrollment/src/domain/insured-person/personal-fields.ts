import type { InsuredPersonEvent } from './insured-person.events';

/** The fields a person's key seals: the ID number stays readable, as the stream's own key. */
const PERSONAL = ['name', 'phone', 'address'] as const;
const NOTICE = ['phone', 'maskedName'] as const;

/** A personal value of one event, by its path in the event's data (`notice.phone`). */
export type PersonalFields = Record<string, string>;

interface Changes {
  readonly changes?: readonly { field: string; from: string | null; to: string | null }[];
}

/** Whether a changed field is one a person's key seals. */
export const isPersonalField = (field: string) => (PERSONAL as readonly string[]).includes(field);

/**
 * The name, phone and address an event carries, wherever it carries them: the details of an
 * enrolment, both sides of a changed detail, and the phone and masked name of its SMS notice.
 * Null values are not listed: "no phone" tells nothing to seal.
 */
export function personalFieldsOf(event: InsuredPersonEvent): PersonalFields {
  const data = event.data as unknown as Record<string, unknown> & Changes;
  const out: PersonalFields = {};
  for (const field of PERSONAL) {
    const value = data[field];
    if (typeof value === 'string') out[field] = value;
  }
  const notice = data.notice as Record<string, unknown> | undefined;
  for (const field of NOTICE) {
    const value = notice?.[field];
    if (typeof value === 'string') out[`notice.${field}`] = value;
  }
  data.changes?.forEach((change, i) => {
    if (!isPersonalField(change.field)) return;
    if (change.from !== null) out[`changes.${i}.from`] = change.from;
    if (change.to !== null) out[`changes.${i}.to`] = change.to;
  });
  return out;
}

/** The event with its personal fields replaced by `values` (sealed or opened), nothing else. */
export function withPersonalFields<E extends InsuredPersonEvent>(
  event: E,
  values: Readonly<Record<string, string | undefined>>,
): E {
  const data = { ...(event.data as unknown as Record<string, unknown> & Changes) };
  const pick = (path: string, current: unknown) => values[path] ?? current;
  for (const field of PERSONAL) if (field in values) data[field] = pick(field, data[field]);
  const notice = data.notice as Record<string, unknown> | undefined;
  if (notice) {
    const next = { ...notice };
    for (const field of NOTICE) next[field] = pick(`notice.${field}`, notice[field]);
    data.notice = next;
  }
  if (data.changes)
    data.changes = data.changes.map((change, i) => ({
      ...change,
      from: pick(`changes.${i}.from`, change.from) as string | null,
      to: pick(`changes.${i}.to`, change.to) as string | null,
    }));
  return { ...event, data } as E;
}

/** Every phone number an event puts on the person's record, opened: their own and any changed. */
export function phonesOf(event: InsuredPersonEvent): string[] {
  const data = event.data as unknown as Record<string, unknown> & Changes;
  const notice = data.notice as Record<string, unknown> | undefined;
  const changed = (data.changes ?? [])
    .filter((c) => c.field === 'phone')
    .flatMap((c) => [c.from, c.to]);
  return [data.phone, notice?.phone, ...changed].filter(
    (p): p is string => typeof p === 'string' && p.length > 0,
  );
}
