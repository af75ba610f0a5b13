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
import { IsString, Matches, MaxLength } from 'class-validator';
/** A function call the page saw on its data channel, relayed for governed execution. */ export class RelayToolCallDto {
}
_ts_decorate([
    ApiProperty({
        description: "The model's call_id",
        example: 'call_8f2c'
    }),
    IsString(),
    Matches(/^[A-Za-z0-9_-]{1,128}$/, {
        message: 'callId must be 1-128 letters, digits, _ or -'
    }),
    _ts_metadata("design:type", String)
], RelayToolCallDto.prototype, "callId", void 0);
_ts_decorate([
    ApiProperty({
        example: 'lookup_order'
    }),
    IsString(),
    MaxLength(64),
    _ts_metadata("design:type", String)
], RelayToolCallDto.prototype, "name", void 0);
_ts_decorate([
    ApiProperty({
        description: 'The arguments exactly as the model sent them (a JSON string)',
        example: '{"orderNumber":"10042"}'
    }),
    IsString(),
    MaxLength(65_536),
    _ts_metadata("design:type", String)
], RelayToolCallDto.prototype, "arguments", void 0);

//# sourceMappingURL=relay-tool-call.dto.js.map