import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import {
  loadPersonKeyring,
  openNotice,
  sealedNoticeResident,
  type StoredEvent,
} from '@circle/event-store';
import { APP_CONFIG, loadPersonalDataMasterKey, type AppConfig } from '@circle/platform';
import { SMS_POOL } from '../store/sms-pool';

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
    const people = [...new Set(events.flatMap((e) => sealedNoticeResident(e) ?? []))];
    if (people.length === 0) return [...events];
    const query = async (sql: string, params: unknown[]) => (await this.db.query(sql, params)).rows;
    const keyring = await loadPersonKeyring(query, this.masterKey, people);
    return events.map((event) => openNotice(keyring, event));
  }
}
