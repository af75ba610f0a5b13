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
import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/auth/auth.decorator.js';
import { ApiProblemResponses } from '../../common/openapi/api-problem-responses.decorator.js';
import { AuditSigner } from './audit-signer.js';
export class AuditPublicKeyController {
    constructor(signer){
        this.signer = signer;
    }
    /** Public on purpose: anyone holding a bundle can check it against this key. */ publicKey(res) {
        res.setHeader('x-key-id', this.signer.keyId);
        return this.signer.publicKeyPem;
    }
}
_ts_decorate([
    Get('public-key'),
    Public(),
    Header('content-type', 'application/x-pem-file'),
    ApiOperation({
        summary: 'The Ed25519 public key (PEM) that signs audit export checkpoints'
    }),
    ApiProduces('application/x-pem-file'),
    ApiOkResponse({
        description: 'PEM; the key id is in the x-key-id header'
    }),
    ApiProblemResponses(),
    _ts_param(0, Res({
        passthrough: true
    })),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof Response === "undefined" ? Object : Response
    ]),
    _ts_metadata("design:returntype", String)
], AuditPublicKeyController.prototype, "publicKey", null);
AuditPublicKeyController = _ts_decorate([
    ApiTags('audit'),
    Controller('v1/audit'),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof AuditSigner === "undefined" ? Object : AuditSigner
    ])
], AuditPublicKeyController);

//# sourceMappingURL=audit-public-key.controller.js.map