import { timingSafeEqual } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { UnauthenticatedError } from '../../common/auth/auth.errors.js';
import type { OperatorRole } from '../../common/auth/operator-roles.js';
import type { Principal } from '../../common/auth/principal.js';
import { newId } from '../../common/ids.js';
import { type AuditActor, AuditLog } from '../audit/index.js';
import { displayPrefix, generateApiKey, hashApiKey } from './api-key-secret.js';
import { type ApiKeyRow, ApiKeysRepository } from './api-keys.repository.js';
import { ApiKeyNotFoundError } from './identity.errors.js';

export interface ApiKeySummary {
  readonly id: string;
  readonly name: string;
  readonly prefix: string;
  readonly roles: string[];
  readonly createdBy: string;
  readonly createdAt: string;
  readonly lastUsedAt: string | null;
  readonly revokedAt: string | null;
}

/** `last_used_at` is written at most this often per key, not on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

/**
 * Operators' API keys: shown once at creation, stored only as SHA-256, looked up by hash (the
 * lookup reveals nothing about the key), refused the moment they are revoked.
 */
@Injectable()
export class ApiKeysService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly keys: ApiKeysRepository,
  ) {}

  async create(
    name: string,
    roles: OperatorRole[],
    createdBy: AuditActor,
  ): Promise<{ key: string; summary: ApiKeySummary }> {
    const key = generateApiKey();
    const id = newId('key');
    const summary = await this.dataSource.transaction(async (tx) => {
      const row = await this.keys.insert(
        { id, name, prefix: displayPrefix(key), keyHash: hashApiKey(key), roles, createdBy },
        tx,
      );
      await this.audit.append(
        { actor: createdBy, action: 'api_key.created', subject: id, data: { name, roles } },
        tx,
      );
      return toSummary(row);
    });
    return { key, summary };
  }

  async list(): Promise<ApiKeySummary[]> {
    return (await this.keys.list()).map(toSummary);
  }

  /** Revokes at once; revoking twice is harmless and keeps the first revocation time. */
  async revoke(id: string, revokedBy: AuditActor): Promise<ApiKeySummary> {
    return this.dataSource.transaction(async (tx) => {
      const row = await this.keys.revoke(id, tx);
      if (!row) throw new ApiKeyNotFoundError(id);
      await this.audit.append({ actor: revokedBy, action: 'api_key.revoked', subject: id }, tx);
      return toSummary(row);
    });
  }

  async authenticate(key: string): Promise<Principal> {
    const hash = hashApiKey(key);
    const row = await this.keys.findByHash(hash);
    if (!row || !timingSafeEqual(row.key_hash, hash) || row.revoked_at) {
      throw new UnauthenticatedError('The API key is unknown or has been revoked.');
    }
    if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > LAST_USED_RESOLUTION_MS) {
      await this.keys.touchLastUsed(row.id);
    }
    return { kind: 'api-key', id: row.id, tenantId: null, roles: row.roles, name: row.name };
  }
}

function toSummary(row: ApiKeyRow): ApiKeySummary {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    roles: row.roles,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    revokedAt: row.revoked_at?.toISOString() ?? null,
  };
}
