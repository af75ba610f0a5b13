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
import { IsString, Matches } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
export class LookupOrderInput {
}
_ts_decorate([
    JSONSchema({
        description: 'The order number the caller reads out, e.g. 10042'
    }),
    IsString(),
    Matches(/^[0-9]{4,10}$/, {
        message: 'orderNumber must be 4 to 10 digits'
    }),
    _ts_metadata("design:type", String)
], LookupOrderInput.prototype, "orderNumber", void 0);

//# sourceMappingURL=lookup-order.input.js.map