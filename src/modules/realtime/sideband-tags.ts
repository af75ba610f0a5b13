import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

import { Injectable } from '@nestjs/common';

import { OpenAIEndpoint } from './openai-endpoint.js';

/** Item ids Switchboard gives its own conversation items start with this. */
const ITEM_PREFIX = 'sb_';
/** The `response.create` metadata key that carries the tag of a response Switchboard started. */
export const RESPONSE_TAG_KEY = 'switchboard';
const NONCE_BYTES = 6;
const TAG_BYTES = 12;
/** OpenAI refuses client item ids longer than 32 characters; ours are 3 + 8 + 16 = 27. */
const ITEM_ID = /^sb_([A-Za-z0-9_-]{8})([A-Za-z0-9_-]{16})$/;
const RESPONSE_TAG = /^([A-Za-z0-9_-]{8})\.([A-Za-z0-9_-]{16})$/;

/** The parts of a conversation item the page could change to smuggle in its own content. */
export interface TaggableItem {
  readonly id?: string;
  readonly type?: string;
  readonly role?: string;
  readonly call_id?: string;
  readonly output?: string;
  readonly content?: readonly { readonly type?: string; readonly text?: string }[];
}

/**
 * Marks what Switchboard itself puts into a call, so its sideband can tell that apart from what
 * the page sends on the data channel, at once and without a database lookup. Every id carries an
 * HMAC over the call, a nonce and the item's content: the page sees our ids but cannot mint one,
 * and a copied id does not fit other content. The key is derived from the OpenAI key, which every
 * replica holds and the page never sees, so a replica that takes a call over still knows the
 * items the previous owner created. (A response tag is only accepted once, by `ServerResponses`.)
 */
@Injectable()
export class SidebandTags {
  private readonly key: Buffer;

  constructor(endpoint: OpenAIEndpoint) {
    this.key = Buffer.from(
      hkdfSync('sha256', endpoint.apiKey, 'switchboard', 'sideband tags v1', 32),
    );
  }

  /** A fresh id for an item Switchboard creates in `callId` (the item must not carry one yet). */
  private itemId(callId: string, item: TaggableItem): string {
    const nonce = randomBytes(NONCE_BYTES).toString('base64url');
    return `${ITEM_PREFIX}${nonce}${this.mac('item', callId, nonce, contentOf(item))}`;
  }

  /** The item as Switchboard sends it: same content, with a tagged id. */
  tagItem<T extends TaggableItem>(callId: string, item: T): T & { id: string } {
    return { ...item, id: this.itemId(callId, item) };
  }

  /** True only for an item Switchboard created in this call, with exactly the content it had. */
  isOwnItem(callId: string, item: TaggableItem): boolean {
    const parts = ITEM_ID.exec(item.id ?? '');
    if (!parts) return false;
    return this.matches(parts[2], this.mac('item', callId, parts[1], contentOf(item)));
  }

  /** `response.create.response.metadata` for a response Switchboard starts in `callId`. */
  responseMetadata(callId: string): Record<string, string> {
    const nonce = randomBytes(NONCE_BYTES).toString('base64url');
    return { [RESPONSE_TAG_KEY]: `${nonce}.${this.mac('response', callId, nonce, '')}` };
  }

  /** True for a response whose metadata carries a tag minted for this call (it may be a copy). */
  isOwnResponse(callId: string, response: { metadata?: unknown } | undefined): boolean {
    const tag = responseTagOf(response);
    const parts = tag ? RESPONSE_TAG.exec(tag) : null;
    if (!parts) return false;
    return this.matches(parts[2], this.mac('response', callId, parts[1], ''));
  }

  private mac(kind: string, callId: string, nonce: string, content: string): string {
    return createHmac('sha256', this.key)
      .update(`${kind}\0${callId}\0${nonce}\0${content}`)
      .digest()
      .subarray(0, TAG_BYTES)
      .toString('base64url');
  }

  private matches(given: string, expected: string): boolean {
    return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
  }
}

/** The tag a response carries in `metadata`, if any. */
export function responseTagOf(response: { metadata?: unknown } | undefined): string | undefined {
  const tag = (response?.metadata as Record<string, unknown> | null | undefined)?.[
    RESPONSE_TAG_KEY
  ];
  return typeof tag === 'string' ? tag : undefined;
}

/** What the model reads of an item: the fields OpenAI echoes back unchanged. */
function contentOf(item: TaggableItem): string {
  return JSON.stringify([
    item.type ?? null,
    item.role ?? null,
    item.call_id ?? null,
    item.output ?? null,
    (item.content ?? []).map((part) => [part.type ?? null, part.text ?? null]),
  ]);
}
