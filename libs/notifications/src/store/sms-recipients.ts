import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../domain/language';
import { SMS_POOL } from './sms-pool';

export interface Recipient {
  readonly phone: string;
  readonly language: Language;
  readonly optedOut: boolean;
  readonly optedOutAt: Date | null;
  readonly optedOutVia: string | null;
}

interface RecipientRow {
  phone: string;
  language: string | null;
  opted_out_at: Date | null;
  opted_out_via: string | null;
}

const toRecipient = (phone: string, row?: RecipientRow): Recipient => ({
  phone,
  language: isLanguage(row?.language) ? row.language : DEFAULT_LANGUAGE,
  optedOut: row?.opted_out_at != null,
  optedOutAt: row?.opted_out_at ?? null,
  optedOutVia: row?.opted_out_via ?? null,
});

/** Per phone number: whether it still wants messages, and in which language. */
@Injectable()
export class SmsRecipients {
  constructor(@Inject(SMS_POOL) private readonly db: Pool) {}

  async languages(phones: readonly string[]): Promise<Map<string, Language>> {
    const languages = new Map<string, Language>();
    if (phones.length === 0) return languages;
    const { rows } = await this.db.query<{ phone: string; language: string }>(
      'SELECT phone, language FROM sms_recipient WHERE phone = ANY($1) AND language IS NOT NULL',
      [phones],
    );
    for (const row of rows) if (isLanguage(row.language)) languages.set(row.phone, row.language);
    return languages;
  }

  async one(phone: string): Promise<Recipient> {
    const { rows } = await this.db.query<RecipientRow>(
      'SELECT phone, language, opted_out_at, opted_out_via FROM sms_recipient WHERE phone = $1',
      [phone],
    );
    return toRecipient(phone, rows[0]);
  }

  /** Opt out or back in (`via` says who asked), and set the language; absent fields stay. */
  async change(
    phone: string,
    change: { readonly optedOut?: boolean; readonly language?: Language; readonly via: string },
    now: Date,
  ): Promise<Recipient> {
    const optOut = change.optedOut === undefined ? null : change.optedOut;
    const { rows } = await this.db.query<RecipientRow>(
      `INSERT INTO sms_recipient AS r (phone, language, opted_out_at, opted_out_via, updated_at)
       VALUES ($1, $2, CASE WHEN $3::bool THEN $5::timestamptz END, CASE WHEN $3::bool THEN $4 END, $5)
       ON CONFLICT (phone) DO UPDATE SET
         language = COALESCE($2, r.language),
         opted_out_at = CASE WHEN $3::bool IS NULL THEN r.opted_out_at
                             WHEN $3::bool THEN COALESCE(r.opted_out_at, $5) END,
         opted_out_via = CASE WHEN $3::bool IS NULL THEN r.opted_out_via
                              WHEN $3::bool THEN COALESCE(r.opted_out_via, $4) END,
         updated_at = $5
       RETURNING phone, language, opted_out_at, opted_out_via`,
      [phone, change.language ?? null, optOut, change.via, now],
    );
    return toRecipient(phone, rows[0]);
  }
}
