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
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min, Matches } from 'class-validator';
import { TimeRangeQueryDto } from '../../../common/http/time-range-query.dto.js';
export class AuditQueryDto extends TimeRangeQueryDto {
    constructor(...args){
        super(...args), this.limit = 100;
    }
}
_ts_decorate([
    ApiPropertyOptional({
        example: 'user:u_123'
    }),
    IsOptional(),
    IsString(),
    _ts_metadata("design:type", String)
], AuditQueryDto.prototype, "actor", void 0);
_ts_decorate([
    ApiPropertyOptional({
        example: 'session.opened'
    }),
    IsOptional(),
    IsString(),
    _ts_metadata("design:type", String)
], AuditQueryDto.prototype, "action", void 0);
_ts_decorate([
    ApiPropertyOptional({
        example: 'ses_…'
    }),
    IsOptional(),
    IsString(),
    _ts_metadata("design:type", String)
], AuditQueryDto.prototype, "subject", void 0);
_ts_decorate([
    ApiPropertyOptional({
        description: 'nextCursor of the previous page'
    }),
    IsOptional(),
    Matches(/^\d{1,15}$/, {
        message: 'cursor must be the nextCursor of a previous page'
    }),
    _ts_metadata("design:type", String)
], AuditQueryDto.prototype, "cursor", void 0);
_ts_decorate([
    ApiPropertyOptional({
        default: 100,
        minimum: 1,
        maximum: 1000
    }),
    IsOptional(),
    Type(()=>Number),
    IsInt(),
    Min(1),
    Max(1000)
], AuditQueryDto.prototype, "limit", void 0);

//# sourceMappingURL=audit-query.dto.js.map