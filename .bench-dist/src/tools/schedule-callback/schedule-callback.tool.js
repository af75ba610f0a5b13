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
import { DomainError } from '../../common/errors/domain.error.js';
import { newId } from '../../common/ids.js';
import { Tool } from '../../modules/tools/index.js';
import { ScheduleCallbackInput } from './schedule-callback.input.js';
const MAX_DAYS_AHEAD = 30;
let CallbackTimeError = class CallbackTimeError extends DomainError {
    constructor(){
        super({
            code: 'CALLBACK_TIME_INVALID',
            status: 422,
            title: 'Callback time not possible',
            detail: `A callback must be in the future and at most ${MAX_DAYS_AHEAD} days ahead.`
        });
    }
};
export class ScheduleCallbackTool {
    constructor(dataSource){
        this.dataSource = dataSource;
    }
    async execute(input, ctx) {
        const at = new Date(input.when);
        const ahead = at.getTime() - Date.now();
        if (!(ahead > 0 && ahead <= MAX_DAYS_AHEAD * 86_400_000)) throw new CallbackTimeError();
        const callbackId = newId('cb');
        const [row] = await this.dataSource.query(`INSERT INTO demo_callbacks (id, tenant_id, user_id, at, phone, topics, note, idempotency_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (idempotency_key) DO UPDATE SET idempotency_key = EXCLUDED.idempotency_key
       RETURNING id, at`, [
            callbackId,
            ctx.tenantId ?? '',
            ctx.principal.id,
            at,
            input.contact.phone,
            input.topics,
            input.note ?? null,
            ctx.idempotencyKey
        ]);
        return {
            callbackId: row.id,
            at: new Date(row.at).toISOString()
        };
    }
    async compensate(_input, result) {
        const [rows] = await this.dataSource.query(`UPDATE demo_callbacks SET status = 'cancelled' WHERE id = $1 AND status = 'scheduled' RETURNING id`, [
            result.callbackId
        ]);
        return {
            cancelled: rows.length === 1
        };
    }
}
ScheduleCallbackTool = _ts_decorate([
    Tool({
        name: 'schedule_callback',
        description: 'Book a phone callback from a person at a time the caller chooses.',
        input: ScheduleCallbackInput,
        reversibility: 'reversible',
        redact: [
            'contact.phone'
        ],
        rateLimit: {
            perSession: {
                limit: 3,
                windowSeconds: 3600
            }
        },
        idempotent: true
    }),
    Injectable(),
    _ts_param(0, InjectDataSource()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof DataSource === "undefined" ? Object : DataSource
    ])
], ScheduleCallbackTool);

//# sourceMappingURL=schedule-callback.tool.js.map