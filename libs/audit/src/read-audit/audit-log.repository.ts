import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { maskPersonalNumbers } from '../domain/masked-numbers';
import type { AuditEntry } from './audit-entry';

export interface AuditFilter {
  readonly stationId?: string;
  readonly actor?: string;
  readonly from?: Date;
  readonly to?: Date;
  readonly before?: string;
  readonly limit: number;
}

interface AuditRow {
  position: string;
  occurred_at: Date;
  event_type: string;
  stream_id: string;
  actor: string | null;
  station_id: string | null;
  correlation_id: string | null;
}

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

function shanghaiIso(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().replace('Z', '+08:00');
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    position: row.position,
    at: shanghaiIso(row.occurred_at),
    actor: row.actor ?? 'unknown',
    stationId: row.station_id,
    action: row.event_type,
    streamId: maskPersonalNumbers(row.stream_id),
    correlationId: row.correlation_id && maskPersonalNumbers(row.correlation_id),
  };
}

/**
 * Reads the audit view straight from the event log's metadata, newest first. Only the filters
 * given become conditions, so a station's or an actor's listing walks its own index
 * (events_audit_station, events_audit_actor) backwards from the newest entry.
 */
@Injectable()
export class AuditLog {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async entries(filter: AuditFilter): Promise<AuditEntry[]> {
    const conditions: string[] = [];
    const values: unknown[] = [];
    const where = (condition: string, value: unknown) => {
      values.push(value);
      conditions.push(condition.replace('?', `$${values.length}`));
    };
    if (filter.stationId !== undefined) where(`metadata ->> 'stationId' = ?`, filter.stationId);
    if (filter.actor !== undefined) where(`metadata ->> 'actor' = ?`, filter.actor);
    if (filter.from) where('occurred_at >= ?', filter.from);
    if (filter.to) where('occurred_at < ?', filter.to);
    if (filter.before !== undefined) where('global_position < ?::bigint', filter.before);
    values.push(filter.limit);
    const rows: AuditRow[] = await this.db.query(
      `SELECT global_position::text AS position, occurred_at, event_type, stream_id,
              metadata ->> 'actor' AS actor, metadata ->> 'stationId' AS station_id,
              metadata ->> 'correlationId' AS correlation_id
         FROM events
        ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
        ORDER BY global_position DESC
        LIMIT $${values.length}`,
      values,
    );
    return rows.map(toEntry);
  }
}
