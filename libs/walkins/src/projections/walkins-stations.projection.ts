import type { Projection, ProjectionTx } from '@circle/projections';
import { STATION_EVENT_TYPES, StationEvent } from '../../../stations/src/domain/station.events';

export const WALKINS_STATIONS_PROJECTION = 'walkins_stations';

const json = (value: unknown) => JSON.stringify(value);

async function registered(
  tx: ProjectionTx,
  d: Extract<StationEvent, { type: 'stations.StationRegistered' }>['data'],
): Promise<void> {
  await tx.query(
    `INSERT INTO ${tx.table('walkins_station')} (station_id, kind, name, name_en, tier, location,
       businesses, opening_hours, fairness_ratio)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8::jsonb, $9)
     ON CONFLICT (station_id) DO NOTHING`,
    [
      d.stationId,
      d.kind,
      d.name,
      d.nameEn,
      d.tier ?? null,
      json(d.location),
      d.businesses,
      json(d.openingHours),
      d.fairnessRatio,
    ],
  );
}

async function detailsChanged(
  tx: ProjectionTx,
  stationId: string,
  d: Extract<StationEvent, { type: 'stations.StationDetailsChanged' }>['data'],
): Promise<void> {
  await tx.query(
    `UPDATE ${tx.table('walkins_station')} SET
       name = coalesce($2, name), name_en = coalesce($3, name_en),
       location = coalesce($4::jsonb, location), businesses = coalesce($5, businesses),
       opening_hours = coalesce($6::jsonb, opening_hours),
       fairness_ratio = coalesce($7, fairness_ratio)
     WHERE station_id = $1`,
    [
      stationId,
      d.name ?? null,
      d.nameEn ?? null,
      d.location ? json(d.location) : null,
      d.businesses ?? null,
      d.openingHours ? json(d.openingHours) : null,
      d.fairnessRatio ?? null,
    ],
  );
}

const STATUS = {
  'stations.CounterOpened': 'open',
  'stations.CounterPaused': 'paused',
  'stations.CounterClosed': 'closed',
} as const;

/** Stations and their counters (state, skills, who holds each) for the supervisor. */
export function walkinsStationsProjection(
  topics: readonly string[] = ['circle.stations'],
): Projection {
  return {
    name: WALKINS_STATIONS_PROJECTION,
    topics,
    tables: ['walkins_station', 'walkins_counter'],
    handles: (type) => (STATION_EVENT_TYPES as readonly string[]).includes(type),
    async apply(event, tx) {
      const stationId = event.streamId.replace(/^station-/, '');
      const e = { type: event.type, data: event.data } as StationEvent;
      const counters = tx.table('walkins_counter');
      switch (e.type) {
        case 'stations.StationRegistered':
          return registered(tx, e.data);
        case 'stations.StationDetailsChanged':
          return detailsChanged(tx, stationId, e.data);
        case 'stations.CounterAdded':
          await tx.query(
            `INSERT INTO ${counters} (station_id, counter_id, position, status, skills)
             VALUES ($1, $2, $3, 'closed', $4) ON CONFLICT DO NOTHING`,
            [stationId, e.data.counterId, event.streamVersion, e.data.skills],
          );
          return;
        case 'stations.CounterSkillsChanged':
          await tx.query(
            `UPDATE ${counters} SET skills = $3 WHERE station_id = $1 AND counter_id = $2`,
            [stationId, e.data.counterId, e.data.skills],
          );
          return;
        case 'stations.CounterRemoved':
          await tx.query(`DELETE FROM ${counters} WHERE station_id = $1 AND counter_id = $2`, [
            stationId,
            e.data.counterId,
          ]);
          return;
        default:
          await tx.query(
            `UPDATE ${counters} SET status = $3, clerk = $4 WHERE station_id = $1 AND counter_id = $2`,
            [stationId, e.data.counterId, STATUS[e.type], e.data.clerk],
          );
      }
    },
  };
}
