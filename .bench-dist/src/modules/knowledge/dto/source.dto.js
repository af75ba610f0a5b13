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
import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { REVIEW_OVERDUE_POLICIES, TRUST_TIERS } from '../../../knowledge/index.js';
const ROLE = /^[A-Za-z0-9_.:-]{1,64}$/;
const DAYS = {
    min: 1,
    max: 36_500
};
/** `POST /v1/knowledge/sources`. */ export class CreateSourceDto {
}
_ts_decorate([
    ApiProperty({
        example: 'Returns policy',
        maxLength: 200
    }),
    IsString(),
    MinLength(1),
    MaxLength(200),
    _ts_metadata("design:type", String)
], CreateSourceDto.prototype, "name", void 0);
_ts_decorate([
    ApiPropertyOptional({
        nullable: true,
        description: 'Operator keys only: the tenant that owns the source (a staff JWT gets its own).'
    }),
    IsOptional(),
    ValidateIf((_, v)=>v !== null),
    IsString(),
    MaxLength(200),
    _ts_metadata("design:type", Object)
], CreateSourceDto.prototype, "tenantId", void 0);
_ts_decorate([
    ApiProperty({
        example: [
            'customer',
            'agent'
        ],
        description: 'Callers holding at least one of these roles may read the source.'
    }),
    IsArray(),
    ArrayMinSize(1, {
        message: 'allowedRoles must name at least one role (no role reads nothing)'
    }),
    ArrayMaxSize(50),
    IsString({
        each: true
    }),
    Matches(ROLE, {
        each: true,
        message: 'each role must be 1-64 letters, digits or _ . : -'
    }),
    _ts_metadata("design:type", Array)
], CreateSourceDto.prototype, "allowedRoles", void 0);
_ts_decorate([
    ApiPropertyOptional({
        nullable: true,
        description: 'Text older than this is never returned.'
    }),
    IsOptional(),
    ValidateIf((_, v)=>v !== null),
    IsInt(),
    Min(DAYS.min),
    Max(DAYS.max),
    _ts_metadata("design:type", Object)
], CreateSourceDto.prototype, "maxAgeDays", void 0);
_ts_decorate([
    ApiPropertyOptional({
        nullable: true,
        description: 'A review falls due this long after the last.'
    }),
    IsOptional(),
    ValidateIf((_, v)=>v !== null),
    IsInt(),
    Min(DAYS.min),
    Max(DAYS.max),
    _ts_metadata("design:type", Object)
], CreateSourceDto.prototype, "reviewEveryDays", void 0);
_ts_decorate([
    ApiPropertyOptional({
        enum: REVIEW_OVERDUE_POLICIES,
        default: 'exclude'
    }),
    IsOptional(),
    IsIn(REVIEW_OVERDUE_POLICIES),
    _ts_metadata("design:type", typeof ReviewOverduePolicy === "undefined" ? Object : ReviewOverduePolicy)
], CreateSourceDto.prototype, "reviewOverdue", void 0);
_ts_decorate([
    ApiPropertyOptional({
        enum: TRUST_TIERS,
        default: 'standard'
    }),
    IsOptional(),
    IsIn(TRUST_TIERS),
    _ts_metadata("design:type", typeof TrustTier === "undefined" ? Object : TrustTier)
], CreateSourceDto.prototype, "trustTier", void 0);
_ts_decorate([
    ApiPropertyOptional({
        nullable: true,
        description: 'Newer text ranks higher; this is its half-life.'
    }),
    IsOptional(),
    ValidateIf((_, v)=>v !== null),
    IsInt(),
    Min(DAYS.min),
    Max(DAYS.max),
    _ts_metadata("design:type", Object)
], CreateSourceDto.prototype, "recencyHalfLifeDays", void 0);
/**
 * `PATCH /v1/knowledge/sources/{id}`: any of the settings (null clears an optional one); the
 * tenant never changes. A name and roles, when sent, must be real: null is refused, not cleared.
 */ export class UpdateSourceDto extends PartialType(OmitType(CreateSourceDto, [
    'tenantId',
    'name',
    'allowedRoles'
])) {
}
_ts_decorate([
    ApiPropertyOptional({
        maxLength: 200
    }),
    ValidateIf((_, v)=>v !== undefined),
    IsString(),
    MinLength(1),
    MaxLength(200),
    _ts_metadata("design:type", String)
], UpdateSourceDto.prototype, "name", void 0);
_ts_decorate([
    ApiPropertyOptional({
        example: [
            'customer'
        ]
    }),
    ValidateIf((_, v)=>v !== undefined),
    IsArray(),
    ArrayMinSize(1, {
        message: 'allowedRoles must name at least one role (no role reads nothing)'
    }),
    ArrayMaxSize(50),
    IsString({
        each: true
    }),
    Matches(ROLE, {
        each: true,
        message: 'each role must be 1-64 letters, digits or _ . : -'
    }),
    _ts_metadata("design:type", Array)
], UpdateSourceDto.prototype, "allowedRoles", void 0);
export class ListSourcesDto {
    constructor(){
        this.limit = 50;
    }
}
_ts_decorate([
    ApiPropertyOptional({
        description: 'nextCursor of the previous page'
    }),
    IsOptional(),
    IsString(),
    MaxLength(64),
    _ts_metadata("design:type", String)
], ListSourcesDto.prototype, "cursor", void 0);
_ts_decorate([
    ApiPropertyOptional({
        default: 50,
        minimum: 1,
        maximum: 200
    }),
    IsOptional(),
    Type(()=>Number),
    IsInt(),
    Min(1),
    Max(200)
], ListSourcesDto.prototype, "limit", void 0);

//# sourceMappingURL=source.dto.js.map