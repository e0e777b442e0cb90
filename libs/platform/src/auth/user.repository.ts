import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Role } from './principal';

export interface UserRecord {
  username: string;
  passwordHash: string;
  role: Role;
  stationId: string | null;
}

interface UserRow {
  username: string;
  password_hash: string;
  role: Role;
  station_id: string | null;
}

const toRecord = (row: UserRow): UserRecord => ({
  username: row.username,
  passwordHash: row.password_hash,
  role: row.role,
  stationId: row.station_id,
});

@Injectable()
export class UserRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async find(username: string): Promise<UserRecord | undefined> {
    const rows: UserRow[] = await this.db.query('SELECT * FROM app_user WHERE username = $1', [
      username,
    ]);
    return rows[0] && toRecord(rows[0]);
  }

  async list(): Promise<UserRecord[]> {
    const rows: UserRow[] = await this.db.query('SELECT * FROM app_user ORDER BY username');
    return rows.map(toRecord);
  }

  /** Returns false when the username is taken. */
  async insert(user: UserRecord): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `INSERT INTO app_user (username, password_hash, role, station_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (username) DO NOTHING RETURNING username`,
      [user.username, user.passwordHash, user.role, user.stationId],
    );
    return rows.length === 1;
  }
}
