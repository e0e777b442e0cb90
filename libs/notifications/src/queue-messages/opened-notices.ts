import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { isSealed, loadPersonKeyring, type StoredEvent } from '@circle/event-store';
import { APP_CONFIG, loadPersonalDataMasterKey, type AppConfig } from '@circle/platform';
import { SMS_POOL } from '../store/sms-pool';

const NOTICE_FIELDS = ['phone', 'maskedName'] as const;

interface NoticeOfResident {
  readonly residentId: string;
  readonly notice: Record<string, unknown>;
}

/** The resident and notice of an event whose notice holds a value sealed with their key. */
function sealedNotice(event: StoredEvent): NoticeOfResident | undefined {
  const data = event.data as { residentId?: unknown; notice?: unknown } | null;
  if (typeof data?.residentId !== 'string') return undefined;
  const notice = data.notice as Record<string, unknown> | null | undefined;
  if (!notice || !NOTICE_FIELDS.some((f) => isSealed(notice[f]))) return undefined;
  return { residentId: data.residentId, notice };
}

/**
 * The phone and name of a notice are sealed with the resident's key in the log: the notifier
 * opens them here, one key lookup per chunk, before it words and sends anything. A person
 * erased meanwhile reads as erased, which is no mobile number, so nothing is sent to them.
 */
@Injectable()
export class OpenedNotices {
  private readonly masterKey: Buffer;

  constructor(
    @Inject(SMS_POOL) private readonly db: Pool,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.masterKey = config.personalDataMasterKey ?? loadPersonalDataMasterKey({});
  }

  async open(events: readonly StoredEvent[]): Promise<StoredEvent[]> {
    const people = [...new Set(events.flatMap((e) => sealedNotice(e)?.residentId ?? []))];
    if (people.length === 0) return [...events];
    const query = async (sql: string, params: unknown[]) => (await this.db.query(sql, params)).rows;
    const keyring = await loadPersonKeyring(query, this.masterKey, people);
    return events.map((event) => {
      const sealed = sealedNotice(event);
      if (!sealed) return event;
      const fields = Object.fromEntries(NOTICE_FIELDS.map((f) => [f, sealed.notice[f]]));
      const opened = keyring.open(sealed.residentId, fields);
      const notice = { ...sealed.notice, ...opened };
      return { ...event, data: { ...(event.data as object), notice } };
    });
  }
}
