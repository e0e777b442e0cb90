import { isSealed } from './person-key-cipher';
import type { PersonKeyring } from './person-keyring';

/** The fields of an event's SMS notice that say who the resident is. */
export const NOTICE_PERSONAL_FIELDS = ['phone', 'maskedName'] as const;

interface EventLike {
  readonly data: unknown;
}

type NoticeData = { readonly residentId: string; readonly notice: Record<string, unknown> };

function noticeDataOf(event: EventLike): NoticeData | undefined {
  const data = event.data as { residentId?: unknown; notice?: unknown } | null;
  if (typeof data?.residentId !== 'string') return undefined;
  const notice = data.notice;
  if (!notice || typeof notice !== 'object') return undefined;
  return { residentId: data.residentId, notice: notice as Record<string, unknown> };
}

function withNotice<E extends EventLike>(event: E, notice: Record<string, unknown>): E {
  return { ...event, data: { ...(event.data as object), notice } };
}

function personalOf(notice: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(NOTICE_PERSONAL_FIELDS.map((f) => [f, notice[f]]));
}

/**
 * The event with its notice's phone and masked name sealed with the resident's key: what every
 * event carrying an SMS notice (a settlement, a claim's decision) appends instead of plaintext.
 * A null phone stays null, so "no mobile on record" still reads as such.
 */
export function sealNotice<E extends EventLike>(keyring: PersonKeyring, event: E): E {
  const found = noticeDataOf(event);
  if (!found) return event;
  const fields: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(personalOf(found.notice)))
    if (typeof value === 'string' && !isSealed(value)) fields[name] = value;
  if (Object.keys(fields).length === 0) return event;
  return withNotice(event, { ...found.notice, ...keyring.seal(found.residentId, fields) });
}

/** Whose key opens this event's notice, if any of its personal fields is sealed. */
export function sealedNoticeResident(event: EventLike): string | undefined {
  const found = noticeDataOf(event);
  if (!found) return undefined;
  const sealed = NOTICE_PERSONAL_FIELDS.some((f) => isSealed(found.notice[f]));
  return sealed ? found.residentId : undefined;
}

/** The event with its notice opened: ERASED once the resident's key is gone. */
export function openNotice<E extends EventLike>(keyring: PersonKeyring, event: E): E {
  const residentId = sealedNoticeResident(event);
  const found = noticeDataOf(event);
  if (residentId === undefined || !found) return event;
  return withNotice(event, {
    ...found.notice,
    ...keyring.open(residentId, personalOf(found.notice)),
  });
}
