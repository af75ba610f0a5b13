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
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsDefined, IsIn, IsISO8601, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
export const CALLBACK_TOPICS = [
    'billing',
    'delivery',
    'returns',
    'other'
];
export class CallbackContact {
}
_ts_decorate([
    JSONSchema({
        description: 'Phone number in international format, e.g. +14155550123'
    }),
    IsString(),
    Matches(/^\+[1-9][0-9]{6,14}$/, {
        message: 'phone must be in international format, e.g. +14155550123'
    }),
    _ts_metadata("design:type", String)
], CallbackContact.prototype, "phone", void 0);
_ts_decorate([
    JSONSchema({
        description: 'Who to ask for, if not the caller'
    }),
    IsOptional(),
    IsString(),
    MaxLength(80),
    _ts_metadata("design:type", String)
], CallbackContact.prototype, "name", void 0);
export class ScheduleCallbackInput {
}
_ts_decorate([
    JSONSchema({
        description: 'When to call back, ISO 8601 with a time zone, e.g. 2026-12-01T15:00:00Z'
    }),
    IsISO8601({
        strict: true
    }, {
        message: 'when must be an ISO 8601 date-time'
    }),
    _ts_metadata("design:type", String)
], ScheduleCallbackInput.prototype, "when", void 0);
_ts_decorate([
    IsDefined(),
    IsObject(),
    ValidateNested(),
    Type(()=>CallbackContact),
    _ts_metadata("design:type", typeof CallbackContact === "undefined" ? Object : CallbackContact)
], ScheduleCallbackInput.prototype, "contact", void 0);
_ts_decorate([
    JSONSchema({
        description: 'What the callback is about (1 to 3 topics)'
    }),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(3),
    ArrayUnique(),
    IsIn(CALLBACK_TOPICS, {
        each: true
    }),
    _ts_metadata("design:type", Array)
], ScheduleCallbackInput.prototype, "topics", void 0);
_ts_decorate([
    IsOptional(),
    IsString(),
    MaxLength(500),
    _ts_metadata("design:type", String)
], ScheduleCallbackInput.prototype, "note", void 0);

//# sourceMappingURL=schedule-callback.input.js.map