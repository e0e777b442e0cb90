import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Coverage of the service circle. `coverage_geography_layer` holds imported GeoJSON layers by
 * content hash, written by the import before its event and never changed (not a read model: a
 * rebuild reads it). The rest is the `coverage` projection's read model: the geography in
 * force, each station as folded from its stream, the communities in result order, and per
 * basis, mode and item the minutes of every community and the population within each minute.
 */
export class CreateCoverageTables1733700000000 implements MigrationInterface {
  name = 'CreateCoverageTables1733700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE coverage_geography_layer (
        hash      text        PRIMARY KEY,
        layer     text        NOT NULL,
        features  int         NOT NULL,
        body      jsonb       NOT NULL,
        stored_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE coverage_geography (
        region       text        PRIMARY KEY,
        geography_id text        NOT NULL,
        data         jsonb       NOT NULL,
        imported_at  timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE coverage_station (
        station_id text  PRIMARY KEY,
        state      jsonb NOT NULL
      )`);
    await q.query(`
      CREATE TABLE coverage_community (
        ordinal      int              PRIMARY KEY,
        community_id text             NOT NULL,
        name         text,
        population   bigint           NOT NULL,
        lon          double precision NOT NULL,
        lat          double precision NOT NULL,
        geography_id text             NOT NULL
      )`);
    await q.query(`
      CREATE TABLE coverage_result (
        basis             text        NOT NULL,
        mode              text        NOT NULL,
        business          text        NOT NULL,
        geography_id      text        NOT NULL,
        source_key        text        NOT NULL,
        stations          text[]      NOT NULL,
        population        bigint      NOT NULL,
        covered_by_minute bigint[]    NOT NULL,
        minutes           real[]      NOT NULL,
        computed_at       timestamptz NOT NULL,
        PRIMARY KEY (basis, mode, business)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'coverage_result',
      'coverage_community',
      'coverage_station',
      'coverage_geography',
      'coverage_geography_layer',
    ])
      await q.query(`DROP TABLE ${table}`);
  }
}
