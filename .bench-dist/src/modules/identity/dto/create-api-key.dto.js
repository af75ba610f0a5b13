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
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsString, Length } from 'class-validator';
import { OPERATOR_ROLES } from '../../../common/auth/operator-roles.js';
export class CreateApiKeyDto {
}
_ts_decorate([
    ApiProperty({
        example: 'Alice (approvals)',
        description: 'Who or what holds the key'
    }),
    IsString(),
    Length(1, 100),
    _ts_metadata("design:type", String)
], CreateApiKeyDto.prototype, "name", void 0);
_ts_decorate([
    ApiProperty({
        enum: OPERATOR_ROLES,
        isArray: true,
        example: [
            'approver'
        ]
    }),
    IsArray(),
    ArrayMinSize(1),
    ArrayUnique(),
    IsIn(OPERATOR_ROLES, {
        each: true,
        message: `each role must be one of ${OPERATOR_ROLES.join(', ')}`
    }),
    _ts_metadata("design:type", Array)
], CreateApiKeyDto.prototype, "roles", void 0);

//# sourceMappingURL=create-api-key.dto.js.map