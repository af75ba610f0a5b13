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
import { IsIn, IsOptional, Matches } from 'class-validator';
export class OpenSessionDto {
}
_ts_decorate([
    ApiPropertyOptional({
        example: 'default',
        description: 'Agent profile; `default` when absent'
    }),
    IsOptional(),
    Matches(/^[a-z0-9_-]{1,64}$/, {
        message: 'agent must be a profile name (a-z, 0-9, _ and -)'
    }),
    _ts_metadata("design:type", String)
], OpenSessionDto.prototype, "agent", void 0);
_ts_decorate([
    ApiPropertyOptional({
        enum: [
            'proxy',
            'ephemeral'
        ],
        default: 'proxy'
    }),
    IsOptional(),
    IsIn([
        'proxy',
        'ephemeral'
    ]),
    _ts_metadata("design:type", String)
], OpenSessionDto.prototype, "mode", void 0);

//# sourceMappingURL=open-session.dto.js.map