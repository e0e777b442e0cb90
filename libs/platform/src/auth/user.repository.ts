import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Role } from './principal';

export interface NewUser {
  username: string;
  passwordHash: string;
  role: Role;
  stationId: string | null;
}

export interface UserRecord extends NewUser {
  /** Written into each token at login; a token of an older generation is revoked. */
  tokenGeneration: number;
}

interface UserRow {
  username: string;
  password_hash: string;
  role: Role;
  station_id: string | null;
  token_generation: number;
}

const toRecord = (row: UserRow): UserRecord => ({
  username: row.username,
  passwordHash: row.password_hash,
  role: row.role,
  stationId: row.station_id,
  tokenGeneration: row.token_generation,
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
  async insert(user: NewUser): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `INSERT INTO app_user (username, password_hash, role, station_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (username) DO NOTHING RETURNING username`,
      [user.username, user.passwordHash, user.role, user.stationId],
    );
    return rows.length === 1;
  }

  /** The user's current token generation; undefined when there is no such user. */
  async tokenGeneration(username: string): Promise<number | undefined> {
    const rows: { token_generation: number }[] = await this.db.query(
      'SELECT token_generation FROM app_user WHERE username = $1',
      [username],
    );
    return rows[0]?.token_generation;
  }

  /** Raises the user's token generation; undefined when there is no such user. */
  async revokeTokens(username: string): Promise<number | undefined> {
    const [rows]: [{ token_generation: number }[], number] = await this.db.query(
      `UPDATE app_user SET token_generation = token_generation + 1 WHERE username = $1
       RETURNING token_generation`,
      [username],
    );
    return rows[0]?.token_generation;
  }
}
