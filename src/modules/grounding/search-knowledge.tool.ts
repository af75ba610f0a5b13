import { Injectable } from '@nestjs/common';

import { type KnowledgeHit, KnowledgeSearch } from '../knowledge/index.js';
import { Tool, type ToolContext, type ToolHandler } from '../tools/index.js';
import { GroundingLedger } from './grounding-ledger.js';
import { knowledgeBlock } from './knowledge-block.js';
import { SearchKnowledgeInput } from './search-knowledge.input.js';

export interface SearchKnowledgeResult {
  readonly found: number;
  /** The snippets as one delimited block of quoted data, each with its citation. */
  readonly knowledge: string;
  /** How to cite each snippet, in order. */
  readonly citations: readonly string[];
}

/** A tool result holds a few snippets; a GPT-Live function output has no tighter limit. */
const MAX_RESULT_CHARS = 6000;

/**
 * The model looks knowledge up itself, as the caller (the session's principal: its tenant and
 * roles decide what is readable, never an argument). Registered like any tool, so allowlists,
 * rate limits, timeouts and the audit apply; what it returned is recorded as provenance and is
 * withdrawn from the call like an injection when its document stops being current.
 */
@Tool({
  name: 'search_knowledge',
  description:
    "Search the knowledge base for facts to answer the caller's question (policies, product " +
    'details, procedures). Returns quoted snippets with their citations; answer only from them ' +
    'and cite them as "according to <title>, version <n>".',
  input: SearchKnowledgeInput,
  reversibility: 'irreversible', // a read changes nothing
  rateLimit: { perSession: { limit: 20, windowSeconds: 60 } },
  timeoutMs: 5_000,
})
@Injectable()
export class SearchKnowledgeTool implements ToolHandler<
  SearchKnowledgeInput,
  SearchKnowledgeResult
> {
  constructor(
    private readonly search: KnowledgeSearch,
    private readonly ledger: GroundingLedger,
  ) {}

  async execute(input: SearchKnowledgeInput, ctx: ToolContext): Promise<SearchKnowledgeResult> {
    const { hits } = await this.search.search(ctx.principal, input.query, input.maxResults ?? 3);
    const block = knowledgeBlock(hits, { maxChars: MAX_RESULT_CHARS });
    if (block.chunks.length > 0 && ctx.callId)
      await this.ledger.given({
        sessionId: ctx.sessionId,
        callId: ctx.callId,
        kind: 'tool_result',
        mode: null,
        turnId: ctx.toolCallId,
        itemId: null,
        queryText: input.query,
        block,
      });
    return {
      found: block.chunks.length,
      knowledge:
        block.chunks.length > 0 ? block.text : 'Nothing in the knowledge base answers this.',
      citations: hits
        .filter((h) => block.chunks.some((c) => c.chunkId === h.chunkId))
        .map(citationOf),
    };
  }
}

function citationOf(hit: KnowledgeHit): string {
  return `according to ${hit.citation.title}, version ${hit.citation.version}`;
}
