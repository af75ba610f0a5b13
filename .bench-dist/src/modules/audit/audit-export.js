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
import { Injectable } from '@nestjs/common';
import { BUNDLE_VERSION, CHECKPOINT_EVERY, headerDigest, signedBytes } from '../../audit-bundle/bundle-format.js';
import { GENESIS_HASH } from './audit-hash.js';
import { AuditLogRepository } from './audit-log.repository.js';
import { AuditSigner } from './audit-signer.js';
const BATCH = 500;
export class AuditExport {
    constructor(entries, signer){
        this.entries = entries;
        this.signer = signer;
    }
    async *lines(from, to) {
        const bounds = await this.entries.bounds(from, to);
        const firstSeq = bounds.first ?? await this.entries.nextSeq();
        const lastSeq = bounds.last ?? firstSeq - 1;
        const header = {
            type: 'header',
            version: BUNDLE_VERSION,
            keyId: this.signer.keyId,
            from: from?.toISOString() ?? null,
            to: to?.toISOString() ?? null,
            firstSeq,
            prevHash: await this.hashBefore(firstSeq),
            exportedAt: new Date().toISOString()
        };
        const digest = headerDigest(header);
        yield JSON.stringify(header);
        let count = 0;
        let last = {
            seq: firstSeq - 1,
            hash: header.prevHash
        };
        for(let seq = firstSeq; seq <= lastSeq; seq += BATCH){
            const batch = await this.entries.range(seq, Math.min(lastSeq, seq + BATCH - 1));
            for (const entry of batch){
                yield JSON.stringify({
                    type: 'entry',
                    ...entry
                });
                count += 1;
                last = {
                    seq: entry.seq,
                    hash: entry.hash
                };
                if (count % CHECKPOINT_EVERY === 0) yield this.checkpoint({
                    ...last,
                    count,
                    final: false,
                    digest
                });
            }
        }
        yield this.checkpoint({
            ...last,
            count,
            final: true,
            digest
        });
    }
    checkpoint(at) {
        const body = {
            type: 'checkpoint',
            seq: at.seq,
            hash: at.hash,
            count: at.count,
            final: at.final,
            headerDigest: at.digest,
            keyId: this.signer.keyId
        };
        const signed = {
            ...body,
            signature: this.signer.sign(signedBytes(body))
        };
        return JSON.stringify(signed);
    }
    async hashBefore(seq) {
        const hash = await this.entries.hashAt(seq - 1);
        if (seq === 1) return GENESIS_HASH;
        if (hash === undefined) throw new Error(`audit entry ${seq - 1} is missing; the chain cannot be exported`);
        return hash;
    }
}
AuditExport = _ts_decorate([
    Injectable(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof AuditLogRepository === "undefined" ? Object : AuditLogRepository,
        typeof AuditSigner === "undefined" ? Object : AuditSigner
    ])
], AuditExport);

//# sourceMappingURL=audit-export.js.map