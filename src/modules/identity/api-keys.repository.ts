import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  key_hash: Buffer;
  roles: string[];
  created_by: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

/** What a new key is stored with; the rest takes the table's defaults. */
export interface NewApiKey {
  readonly id: string;
  readonly name: string;
  readonly prefix: string;
  /** SHA-256 of the key: the plaintext is never stored. */
  readonly keyHash: Buffer;
  readonly roles: readonly string[];
  readonly createdBy: string;
}

/** The only place the `api_keys` table is read or written. */
@Injectable()
export class ApiKeysRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(key: NewApiKey, tx: EntityManager): Promise<ApiKeyRow> {
    const [row] = (await tx.query(
      `INSERT INTO api_keys (id, name, prefix, key_hash, roles, created_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [key.id, key.name, key.prefix, key.keyHash, key.roles, key.createdBy],
    )) as ApiKeyRow[];
    return row;
  }

  /** Every key, revoked ones included, oldest first. */
  async list(): Promise<ApiKeyRow[]> {
    return (await this.dataSource.query(
      `SELECT * FROM api_keys ORDER BY created_at, id`,
    )) as ApiKeyRow[];
  }

  /** Keeps the first revocation time; undefined if there is no such key. */
  async revoke(id: string, tx: EntityManager): Promise<ApiKeyRow | undefined> {
    const [rows] = (await tx.query(
      `UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 RETURNING *`,
      [id],
    )) as [ApiKeyRow[], number];
    return rows?.[0];
  }

  async findByHash(hash: Buffer): Promise<ApiKeyRow | undefined> {
    const [row] = (await this.dataSource.query(`SELECT * FROM api_keys WHERE key_hash = $1`, [
      hash,
    ])) as ApiKeyRow[];
    return row;
  }

  async touchLastUsed(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE api_keys SET last_used_at = now() WHERE id = $1`, [id]);
  }
}
