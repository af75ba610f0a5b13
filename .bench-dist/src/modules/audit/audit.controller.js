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
import { Readable } from 'node:stream';
import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { TimeRangeQueryDto } from '../../common/http/time-range-query.dto.js';
import { OperatorAuth } from '../../common/auth/auth.decorator.js';
import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';
import { AuditExport } from './audit-export.js';
import { AuditLog } from './audit-log.service.js';
import { AuditQueryDto } from './dto/audit-query.dto.js';
export class AuditController {
    constructor(audit, exporter){
        this.audit = audit;
        this.exporter = exporter;
    }
    list(query) {
        return this.audit.list({
            actor: query.actor,
            action: query.action,
            subject: query.subject,
            from: query.from,
            to: query.to,
            after: query.cursor === undefined ? undefined : Number(query.cursor),
            limit: query.limit
        });
    }
    export(query) {
        const lines = this.exporter.lines(query.from, query.to);
        const stream = Readable.from(async function*() {
            for await (const line of lines)yield `${line}\n`;
        }());
        return new StreamableFile(stream, {
            type: 'application/x-ndjson',
            disposition: `attachment; filename="switchboard-audit-${new Date().toISOString().slice(0, 10)}.jsonl"`
        });
    }
    verify() {
        return this.audit.verify();
    }
}
_ts_decorate([
    Get(),
    ApiOperation({
        summary: 'Audit entries, oldest first, filtered and paginated by cursor'
    }),
    ApiOkResponse(),
    ApiProblemResponses(400),
    _ts_param(0, Query()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof AuditQueryDto === "undefined" ? Object : AuditQueryDto
    ]),
    _ts_metadata("design:returntype", typeof Promise === "undefined" ? Object : Promise)
], AuditController.prototype, "list", null);
_ts_decorate([
    Get('export'),
    ApiOperation({
        summary: 'A signed JSONL bundle of the chain between from and to; verify offline with npm run audit:verify'
    }),
    ApiProduces('application/x-ndjson'),
    ApiProblemResponses(400),
    _ts_param(0, Query()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof TimeRangeQueryDto === "undefined" ? Object : TimeRangeQueryDto
    ]),
    _ts_metadata("design:returntype", typeof StreamableFile === "undefined" ? Object : StreamableFile)
], AuditController.prototype, "export", null);
_ts_decorate([
    Get('verify'),
    ApiOperation({
        summary: 'Recompute the hash chain; report the first broken entry, if any'
    }),
    ApiOkResponse(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", []),
    _ts_metadata("design:returntype", typeof Promise === "undefined" ? Object : Promise)
], AuditController.prototype, "verify", null);
AuditController = _ts_decorate([
    ApiTags('admin: audit'),
    OperatorAuth('auditor'),
    Controller('v1/admin/audit'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof AuditLog === "undefined" ? Object : AuditLog,
        typeof AuditExport === "undefined" ? Object : AuditExport
    ])
], AuditController);

//# sourceMappingURL=audit.controller.js.map