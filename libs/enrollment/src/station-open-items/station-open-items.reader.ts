import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** A pending qualification or transfer as the station's clerks see it in their open list. */
export interface OpenItem {
  readonly kind: 'qualification' | 'transfer';
  readonly id: string;
  readonly residentId: string;
  readonly maskedName: string;
  /** The disease code, or the regions "from → to". */
  readonly what: string;
  readonly stationId: string;
  readonly receivedAt: string;
  readonly deadline: string;
  readonly overdue: boolean;
  readonly minutesLeft: number;
}

/** A station's list stays short in practice; the cap keeps one answer small whatever happens. */
export const OPEN_ITEMS_LIMIT = 200;

const COLUMNS = `resident_id AS "residentId", masked_name AS "maskedName",
  station_id AS "stationId", deadline, deadline < now() AS overdue,
  floor(extract(epoch FROM deadline - now()) / 60)::int AS "minutesLeft"`;

const SOURCES = {
  qualification: `SELECT 'qualification' AS kind, qualification_id AS id, disease AS what,
      applied_at AS "receivedAt", ${COLUMNS} FROM enrollment_qualification`,
  transfer: `SELECT 'transfer' AS kind, transfer_id AS id, from_region || ' → ' || to_region AS what,
      requested_at AS "receivedAt", ${COLUMNS} FROM enrollment_transfer`,
};

/**
 * The pending items received at a station (every station's when stationId is null), the most
 * urgent first, from the deadlines projection (a moment behind the log).
 */
@Injectable()
export class StationOpenItems {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async pending(kind: 'qualification' | 'transfer', stationId: string | null): Promise<OpenItem[]> {
    const rows: (OpenItem & { deadline: Date; receivedAt: Date })[] = await this.db.query(
      `${SOURCES[kind]} WHERE status = 'pending' AND ($1::text IS NULL OR station_id = $1)
       ORDER BY deadline LIMIT ${OPEN_ITEMS_LIMIT}`,
      [stationId],
    );
    return rows.map((r) => ({
      ...r,
      deadline: r.deadline.toISOString(),
      receivedAt: r.receivedAt.toISOString(),
    }));
  }
}
