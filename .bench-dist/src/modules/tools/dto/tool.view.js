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
export class ToolView {
    static of(tool) {
        return {
            name: tool.name,
            description: tool.description,
            parameters: tool.parameters
        };
    }
}
_ts_decorate([
    ApiProperty({
        example: 'lookup_order'
    }),
    _ts_metadata("design:type", String)
], ToolView.prototype, "name", void 0);
_ts_decorate([
    ApiProperty(),
    _ts_metadata("design:type", String)
], ToolView.prototype, "description", void 0);
_ts_decorate([
    ApiProperty({
        description: 'JSON Schema of the arguments, as sent to the model'
    }),
    _ts_metadata("design:type", typeof Record === "undefined" ? Object : Record)
], ToolView.prototype, "parameters", void 0);

//# sourceMappingURL=tool.view.js.map