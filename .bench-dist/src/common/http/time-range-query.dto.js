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
import { IsDate, IsOptional } from 'class-validator';
/** `from` (inclusive) and `to` (exclusive) ISO timestamps, shared by admin list queries. */ export class TimeRangeQueryDto {
}
_ts_decorate([
    ApiPropertyOptional({
        type: String,
        format: 'date-time'
    }),
    IsOptional(),
    Type(()=>Date),
    IsDate(),
    _ts_metadata("design:type", typeof Date === "undefined" ? Object : Date)
], TimeRangeQueryDto.prototype, "from", void 0);
_ts_decorate([
    ApiPropertyOptional({
        type: String,
        format: 'date-time'
    }),
    IsOptional(),
    Type(()=>Date),
    IsDate(),
    _ts_metadata("design:type", typeof Date === "undefined" ? Object : Date)
], TimeRangeQueryDto.prototype, "to", void 0);

//# sourceMappingURL=time-range-query.dto.js.map