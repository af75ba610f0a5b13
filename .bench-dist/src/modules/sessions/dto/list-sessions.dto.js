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
import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { TimeRangeQueryDto } from '../../../common/http/time-range-query.dto.js';
export class ListSessionsDto extends TimeRangeQueryDto {
    constructor(...args){
        super(...args), this.limit = 50;
    }
}
_ts_decorate([
    ApiPropertyOptional({
        enum: [
            'created',
            'connecting',
            'active',
            'ended',
            'revoked'
        ]
    }),
    IsOptional(),
    IsIn([
        'created',
        'connecting',
        'active',
        'ended',
        'revoked'
    ]),
    _ts_metadata("design:type", String)
], ListSessionsDto.prototype, "state", void 0);
_ts_decorate([
    ApiPropertyOptional(),
    IsOptional(),
    IsString(),
    _ts_metadata("design:type", String)
], ListSessionsDto.prototype, "user", void 0);
_ts_decorate([
    ApiPropertyOptional(),
    IsOptional(),
    IsString(),
    _ts_metadata("design:type", String)
], ListSessionsDto.prototype, "tenant", void 0);
_ts_decorate([
    ApiPropertyOptional({
        description: 'nextCursor of the previous page'
    }),
    IsOptional(),
    IsString(),
    _ts_metadata("design:type", String)
], ListSessionsDto.prototype, "cursor", void 0);
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
], ListSessionsDto.prototype, "limit", void 0);

//# sourceMappingURL=list-sessions.dto.js.map