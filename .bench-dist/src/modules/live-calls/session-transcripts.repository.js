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
export class SessionTranscriptsRepository {
    constructor(dataSource){
        this.dataSource = dataSource;
    }
    async append(sessionId, role, text) {
        await this.dataSource.query(`INSERT INTO session_transcripts (session_id, role, text) VALUES ($1, $2, $3)`, [
            sessionId,
            role,
            text
        ]);
    }
    /** The session's last `limit` lines, oldest first. */ async recent(sessionId, limit) {
        return await this.dataSource.query(`SELECT role, text, at FROM (
         SELECT id, role, text, at FROM session_transcripts WHERE session_id = $1
         ORDER BY id DESC LIMIT $2) recent
       ORDER BY id`, [
            sessionId,
            limit
        ]);
    }
}
SessionTranscriptsRepository = _ts_decorate([
    Injectable(),
    _ts_param(0, InjectDataSource()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof DataSource === "undefined" ? Object : DataSource
    ])
], SessionTranscriptsRepository);

//# sourceMappingURL=session-transcripts.repository.js.map