import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { BusinessCode } from '@circle/stations';
import { StationNotFound } from '../../../stations/src/domain/station.errors';
import type { TicketClass } from '../domain/priority-class';

export interface StationRow {
  readonly station_id: string;
  readonly fairness_ratio: number;
}

export interface CounterRow {
  readonly counter_id: string;
  readonly status: 'open' | 'paused' | 'closed';
  readonly skills: BusinessCode[];
  readonly clerk: string | null;
  readonly current_ticket_id: string | null;
  readonly current_number: string | null;
  readonly current_status: string | null;
}

export interface WaitingRow {
  readonly ticket_id: string;
  readonly serial: number;
  readonly number: string;
  readonly business: BusinessCode;
  readonly priority_class: TicketClass;
  readonly arrived_at: Date;
  readonly reserved_counter_id: string | null;
  readonly transferred_from: string | null;
}

export interface FiguresRow {
  readonly clerk?: string;
  readonly issued?: string;
  readonly called?: string;
  readonly served: string;
  readonly no_shows: string;
  readonly waiting?: string;
  readonly average_wait_seconds: string | null;
  readonly average_service_seconds: string | null;
}

/** The one place the walk-in read models are queried. */
@Injectable()
export class WalkinsReadModel {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async station(stationId: string): Promise<StationRow> {
    const rows: StationRow[] = await this.db.query(
      'SELECT station_id, fairness_ratio FROM walkins_station WHERE station_id = $1',
      [stationId],
    );
    if (!rows[0]) throw new StationNotFound(stationId);
    return rows[0];
  }

  counters(stationId: string, day: string): Promise<CounterRow[]> {
    return this.db.query(
      `SELECT c.counter_id, c.status, c.skills, c.clerk, t.ticket_id AS current_ticket_id,
              t.number AS current_number, t.status AS current_status
       FROM walkins_counter c
       LEFT JOIN walkins_ticket t ON t.station_id = c.station_id AND t.day = $2
        AND t.counter_id = c.counter_id AND t.status IN ('called', 'serving')
       WHERE c.station_id = $1 ORDER BY c.position`,
      [stationId, day],
    );
  }

  waiting(stationId: string, day: string): Promise<WaitingRow[]> {
    return this.db.query(
      `SELECT ticket_id, serial, number, business, priority_class, arrived_at,
              reserved_counter_id, transferred_from
       FROM walkins_ticket WHERE station_id = $1 AND day = $2 AND status = 'waiting'`,
      [stationId, day],
    );
  }

  async priorityStreak(stationId: string, day: string): Promise<number> {
    const rows: { priority_streak: number }[] = await this.db.query(
      'SELECT priority_streak FROM walkins_queue_day WHERE station_id = $1 AND day = $2',
      [stationId, day],
    );
    return rows[0]?.priority_streak ?? 0;
  }

  /** Recent service seconds per business, newest last, as the moving average reads them. */
  async serviceSeconds(
    stationId: string,
    day: string,
    window: number,
  ): Promise<Partial<Record<BusinessCode, number[]>>> {
    const rows: { business: BusinessCode; seconds: number[] }[] = await this.db.query(
      `SELECT business, array_agg(service_seconds ORDER BY finished_at) AS seconds FROM (
         SELECT business, service_seconds, finished_at,
                row_number() OVER (PARTITION BY business ORDER BY finished_at DESC) AS recent
         FROM walkins_ticket
         WHERE station_id = $1 AND day = $2 AND status = 'done'
       ) t WHERE recent <= $3 GROUP BY business`,
      [stationId, day, window],
    );
    return Object.fromEntries(rows.map((r) => [r.business, r.seconds]));
  }

  async today(stationId: string, day: string): Promise<FiguresRow> {
    const rows: FiguresRow[] = await this.db.query(
      `SELECT count(*) FILTER (WHERE transferred_from IS NULL) AS issued,
              count(*) FILTER (WHERE status = 'done') AS served,
              count(*) FILTER (WHERE status = 'no-show') AS no_shows,
              count(*) FILTER (WHERE status = 'waiting') AS waiting,
              avg(extract(epoch FROM called_at - arrived_at)) AS average_wait_seconds,
              avg(service_seconds) AS average_service_seconds
       FROM walkins_ticket WHERE station_id = $1 AND day = $2`,
      [stationId, day],
    );
    return rows[0] as FiguresRow;
  }

  clerksToday(stationId: string, day: string): Promise<FiguresRow[]> {
    return this.db.query(
      `SELECT clerk,
              count(*) FILTER (WHERE called_at IS NOT NULL) AS called,
              count(*) FILTER (WHERE status = 'done') AS served,
              count(*) FILTER (WHERE status = 'no-show') AS no_shows,
              avg(extract(epoch FROM called_at - arrived_at)) AS average_wait_seconds,
              avg(service_seconds) AS average_service_seconds
       FROM walkins_ticket WHERE station_id = $1 AND day = $2 AND clerk IS NOT NULL
       GROUP BY clerk ORDER BY clerk`,
      [stationId, day],
    );
  }
}
