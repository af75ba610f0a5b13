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
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { keyIdOf } from '../../audit-bundle/bundle-format.js';
import { AppConfig } from '../../config/app-config.js';
export class AuditSigner {
    constructor(config){
        const pem = config.audit.signingKeyPem;
        if (pem) {
            this.privateKey = createPrivateKey(pem);
            if (this.privateKey.asymmetricKeyType !== 'ed25519') throw new Error('SWITCHBOARD_AUDIT_SIGNING_KEY must be an Ed25519 key');
        } else {
            this.privateKey = generateKeyPairSync('ed25519').privateKey;
            new Logger(AuditSigner.name).warn('SWITCHBOARD_AUDIT_SIGNING_KEY is not set: audit exports are signed with a key generated for this process.');
        }
        const publicKey = createPublicKey(this.privateKey);
        this.publicKeyPem = publicKey.export({
            type: 'spki',
            format: 'pem'
        }).toString();
        this.keyId = keyIdOf(publicKey.export({
            type: 'spki',
            format: 'der'
        }));
    }
    /** base64 Ed25519 signature. */ sign(bytes) {
        return sign(null, bytes, this.privateKey).toString('base64');
    }
}
AuditSigner = _ts_decorate([
    Injectable(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof AppConfig === "undefined" ? Object : AppConfig
    ])
], AuditSigner);

//# sourceMappingURL=audit-signer.js.map