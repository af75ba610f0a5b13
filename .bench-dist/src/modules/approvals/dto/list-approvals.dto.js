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
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
const STATUSES = [
    'pending',
    'approved',
    'executing',
    'executed',
    'failed',
    'rejected',
    'expired',
    'cancelled',
    'rolling_back',
    'rolled_back',
    'rollback_failed'
];
export class ListApprovalsDto {
    constructor(){
        this.limit = 50;
    }
}
_ts_decorate([
    ApiPropertyOptional({
        enum: STATUSES
    }),
    IsOptional(),
    IsIn(STATUSES),
    _ts_metadata("design:type", String)
], ListApprovalsDto.prototype, "status", void 0);
_ts_decorate([
    ApiPropertyOptional(),
    IsOptional(),
    IsString(),
    MaxLength(64),
    _ts_metadata("design:type", String)
], ListApprovalsDto.prototype, "tool", void 0);
_ts_decorate([
    ApiPropertyOptional(),
    IsOptional(),
    IsString(),
    MaxLength(200),
    _ts_metadata("design:type", String)
], ListApprovalsDto.prototype, "tenant", void 0);
_ts_decorate([
    ApiPropertyOptional({
        description: 'nextCursor of the previous page'
    }),
    IsOptional(),
    IsString(),
    MaxLength(64),
    _ts_metadata("design:type", String)
], ListApprovalsDto.prototype, "cursor", void 0);
_ts_decorate([
    ApiPropertyOptional({
        default: 50,
        minimum: 1,
        maximum: 500
    }),
    IsOptional(),
    Type(()=>Number),
    IsInt(),
    Min(1),
    Max(500)
], ListApprovalsDto.prototype, "limit", void 0);

//# sourceMappingURL=list-approvals.dto.js.map