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
import { IsNumber, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
export class IssueRefundInput {
}
_ts_decorate([
    JSONSchema({
        description: 'The order to refund, e.g. 10042'
    }),
    IsString(),
    Matches(/^[0-9]{4,10}$/, {
        message: 'orderNumber must be 4 to 10 digits'
    }),
    _ts_metadata("design:type", String)
], IssueRefundInput.prototype, "orderNumber", void 0);
_ts_decorate([
    JSONSchema({
        description: 'Amount in USD, at most what is left to refund on the order'
    }),
    IsNumber({
        maxDecimalPlaces: 2,
        allowNaN: false,
        allowInfinity: false
    }),
    Min(0.01),
    Max(10_000),
    _ts_metadata("design:type", Number)
], IssueRefundInput.prototype, "amount", void 0);
_ts_decorate([
    JSONSchema({
        description: "The caller's reason, in a few words"
    }),
    IsString(),
    MinLength(3),
    MaxLength(200),
    _ts_metadata("design:type", String)
], IssueRefundInput.prototype, "reason", void 0);

//# sourceMappingURL=issue-refund.input.js.map