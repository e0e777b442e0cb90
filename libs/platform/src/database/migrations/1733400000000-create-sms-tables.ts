import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notifier's record of every SMS: one row per message, written before any provider is
 * called, so the same event is never texted twice however often Kafka or BullMQ hand it over;
 * what the sandbox provider received, for the supervisor's outbox; and each phone number's
 * opt-out and language. No money is stored: amounts live in the worded text only.
 */
export class CreateSmsTables1733400000000 implements MigrationInterface {
  name = 'CreateSmsTables1733400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sms_message (
        message_id           text        PRIMARY KEY,
        event_id             text        NOT NULL,
        event_type           text        NOT NULL,
        event_at             timestamptz NOT NULL,
        phone                text        NOT NULL,
        language             text        NOT NULL,
        text                 text        NOT NULL,
        parts                int         NOT NULL,
        urgent               boolean     NOT NULL,
        provider             text        NOT NULL,
        status               text        NOT NULL CHECK (status IN
                               ('queued', 'attempting', 'sent', 'delivered', 'failed', 'rejected')),
        attempts             int         NOT NULL DEFAULT 0,
        not_before           timestamptz,
        provider_message_id  text,
        reason               text,
        queued_at            timestamptz NOT NULL,
        attempted_at         timestamptz,
        sent_at              timestamptz,
        settled_at           timestamptz,
        updated_at           timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX sms_message_phone ON sms_message (phone, queued_at DESC)');
    // The sweep that gives BullMQ back what Redis lost reads only messages not yet settled.
    await q.query(`
      CREATE INDEX sms_message_unsettled ON sms_message (updated_at)
      WHERE status IN ('queued', 'attempting')`);
    await q.query(`
      CREATE TABLE sms_sandbox_message (
        message_id   text        PRIMARY KEY,
        phone        text        NOT NULL,
        text         text        NOT NULL,
        parts        int         NOT NULL,
        received_at  timestamptz NOT NULL,
        calls        int         NOT NULL DEFAULT 1
      )`);
    await q.query(
      'CREATE INDEX sms_sandbox_message_phone ON sms_sandbox_message (phone, received_at DESC)',
    );
    await q.query(`
      CREATE TABLE sms_recipient (
        phone          text        PRIMARY KEY,
        language       text,
        opted_out_at   timestamptz,
        opted_out_via  text,
        updated_at     timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE sms_recipient');
    await q.query('DROP TABLE sms_sandbox_message');
    await q.query('DROP TABLE sms_message');
  }
}
