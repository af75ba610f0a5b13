function _ts_decorate(decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") {
        r = Reflect.decorate(decorators, target, key, desc);
    } else {
        for(var i = decorators.length - 1; i >= 0; i--){
            if (d = decorators[i]) {
                r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
            }
        }
    }
    return c > 3 && r && Object.defineProperty(target, key, r), r;
}
function _ts_metadata(metadataKey, metadataValue) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") {
        return Reflect.metadata(metadataKey, metadataValue);
    }
}
function _ts_param(paramIndex, decorator) {
    return function(target, key) {
        decorator(target, key, paramIndex);
    };
}
import { timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UnauthenticatedError } from '../../common/auth/auth.errors.js';
import { newId } from '../../common/ids.js';
import { AuditLog } from '../audit/index.js';
import { displayPrefix, generateApiKey, hashApiKey } from './api-key-secret.js';
import { ApiKeysRepository } from './api-keys.repository.js';
import { ApiKeyNotFoundError } from './identity.errors.js';
/** `last_used_at` is written at most this often per key, not on every request. */ const LAST_USED_RESOLUTION_MS = 60_000;
export class ApiKeysService {
    constructor(dataSource, audit, keys){
        this.dataSource = dataSource;
        this.audit = audit;
        this.keys = keys;
    }
    async create(name, roles, createdBy) {
        const key = generateApiKey();
        const id = newId('key');
        const summary = await this.dataSource.transaction(async (tx)=>{
            const row = await this.keys.insert({
                id,
                name,
                prefix: displayPrefix(key),
                keyHash: hashApiKey(key),
                roles,
                createdBy
            }, tx);
            await this.audit.append({
                actor: createdBy,
                action: 'api_key.created',
                subject: id,
                data: {
                    name,
                    roles
                }
            }, tx);
            return toSummary(row);
        });
        return {
            key,
            summary
        };
    }
    async list() {
        return (await this.keys.list()).map(toSummary);
    }
    /** Revokes at once; revoking twice is harmless and keeps the first revocation time. */ async revoke(id, revokedBy) {
        return this.dataSource.transaction(async (tx)=>{
            const row = await this.keys.revoke(id, tx);
            if (!row) throw new ApiKeyNotFoundError(id);
            await this.audit.append({
                actor: revokedBy,
                action: 'api_key.revoked',
                subject: id
            }, tx);
            return toSummary(row);
        });
    }
    async authenticate(key) {
        const hash = hashApiKey(key);
        const row = await this.keys.findByHash(hash);
        if (!row || !timingSafeEqual(row.key_hash, hash) || row.revoked_at) {
            throw new UnauthenticatedError('The API key is unknown or has been revoked.');
        }
        if (!row.last_used_at || Date.now() - row.last_used_at.getTime() > LAST_USED_RESOLUTION_MS) {
            await this.keys.touchLastUsed(row.id);
        }
        return {
            kind: 'api-key',
            id: row.id,
            tenantId: null,
            roles: row.roles,
            name: row.name
        };
    }
}
ApiKeysService = _ts_decorate([
    Injectable(),
    _ts_param(0, InjectDataSource()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof DataSource === "undefined" ? Object : DataSource,
        typeof AuditLog === "undefined" ? Object : AuditLog,
        typeof ApiKeysRepository === "undefined" ? Object : ApiKeysRepository
    ])
], ApiKeysService);
function toSummary(row) {
    return {
        id: row.id,
        name: row.name,
        prefix: row.prefix,
        roles: row.roles,
        createdBy: row.created_by,
        createdAt: row.created_at.toISOString(),
        lastUsedAt: row.last_used_at?.toISOString() ?? null,
        revokedAt: row.revoked_at?.toISOString() ?? null
    };
}

//# sourceMappingURL=api-keys.service.js.map