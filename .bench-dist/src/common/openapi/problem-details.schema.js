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
let FieldErrorSchema = class FieldErrorSchema {
};
_ts_decorate([
    ApiProperty({
        example: '/expiresAfter/seconds'
    }),
    _ts_metadata("design:type", String)
], FieldErrorSchema.prototype, "pointer", void 0);
_ts_decorate([
    ApiProperty({
        example: 'seconds must not be greater than 600'
    }),
    _ts_metadata("design:type", String)
], FieldErrorSchema.prototype, "detail", void 0);
/** OpenAPI description of the RFC 9457 body every error response carries. */ export class ProblemDetailsSchema {
}
_ts_decorate([
    ApiProperty({
        example: 'urn:switchboard:problem:validation-failed'
    }),
    _ts_metadata("design:type", String)
], ProblemDetailsSchema.prototype, "type", void 0);
_ts_decorate([
    ApiProperty({
        example: 'The request is not valid'
    }),
    _ts_metadata("design:type", String)
], ProblemDetailsSchema.prototype, "title", void 0);
_ts_decorate([
    ApiProperty({
        example: 400
    }),
    _ts_metadata("design:type", Number)
], ProblemDetailsSchema.prototype, "status", void 0);
_ts_decorate([
    ApiProperty({
        example: '1 field(s) failed validation: /name name must be a string'
    }),
    _ts_metadata("design:type", String)
], ProblemDetailsSchema.prototype, "detail", void 0);
_ts_decorate([
    ApiProperty({
        example: 'VALIDATION_FAILED',
        description: 'Stable machine-readable code'
    }),
    _ts_metadata("design:type", String)
], ProblemDetailsSchema.prototype, "code", void 0);
_ts_decorate([
    ApiProperty({
        example: '/v1/sessions'
    }),
    _ts_metadata("design:type", String)
], ProblemDetailsSchema.prototype, "instance", void 0);
_ts_decorate([
    ApiPropertyOptional({
        type: [
            FieldErrorSchema
        ]
    }),
    _ts_metadata("design:type", Array)
], ProblemDetailsSchema.prototype, "errors", void 0);
_ts_decorate([
    ApiPropertyOptional({
        description: 'Present on 500 responses; quote it when reporting'
    }),
    _ts_metadata("design:type", String)
], ProblemDetailsSchema.prototype, "correlationId", void 0);

//# sourceMappingURL=problem-details.schema.js.map