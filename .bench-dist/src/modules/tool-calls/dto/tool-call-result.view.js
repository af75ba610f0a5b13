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
export class ToolCallResultView {
}
_ts_decorate([
    ApiProperty(),
    _ts_metadata("design:type", String)
], ToolCallResultView.prototype, "callId", void 0);
_ts_decorate([
    ApiProperty({
        description: 'The id to roll the call back by (POST /v1/admin/actions/{id}/rollback): tc_… for a call that ran, act_… for one sent for approval',
        example: 'tc_3q9z…'
    }),
    _ts_metadata("design:type", String)
], ToolCallResultView.prototype, "actionId", void 0);
_ts_decorate([
    ApiProperty({
        enum: [
            'succeeded',
            'pending_approval'
        ]
    }),
    _ts_metadata("design:type", String)
], ToolCallResultView.prototype, "status", void 0);
_ts_decorate([
    ApiProperty({
        description: 'What the model is told: { ok: true, result } or { ok: true, status: "pending_approval", actionId, message }',
        type: Object
    }),
    _ts_metadata("design:type", typeof Record === "undefined" ? Object : Record)
], ToolCallResultView.prototype, "output", void 0);
_ts_decorate([
    ApiProperty({
        description: 'True when this is the stored outcome of an earlier identical call'
    }),
    _ts_metadata("design:type", Boolean)
], ToolCallResultView.prototype, "replayed", void 0);

//# sourceMappingURL=tool-call-result.view.js.map