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
import { Type } from 'class-transformer';
import { IsDate, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
const TEXT_FORMATS = [
    'markdown',
    'text',
    'html'
];
/**
 * The fields of a document upload besides its content. In a multipart form they arrive as text
 * fields next to `file` (dates as ISO 8601); in JSON, next to `text`.
 */ export class DocumentFieldsDto {
}
_ts_decorate([
    ApiPropertyOptional({
        maxLength: 300,
        description: 'Defaults to the title the content carries, else the file name.'
    }),
    IsOptional(),
    IsString(),
    MinLength(1),
    MaxLength(300),
    _ts_metadata("design:type", String)
], DocumentFieldsDto.prototype, "title", void 0);
_ts_decorate([
    ApiPropertyOptional({
        type: String,
        format: 'date-time',
        nullable: true
    }),
    IsOptional(),
    ValidateIf((_, v)=>v !== null),
    Type(()=>Date),
    IsDate({
        message: 'validFrom must be an ISO 8601 date-time'
    }),
    _ts_metadata("design:type", Object)
], DocumentFieldsDto.prototype, "validFrom", void 0);
_ts_decorate([
    ApiPropertyOptional({
        type: String,
        format: 'date-time',
        nullable: true
    }),
    IsOptional(),
    ValidateIf((_, v)=>v !== null),
    Type(()=>Date),
    IsDate({
        message: 'validUntil must be an ISO 8601 date-time'
    }),
    _ts_metadata("design:type", Object)
], DocumentFieldsDto.prototype, "validUntil", void 0);
_ts_decorate([
    ApiPropertyOptional({
        type: String,
        format: 'date-time',
        nullable: true
    }),
    IsOptional(),
    ValidateIf((_, v)=>v !== null),
    Type(()=>Date),
    IsDate({
        message: 'reviewBy must be an ISO 8601 date-time'
    }),
    _ts_metadata("design:type", Object)
], DocumentFieldsDto.prototype, "reviewBy", void 0);
/** A document sent as JSON text. */ export class DocumentUploadDto extends DocumentFieldsDto {
}
_ts_decorate([
    ApiPropertyOptional({
        description: 'The document itself (JSON uploads).',
        maxLength: 1_000_000
    }),
    IsOptional(),
    IsString(),
    MaxLength(1_000_000),
    _ts_metadata("design:type", String)
], DocumentUploadDto.prototype, "text", void 0);
_ts_decorate([
    ApiPropertyOptional({
        enum: TEXT_FORMATS,
        description: 'How to read `text`; sniffed when absent.'
    }),
    IsOptional(),
    IsIn(TEXT_FORMATS),
    _ts_metadata("design:type", Object)
], DocumentUploadDto.prototype, "format", void 0);
export class RetractDocumentDto {
}
_ts_decorate([
    ApiPropertyOptional({
        maxLength: 500
    }),
    IsOptional(),
    IsString(),
    MaxLength(500),
    _ts_metadata("design:type", String)
], RetractDocumentDto.prototype, "reason", void 0);
export class ReviewDocumentDto {
}
_ts_decorate([
    ApiPropertyOptional({
        type: String,
        format: 'date-time',
        nullable: true,
        description: "When the next review falls due; absent: the source's reviewEveryDays from now."
    }),
    IsOptional(),
    ValidateIf((_, v)=>v !== null),
    Type(()=>Date),
    IsDate({
        message: 'nextReviewBy must be an ISO 8601 date-time'
    }),
    _ts_metadata("design:type", Object)
], ReviewDocumentDto.prototype, "nextReviewBy", void 0);
export class SearchKnowledgeDto {
    constructor(){
        this.k = 5;
    }
}
_ts_decorate([
    ApiProperty({
        description: 'What to look for (1-2000 characters).',
        maxLength: 2000
    }),
    IsString({
        message: 'q must be text'
    }),
    MaxLength(2000, {
        message: 'q may be at most 2000 characters; ask a shorter question'
    }),
    _ts_metadata("design:type", String)
], SearchKnowledgeDto.prototype, "q", void 0);
_ts_decorate([
    ApiPropertyOptional({
        default: 5,
        minimum: 1,
        maximum: 50
    }),
    IsOptional(),
    Type(()=>Number),
    IsInt(),
    Min(1),
    Max(50)
], SearchKnowledgeDto.prototype, "k", void 0);
export class StaleQueryDto {
    constructor(){
        this.withinDays = 14;
    }
}
_ts_decorate([
    ApiPropertyOptional({
        default: 14,
        minimum: 0,
        maximum: 365,
        description: 'Also list what becomes stale within this many days.'
    }),
    IsOptional(),
    Type(()=>Number),
    IsInt(),
    Min(0),
    Max(365)
], StaleQueryDto.prototype, "withinDays", void 0);
export class DocumentIdParam {
}
_ts_decorate([
    ApiProperty(),
    IsString(),
    MaxLength(64),
    _ts_metadata("design:type", String)
], DocumentIdParam.prototype, "id", void 0);
export const ACCEPTED_TEXT_FORMATS = TEXT_FORMATS;

//# sourceMappingURL=document.dto.js.map