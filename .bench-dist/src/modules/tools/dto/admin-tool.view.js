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
import { ToolView } from './tool.view.js';
let ApprovalView = class ApprovalView {
};
_ts_decorate([
    ApiProperty({
        description: '"always", or "conditional" when a predicate decides per call'
    }),
    _ts_metadata("design:type", String)
], ApprovalView.prototype, "required", void 0);
_ts_decorate([
    ApiProperty({
        type: [
            String
        ]
    }),
    _ts_metadata("design:type", Object)
], ApprovalView.prototype, "approverRoles", void 0);
_ts_decorate([
    ApiProperty(),
    _ts_metadata("design:type", Number)
], ApprovalView.prototype, "approvers", void 0);
_ts_decorate([
    ApiProperty(),
    _ts_metadata("design:type", Number)
], ApprovalView.prototype, "expiresInSeconds", void 0);
_ts_decorate([
    ApiProperty({
        enum: [
            'reject',
            'escalate'
        ]
    }),
    _ts_metadata("design:type", String)
], ApprovalView.prototype, "onTimeout", void 0);
_ts_decorate([
    ApiProperty({
        type: [
            String
        ]
    }),
    _ts_metadata("design:type", Object)
], ApprovalView.prototype, "escalateTo", void 0);
export class AdminToolView extends ToolView {
    static of(tool, roles = []) {
        const approval = tool.approval && {
            required: typeof tool.approval.when === 'function' ? 'conditional' : 'always',
            approverRoles: tool.approval.approverRoles,
            approvers: tool.approval.approvers,
            expiresInSeconds: tool.approval.expiresInSeconds,
            onTimeout: tool.approval.onTimeout,
            escalateTo: tool.approval.escalateTo
        };
        return {
            ...ToolView.of(tool),
            roles,
            approval: approval || null,
            timeoutMs: tool.timeoutMs,
            rateLimit: {
                ...tool.rateLimit
            },
            reversibility: tool.reversibility,
            redact: tool.redact,
            costly: tool.costly,
            idempotent: tool.idempotent
        };
    }
}
_ts_decorate([
    ApiProperty({
        type: [
            String
        ],
        description: 'App-user roles that may call it'
    }),
    _ts_metadata("design:type", Array)
], AdminToolView.prototype, "roles", void 0);
_ts_decorate([
    ApiPropertyOptional({
        type: ApprovalView,
        nullable: true
    }),
    _ts_metadata("design:type", Object)
], AdminToolView.prototype, "approval", void 0);
_ts_decorate([
    ApiProperty(),
    _ts_metadata("design:type", Number)
], AdminToolView.prototype, "timeoutMs", void 0);
_ts_decorate([
    ApiProperty({
        description: 'perSession / perUser windows',
        type: Object
    }),
    _ts_metadata("design:type", typeof Record === "undefined" ? Object : Record)
], AdminToolView.prototype, "rateLimit", void 0);
_ts_decorate([
    ApiProperty({
        enum: [
            'reversible',
            'compensable',
            'irreversible'
        ]
    }),
    _ts_metadata("design:type", String)
], AdminToolView.prototype, "reversibility", void 0);
_ts_decorate([
    ApiProperty({
        type: [
            String
        ]
    }),
    _ts_metadata("design:type", Object)
], AdminToolView.prototype, "redact", void 0);
_ts_decorate([
    ApiProperty(),
    _ts_metadata("design:type", Boolean)
], AdminToolView.prototype, "costly", void 0);
_ts_decorate([
    ApiProperty(),
    _ts_metadata("design:type", Boolean)
], AdminToolView.prototype, "idempotent", void 0);

//# sourceMappingURL=admin-tool.view.js.map