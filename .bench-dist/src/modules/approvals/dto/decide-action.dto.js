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
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
export class ApproveActionDto {
}
_ts_decorate([
    ApiProperty({
        description: 'The digest shown with the action: proves what you approved'
    }),
    IsString(),
    Matches(/^[0-9a-f]{64}$/, {
        message: 'digest must be the 64-character hex digest of the action'
    }),
    _ts_metadata("design:type", String)
], ApproveActionDto.prototype, "digest", void 0);
_ts_decorate([
    ApiPropertyOptional(),
    IsOptional(),
    IsString(),
    MaxLength(1000),
    _ts_metadata("design:type", String)
], ApproveActionDto.prototype, "comment", void 0);
export class RejectActionDto {
}
_ts_decorate([
    ApiProperty({
        description: 'Why; the caller may hear it'
    }),
    IsString(),
    MinLength(3),
    MaxLength(1000),
    _ts_metadata("design:type", String)
], RejectActionDto.prototype, "reason", void 0);
export class RollbackActionDto {
}
_ts_decorate([
    ApiProperty(),
    IsString(),
    MinLength(3),
    MaxLength(1000),
    _ts_metadata("design:type", String)
], RollbackActionDto.prototype, "reason", void 0);

//# sourceMappingURL=decide-action.dto.js.map