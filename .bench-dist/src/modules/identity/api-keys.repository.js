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
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
export class ApiKeysRepository {
    constructor(dataSource){
        this.dataSource = dataSource;
    }
    async insert(key, tx) {
        const [row] = await tx.query(`INSERT INTO api_keys (id, name, prefix, key_hash, roles, created_by)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`, [
            key.id,
            key.name,
            key.prefix,
            key.keyHash,
            key.roles,
            key.createdBy
        ]);
        return row;
    }
    /** Every key, revoked ones included, oldest first. */ async list() {
        return await this.dataSource.query(`SELECT * FROM api_keys ORDER BY created_at, id`);
    }
    /** Keeps the first revocation time; undefined if there is no such key. */ async revoke(id, tx) {
        const [rows] = await tx.query(`UPDATE api_keys SET revoked_at = coalesce(revoked_at, now()) WHERE id = $1 RETURNING *`, [
            id
        ]);
        return rows?.[0];
    }
    async findByHash(hash) {
        const [row] = await this.dataSource.query(`SELECT * FROM api_keys WHERE key_hash = $1`, [
            hash
        ]);
        return row;
    }
    async touchLastUsed(id) {
        await this.dataSource.query(`UPDATE api_keys SET last_used_at = now() WHERE id = $1`, [
            id
        ]);
    }
}
ApiKeysRepository = _ts_decorate([
    Injectable(),
    _ts_param(0, InjectDataSource()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof DataSource === "undefined" ? Object : DataSource
    ])
], ApiKeysRepository);

//# sourceMappingURL=api-keys.repository.js.map