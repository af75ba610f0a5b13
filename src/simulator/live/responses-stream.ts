import { ids } from '../ids.js';

/**
 * The nested Responses streaming events that a Live session's Responses backend produces, in the
 * Responses API's own order and shapes (`response.created` → `response.in_progress` → per output
 * item: `output_item.added` → its deltas → `output_item.done` → `response.completed`), each with
 * its `sequence_number`. Lifecycle snapshots are slim, as the Live docs say: no input, and
 * instructions, tools and output cleared.
 */

type NestedEvent = Record<string, unknown> & { type: string };

export interface BackendUsage {
  input_tokens: number;
  input_tokens_details: { cached_tokens: number };
  output_tokens: number;
  output_tokens_details: { reasoning_tokens: number };
  total_tokens: number;
}

export interface StreamedFunctionCall {
  readonly kind: 'function';
  readonly name: string;
  readonly callId: string;
  readonly arguments: string;
}

export interface StreamedHostedCall {
  readonly kind: 'hosted';
  /** The hosted tool's type, e.g. `web_search`. */
  readonly tool: string;
  /** What the call was about (a search query, code to run), from the scenario's arguments. */
  readonly query: string;
  /** The scenario's arguments as JSON text (an MCP call streams them). */
  readonly arguments: string;
  /** An MCP call's server, from the session's `mcp` tool. */
  readonly serverLabel?: string;
}

export type StreamedOutput =
  StreamedFunctionCall | StreamedHostedCall | { readonly kind: 'message'; readonly text: string };

const HOSTED_ID_PREFIX: Record<string, string> = {
  web_search: 'ws',
  file_search: 'fs',
  code_interpreter: 'ci',
  image_generation: 'ig',
  mcp: 'mcp',
};

/** The in-progress events of hosted tools the Responses API streams, by tool type. */
const HOSTED_PROGRESS: Record<string, readonly string[]> = {
  web_search: ['in_progress', 'searching', 'completed'],
  file_search: ['in_progress', 'searching', 'completed'],
  code_interpreter: ['in_progress', 'interpreting', 'completed'],
  image_generation: ['in_progress', 'generating', 'completed'],
  mcp: ['in_progress', 'completed'],
};

export interface ResponseSnapshot {
  readonly id: string;
  readonly model: string;
  readonly createdAt: number;
  readonly previousResponseId: string | null;
  readonly toolChoice: unknown;
  readonly parallelToolCalls: boolean;
}

/** One nested stream; `sequence_number` counts from 0 per response, as in Responses. */
export class ResponsesStream {
  private sequence = 0;

  constructor(private readonly snapshot: ResponseSnapshot) {}

  get responseId(): string {
    return this.snapshot.id;
  }

  started(): NestedEvent[] {
    return [
      this.event('response.created', { response: this.response('in_progress', null) }),
      this.event('response.in_progress', { response: this.response('in_progress', null) }),
    ];
  }

  /** Every event of one output item at `outputIndex`. */
  item(output: StreamedOutput, outputIndex: number): NestedEvent[] {
    if (output.kind === 'function') return this.functionCall(output, outputIndex);
    if (output.kind === 'hosted') return this.hostedCall(output, outputIndex);
    return this.message(output.text, outputIndex);
  }

  completed(usage: BackendUsage): NestedEvent {
    return this.event('response.completed', { response: this.response('completed', usage) });
  }

  private functionCall(call: StreamedFunctionCall, outputIndex: number): NestedEvent[] {
    const item = {
      id: ids.functionCallItem(),
      type: 'function_call',
      call_id: call.callId,
      name: call.name,
      arguments: '',
      status: 'in_progress',
    };
    const where = { item_id: item.id, output_index: outputIndex };
    return [
      this.event('response.output_item.added', { output_index: outputIndex, item }),
      ...chunks(call.arguments, 24).map((delta) =>
        this.event('response.function_call_arguments.delta', { ...where, delta }),
      ),
      this.event('response.function_call_arguments.done', {
        ...where,
        name: call.name,
        arguments: call.arguments,
      }),
      this.event('response.output_item.done', {
        output_index: outputIndex,
        item: { ...item, arguments: call.arguments, status: 'completed' },
      }),
    ];
  }

  private hostedCall(call: StreamedHostedCall, outputIndex: number): NestedEvent[] {
    const id = ids.toolCall(HOSTED_ID_PREFIX[call.tool] ?? 'tc');
    const type = `${call.tool}_call`;
    const done: Record<string, unknown> = {
      id,
      type,
      status: 'completed',
      ...hostedDetails(call, true),
    };
    const progress = HOSTED_PROGRESS[call.tool] ?? [];
    return [
      this.event('response.output_item.added', {
        output_index: outputIndex,
        // The first snapshot is a whole item too: every required field, results not yet in.
        item: { id, type, status: 'in_progress', ...hostedDetails(call, false) },
      }),
      ...progress.map((step) =>
        this.event(`response.${type}.${step}`, { item_id: id, output_index: outputIndex }),
      ),
      this.event('response.output_item.done', { output_index: outputIndex, item: done }),
    ];
  }

  private message(text: string, outputIndex: number): NestedEvent[] {
    const id = ids.message();
    const where = { item_id: id, output_index: outputIndex, content_index: 0 };
    const part = { type: 'output_text', text, annotations: [] };
    return [
      this.event('response.output_item.added', {
        output_index: outputIndex,
        item: { id, type: 'message', role: 'assistant', status: 'in_progress', content: [] },
      }),
      this.event('response.content_part.added', { ...where, part: { ...part, text: '' } }),
      ...(text.match(/\S+\s*/g) ?? []).map((delta) =>
        this.event('response.output_text.delta', { ...where, delta, logprobs: [] }),
      ),
      this.event('response.output_text.done', { ...where, text, logprobs: [] }),
      this.event('response.content_part.done', { ...where, part }),
      this.event('response.output_item.done', {
        output_index: outputIndex,
        item: { id, type: 'message', role: 'assistant', status: 'completed', content: [part] },
      }),
    ];
  }

  /** A slim lifecycle snapshot: no input; instructions, tools and output cleared. */
  private response(status: 'in_progress' | 'completed', usage: BackendUsage | null) {
    const s = this.snapshot;
    return {
      id: s.id,
      object: 'response',
      created_at: s.createdAt,
      status,
      model: s.model,
      previous_response_id: s.previousResponseId,
      instructions: null,
      tools: [],
      output: [],
      tool_choice: s.toolChoice,
      parallel_tool_calls: s.parallelToolCalls,
      error: null,
      incomplete_details: null,
      metadata: {},
      temperature: null,
      top_p: null,
      access_programs: null,
      // Optional in the type, not nullable: only a completed response reports usage.
      ...(usage && { usage }),
    };
  }

  private event(type: string, fields: Record<string, unknown>): NestedEvent {
    return { type, sequence_number: this.sequence++, ...fields };
  }
}

/** A 1×1 transparent PNG: what a simulated image generation "draws". */
const SIMULATED_IMAGE_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

/**
 * What a completed hosted call shows, per tool, with every field its Responses type requires
 * (canned: the simulator has no web, files, images or MCP servers).
 */
function hostedDetails(call: StreamedHostedCall, done: boolean): Record<string, unknown> {
  switch (call.tool) {
    case 'web_search':
      return { action: { type: 'search', query: call.query } };
    case 'file_search':
      return { queries: [call.query], results: null };
    case 'code_interpreter':
      return { code: call.query, container_id: 'cntr_simulated', outputs: [] };
    case 'image_generation':
      return { result: done ? SIMULATED_IMAGE_BASE64 : null };
    case 'mcp':
      return {
        name: mcpToolName(call.arguments),
        arguments: call.arguments,
        server_label: call.serverLabel ?? 'mcp',
        output: done ? hostedResult(call) : null,
        error: null,
      };
    default:
      return {};
  }
}

/** An MCP call names the server's tool in the scenario's `name` argument. */
function mcpToolName(args: string): string {
  const name = (JSON.parse(args) as Record<string, unknown>).name;
  return typeof name === 'string' && name ? name : 'call';
}

/** The canned result a hosted tool "returns", for the spoken answer's `{{output.<tool>}}`. */
export function hostedResult(call: StreamedHostedCall): string {
  return `(simulated ${call.tool} result for "${call.query}")`;
}

function chunks(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out.length ? out : [''];
}

export function backendUsage(inputTokens: number, outputTokens: number): BackendUsage {
  return {
    input_tokens: inputTokens,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: outputTokens,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: inputTokens + outputTokens,
  };
}
