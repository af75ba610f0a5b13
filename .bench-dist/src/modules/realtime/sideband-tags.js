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
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { OpenAIEndpoint } from './openai-endpoint.js';
/** Item ids Switchboard gives its own conversation items start with this. */ const ITEM_PREFIX = 'sb_';
/** The `response.create` metadata key that carries the tag of a response Switchboard started. */ export const RESPONSE_TAG_KEY = 'switchboard';
const NONCE_BYTES = 6;
const TAG_BYTES = 12;
/** OpenAI refuses client item ids longer than 32 characters; ours are 3 + 8 + 16 = 27. */ const ITEM_ID = /^sb_([A-Za-z0-9_-]{8})([A-Za-z0-9_-]{16})$/;
const RESPONSE_TAG = /^([A-Za-z0-9_-]{8})\.([A-Za-z0-9_-]{16})$/;
export class SidebandTags {
    constructor(endpoint){
        this.key = Buffer.from(hkdfSync('sha256', endpoint.apiKey, 'switchboard', 'sideband tags v1', 32));
    }
    /** A fresh id for an item Switchboard creates in `callId` (the item must not carry one yet). */ itemId(callId, item) {
        const nonce = randomBytes(NONCE_BYTES).toString('base64url');
        return `${ITEM_PREFIX}${nonce}${this.mac('item', callId, nonce, contentOf(item))}`;
    }
    /** The item as Switchboard sends it: same content, with a tagged id. */ tagItem(callId, item) {
        return {
            ...item,
            id: this.itemId(callId, item)
        };
    }
    /** True only for an item Switchboard created in this call, with exactly the content it had. */ isOwnItem(callId, item) {
        const parts = ITEM_ID.exec(item.id ?? '');
        if (!parts) return false;
        return this.matches(parts[2], this.mac('item', callId, parts[1], contentOf(item)));
    }
    /** `response.create.response.metadata` for a response Switchboard starts in `callId`. */ responseMetadata(callId) {
        const nonce = randomBytes(NONCE_BYTES).toString('base64url');
        return {
            [RESPONSE_TAG_KEY]: `${nonce}.${this.mac('response', callId, nonce, '')}`
        };
    }
    /** True for a response whose metadata carries a tag minted for this call (it may be a copy). */ isOwnResponse(callId, response) {
        const tag = responseTagOf(response);
        const parts = tag ? RESPONSE_TAG.exec(tag) : null;
        if (!parts) return false;
        return this.matches(parts[2], this.mac('response', callId, parts[1], ''));
    }
    mac(kind, callId, nonce, content) {
        return createHmac('sha256', this.key).update(`${kind}\0${callId}\0${nonce}\0${content}`).digest().subarray(0, TAG_BYTES).toString('base64url');
    }
    matches(given, expected) {
        return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
    }
}
SidebandTags = _ts_decorate([
    Injectable(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof OpenAIEndpoint === "undefined" ? Object : OpenAIEndpoint
    ])
], SidebandTags);
/** The tag a response carries in `metadata`, if any. */ export function responseTagOf(response) {
    const tag = response?.metadata?.[RESPONSE_TAG_KEY];
    return typeof tag === 'string' ? tag : undefined;
}
/** What the model reads of an item: the fields OpenAI echoes back unchanged. */ function contentOf(item) {
    return JSON.stringify([
        item.type ?? null,
        item.role ?? null,
        item.call_id ?? null,
        item.output ?? null,
        (item.content ?? []).map((part)=>[
                part.type ?? null,
                part.text ?? null
            ])
    ]);
}

//# sourceMappingURL=sideband-tags.js.map