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
import { IsEmail, IsString, Matches, MaxLength } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
export class UpdateCustomerEmailInput {
}
_ts_decorate([
    JSONSchema({
        description: 'The customer id, e.g. cus_alice'
    }),
    IsString(),
    Matches(/^cus_[a-z0-9_]{1,40}$/, {
        message: 'customerId must look like cus_alice'
    }),
    _ts_metadata("design:type", String)
], UpdateCustomerEmailInput.prototype, "customerId", void 0);
_ts_decorate([
    JSONSchema({
        description: 'The new email address, spelled back to the caller first'
    }),
    IsEmail({}, {
        message: 'email must be a valid email address'
    }),
    MaxLength(254),
    _ts_metadata("design:type", String)
], UpdateCustomerEmailInput.prototype, "email", void 0);

//# sourceMappingURL=update-customer-email.input.js.map