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
function _ts_param(paramIndex, decorator) {
    return function(target, key) {
        decorator(target, key, paramIndex);
    };
}
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, UserAuth } from '../../common/auth/auth.decorator.js';
import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';
import { RelayToolCallDto } from './dto/relay-tool-call.dto.js';
import { ToolCallResultView } from './dto/tool-call-result.view.js';
import { ToolCallRelay } from './tool-call-relay.js';
export class ToolCallsController {
    constructor(relays){
        this.relays = relays;
    }
    /**
   * Meant for pages in ephemeral mode that see function calls first: the same pipeline as the
   * sideband path, and the same `(session, callId)` record, so a call relayed and also seen on the
   * sideband runs once. The model's output is always sent by the sideband. It is open in both modes:
   * the session's owner may only run what their roles already allow, with every rule applied.
   */ relay(principal, id, body) {
        return this.relays.relay(principal, id, body);
    }
}
_ts_decorate([
    Post(':id/tool-calls'),
    HttpCode(200),
    UserAuth(),
    ApiOperation({
        summary: 'Relay a function call from the page for governed execution'
    }),
    ApiOkResponse({
        type: ToolCallResultView
    }),
    ApiProblemResponses(404, 409, 422, 429, 503, 504),
    _ts_param(0, CurrentPrincipal()),
    _ts_param(1, Param('id')),
    _ts_param(2, Body()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Principal === "undefined" ? Object : Principal,
        String,
        typeof RelayToolCallDto === "undefined" ? Object : RelayToolCallDto
    ]),
    _ts_metadata("design:returntype", typeof Promise === "undefined" ? Object : Promise)
], ToolCallsController.prototype, "relay", null);
ToolCallsController = _ts_decorate([
    ApiTags('sessions'),
    Controller('v1/sessions'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof ToolCallRelay === "undefined" ? Object : ToolCallRelay
    ])
], ToolCallsController);

//# sourceMappingURL=tool-calls.controller.js.map