import { setTimeout as sleep } from 'node:timers/promises';

import { ids } from '../ids.js';
import { estimateTokens, type LiveResolvedDelegation } from '../protocol/live-session-config.js';
import { OpenAIError } from '../protocol/openai-error.js';
import { renderText, type ReplyPlan } from '../scenario/reply-planner.js';
import type { LiveSession } from './live-session.js';
import {
  backendUsage,
  hostedResult,
  ResponsesStream,
  type StreamedFunctionCall,
  type StreamedHostedCall,
  type StreamedOutput,
} from './responses-stream.js';

type ToolPlan = Extract<ReplyPlan, { kind: 'tools' }>;

/**
 * Hosted tool types a scenario may "call" in a Responses delegation: the ones OpenAI runs
 * itself. `shell` and `computer` are not here: the application executes those, so the
 * simulator does not pretend to.
 */
const CALLABLE_HOSTED_TOOLS = new Set([
  'web_search', 'file_search', 'code_interpreter', 'image_generation', 'mcp',
]); // prettier-ignore

/** What the voice says while delegated work runs, unless the scenario says otherwise. */
const DEFAULT_ACKNOWLEDGEMENT = 'One moment, let me check that.';
/** Pause between nested events, so a client sees a stream rather than a burst. */
const EVENT_PAUSE_MS = 2;

interface FunctionCallState extends StreamedFunctionCall {
  output?: string;
}

/** One delegated task: who does it, what the backend called, and whether it is finished. */
export interface Delegation {
  readonly id: string;
  readonly target: 'client' | 'responses';
  readonly offsetMs: number;
  readonly plan: ToolPlan;
  /** Responses: the backend responses in order (the first proposes the calls). */
  readonly responseIds: string[];
  readonly functionCalls: FunctionCallState[];
  readonly hostedCalls: (StreamedHostedCall & { readonly output: string })[];
  /** `waiting`: a Responses delegation needs function outputs, or a client one its result. */
  status: 'streaming' | 'waiting' | 'completed';
  /** What the client returned with `session.commentary.append`, in order. */
  readonly commentary: string[];
  /** The pending automatic acknowledgement, aborted once the task's result is spoken. */
  acknowledgement?: AbortController;
  /** `response.create` arrived while the proposing response still streamed: continue after it. */
  continuation?: { clientEventId: string | null };
}

/**
 * The session's delegated work. A scenario rule that calls tools becomes a delegation of the
 * session's type: Responses (the simulated backend proposes the rule's function calls inside
 * `response.event`, waits for `response.item.create` outputs and `response.create`, then speaks
 * the result; hosted tools get canned results at once) or client (`session.delegation.created`
 * with an id only; the application's `session.commentary.append` is the result the voice
 * speaks). An automatic acknowledgement is spoken after `acknowledgement_delay_ms`, unless a
 * thinking or commentary append arrives first.
 */
export class LiveDelegations {
  readonly all = new Map<string, Delegation>();

  constructor(private readonly session: LiveSession) {}

  private get config(): LiveResolvedDelegation {
    return this.session.resource.delegation;
  }

  has(id: string): boolean {
    return this.all.has(id);
  }

  /** Names the scenario may call in this session: what the backend has, or anything (client). */
  callableTools(): ReadonlySet<string> {
    const config = this.config;
    if (config.type === 'client') return new Set(this.session.scenario.rules.flatMap(namesOf));
    if (config.type !== 'responses') return new Set();
    const names = new Set<string>();
    for (const tool of config.responses.tools ?? []) {
      if (tool.type === 'function') names.add((tool as { name: string }).name);
      else if (CALLABLE_HOSTED_TOOLS.has(tool.type)) names.add(tool.type);
    }
    return names;
  }

  /** `tool_choice: "none"` keeps the backend from calling tools. */
  toolsForbidden(): boolean {
    return this.config.type === 'responses' && this.config.responses.tool_choice === 'none';
  }

  /** The voice hands the turn's work to the session's delegate. */
  start(plan: ToolPlan): void {
    const config = this.config;
    if (config.type !== 'client' && config.type !== 'responses') {
      // Decisions delegation is not played by the simulator: the voice declines.
      this.session.voice.say(this.session.scenario.noToolReply ?? 'Sorry, I cannot do that.');
      return;
    }
    const delegation: Delegation = {
      id: ids.delegation(),
      target: config.type,
      offsetMs: this.session.timelineMs(),
      plan,
      responseIds: [],
      functionCalls: [],
      hostedCalls: [],
      status: 'streaming',
      commentary: [],
    };
    this.all.set(delegation.id, delegation);
    if (config.type === 'client') {
      delegation.status = 'waiting';
      this.announce(delegation);
    } else {
      const responseId = ids.response();
      delegation.responseIds.push(responseId);
      this.announce(delegation, responseId);
      void this.proposeCalls(delegation, responseId);
    }
    this.acknowledgeLater(delegation, config.acknowledgement_delay_ms);
  }

  /** `session.thinking.append` / `session.commentary.append`: cancels pending acknowledgements. */
  appended(
    kind: 'instructions' | 'thinking' | 'commentary',
    content: string,
    id: string | null,
  ): void {
    if (kind === 'instructions') return;
    for (const delegation of this.all.values()) delegation.acknowledgement?.abort();
    if (kind !== 'commentary') return;
    const delegation = id ? this.all.get(id) : undefined;
    if (!delegation) {
      this.session.voice.say(content);
      return;
    }
    delegation.commentary.push(content);
    // The first result completes the task and is spoken as the scenario's `afterTools`.
    if (delegation.status === 'waiting') {
      const outputs = Object.fromEntries(delegation.plan.calls.map((c) => [c.name, content]));
      this.complete(
        delegation,
        renderText(delegation.plan.afterTools, delegation.plan.context, outputs),
      );
    } else this.session.voice.say(content);
  }

  /** `response.item.create`: a function output (or other input) for the Responses backend. */
  itemCreate(item: unknown): void {
    this.requireResponses('response.item.create');
    if (typeof item !== 'object' || item === null || Array.isArray(item))
      throw OpenAIError.invalidRequest(
        "Missing required parameter: 'item'.",
        'missing_required_parameter',
        'item',
      );
    const { type, call_id: callId, output } = item as Record<string, unknown>;
    if (typeof type !== 'string')
      throw OpenAIError.invalidRequest(
        "Missing required parameter: 'item.type'.",
        'missing_required_parameter',
        'item.type',
      );
    if (type !== 'function_call_output') return; // other input items join the backend's context
    if (typeof callId !== 'string' || !callId)
      throw OpenAIError.invalidRequest(
        "Missing required parameter: 'item.call_id'.",
        'missing_required_parameter',
        'item.call_id',
      );
    const text = outputText(output);
    const call = this.waitingCall(callId);
    if (!call)
      throw OpenAIError.invalidRequest(
        `No function call with call_id '${callId}' is waiting for output in this session.`,
        'invalid_value',
        'item.call_id',
      );
    if (call.output !== undefined)
      throw OpenAIError.invalidRequest(
        `The function call '${callId}' already has an output.`,
        'duplicate_item',
        'item.call_id',
      );
    call.output = text;
  }

  /** `response.create`: continue every delegated response whose function calls all have output. */
  responseCreate(clientEventId: string | null): void {
    this.requireResponses('response.create');
    // A delegation whose proposing response still streams counts once its calls are out:
    // an application may answer a call as soon as `output_item.done` shows it.
    const waiting = [...this.all.values()].filter(
      (d) =>
        d.status === 'waiting' ||
        (d.status === 'streaming' && d.responseIds.length === 1 && d.functionCalls.length > 0),
    );
    if (waiting.length === 0)
      throw OpenAIError.invalidRequest(
        'No delegated response is waiting for tool results.',
        'no_pending_response',
        'type',
      );
    const ready = waiting.filter((d) => d.functionCalls.every((c) => c.output !== undefined));
    if (ready.length === 0) {
      const missing = waiting.flatMap((d) => d.functionCalls).find((c) => c.output === undefined);
      throw OpenAIError.invalidRequest(
        `No tool output found for function call ${missing?.callId ?? ''}. Send response.item.create with a function_call_output first.`,
        'missing_tool_output',
        'type',
      );
    }
    for (const delegation of ready) {
      if (delegation.status === 'streaming') {
        delegation.continuation = { clientEventId };
        continue;
      }
      delegation.status = 'streaming';
      void this.answerWithResults(delegation, clientEventId);
    }
  }

  private requireResponses(eventType: string): void {
    const type = this.config.type;
    if (type === 'responses') return;
    const answer =
      type === 'client' ? ' (answer a client delegation with session.commentary.append)' : '';
    throw OpenAIError.invalidRequest(
      `${eventType} requires Responses delegation; this session's delegation type is '${type}'${answer}.`,
      'invalid_value',
      'type',
    );
  }

  /** The first backend response: hosted calls complete, function calls wait for the app. */
  private async proposeCalls(delegation: Delegation, responseId: string): Promise<void> {
    const { plan } = delegation;
    const hostedTypes = new Set(CALLABLE_HOSTED_TOOLS);
    const outputs: StreamedOutput[] = [];
    for (const call of plan.calls) {
      if (hostedTypes.has(call.name) && this.isHostedInSession(call.name)) {
        const hosted: StreamedHostedCall = {
          kind: 'hosted',
          tool: call.name,
          query: queryOf(call.arguments),
          arguments: call.arguments,
          serverLabel: this.mcpServerLabel(),
        };
        delegation.hostedCalls.push({ ...hosted, output: hostedResult(hosted) });
        outputs.push(hosted);
      } else {
        const fn: FunctionCallState = {
          kind: 'function',
          name: call.name,
          callId: ids.callId(),
          arguments: call.arguments,
        };
        delegation.functionCalls.push(fn);
        outputs.push(fn);
      }
    }
    const speaksNow = delegation.functionCalls.length === 0;
    const text = speaksNow ? this.resultText(delegation) : undefined;
    if (text !== undefined) outputs.push({ kind: 'message', text });
    const inputTokens = estimateTokens(`${this.backendInstructions()}\n${plan.context.text}`);
    const outputTokens =
      plan.calls.reduce((sum, c) => sum + estimateTokens(c.arguments), 0) +
      (text ? estimateTokens(text) : 0);
    await this.stream(delegation, responseId, null, outputs, inputTokens, outputTokens, null);
    if (this.session.state !== 'active') return;
    if (speaksNow) return this.complete(delegation, text as string);
    const continuation = delegation.continuation;
    delegation.continuation = undefined;
    if (continuation) return void this.answerWithResults(delegation, continuation.clientEventId);
    delegation.status = 'waiting';
  }

  /** After `response.create`: the backend reads the outputs and the voice speaks the result. */
  private async answerWithResults(
    delegation: Delegation,
    clientEventId: string | null,
  ): Promise<void> {
    const previous = delegation.responseIds.at(-1) ?? null;
    const responseId = ids.response();
    delegation.responseIds.push(responseId);
    const text = this.resultText(delegation);
    const inputTokens = estimateTokens(
      `${this.backendInstructions()}\n${delegation.plan.context.text}\n` +
        delegation.functionCalls.map((c) => `${c.arguments}${c.output ?? ''}`).join('\n'),
    );
    await this.stream(
      delegation,
      responseId,
      previous,
      [{ kind: 'message', text }],
      inputTokens,
      estimateTokens(text),
      clientEventId,
    );
    if (this.session.state !== 'active') return;
    this.complete(delegation, text);
  }

  /** The task is done: its acknowledgement is no longer needed and the voice speaks the result. */
  private complete(delegation: Delegation, text: string): void {
    delegation.status = 'completed';
    delegation.acknowledgement?.abort();
    this.session.voice.say(text);
  }

  /** One backend response as `response.event`s, paced, with its token usage at the end. */
  private async stream(
    delegation: Delegation,
    responseId: string,
    previousResponseId: string | null,
    outputs: readonly StreamedOutput[],
    inputTokens: number,
    outputTokens: number,
    clientEventId: string | null,
  ): Promise<void> {
    const config = this.config;
    const backend = config.type === 'responses' ? config.responses : undefined;
    const stream = new ResponsesStream({
      id: responseId,
      model: backend?.model ?? 'unknown',
      createdAt: Math.floor(this.session.options.now() / 1000),
      previousResponseId,
      toolChoice: backend?.tool_choice ?? 'auto',
      parallelToolCalls: backend?.parallel_tool_calls ?? true,
    });
    const events = [
      ...stream.started(),
      ...outputs.flatMap((output, index) => stream.item(output, index)),
      stream.completed(backendUsage(inputTokens, outputTokens)),
    ];
    for (const [index, event] of events.entries()) {
      if (this.session.state !== 'active') return;
      this.session.emit({
        type: 'response.event',
        event,
        delegation_id: delegation.id,
        ...(index === 0 && clientEventId ? { client_event_id: clientEventId } : {}),
      });
      await sleep(EVENT_PAUSE_MS, undefined, { ref: false });
    }
  }

  private resultText(delegation: Delegation): string {
    const outputs: Record<string, string> = {};
    for (const call of delegation.hostedCalls) outputs[call.tool] = call.output;
    for (const call of delegation.functionCalls) outputs[call.name] = call.output ?? '';
    return renderText(delegation.plan.afterTools, delegation.plan.context, outputs);
  }

  private announce(delegation: Delegation, responseId?: string): void {
    this.session.emit({
      type: 'session.delegation.created',
      offset_ms: delegation.offsetMs,
      delegation: {
        id: delegation.id,
        type: 'delegation',
        target: delegation.target,
        ...(responseId ? { response_id: responseId } : {}),
      },
    });
  }

  private acknowledgeLater(delegation: Delegation, delayMs: number): void {
    const controller = new AbortController();
    delegation.acknowledgement = controller;
    const text = this.session.scenario.delegationAcknowledgement ?? DEFAULT_ACKNOWLEDGEMENT;
    sleep(delayMs * this.session.options.timeScale, undefined, {
      signal: controller.signal,
      ref: false,
    })
      .then(() => {
        if (delegation.status !== 'completed') this.session.voice.say(text);
      })
      .catch(() => undefined);
  }

  private waitingCall(callId: string): FunctionCallState | undefined {
    for (const delegation of this.all.values()) {
      if (delegation.status === 'completed') continue;
      const call = delegation.functionCalls.find((c) => c.callId === callId);
      if (call) return call;
    }
    return undefined;
  }

  private isHostedInSession(type: string): boolean {
    const config = this.config;
    return (
      config.type === 'responses' && (config.responses.tools ?? []).some((t) => t.type === type)
    );
  }

  private mcpServerLabel(): string | undefined {
    const config = this.config;
    if (config.type !== 'responses') return undefined;
    const mcp = (config.responses.tools ?? []).find((t) => t.type === 'mcp');
    return (mcp as { server_label?: string } | undefined)?.server_label;
  }

  private backendInstructions(): string {
    const config = this.config;
    return config.type === 'responses' ? (config.responses.instructions ?? '') : '';
  }
}

function namesOf(rule: { callTools?: { name: string }[] }): string[] {
  return (rule.callTools ?? []).map((call) => call.name);
}

/** A hosted call's subject: the rule's `query` (or `code`) argument, else all its arguments. */
function queryOf(args: string): string {
  const parsed = JSON.parse(args) as Record<string, unknown>;
  const subject = parsed.query ?? parsed.code;
  return typeof subject === 'string' ? subject : args;
}

/** A function output is a string, or content parts whose text is what the voice can say. */
function outputText(output: unknown): string {
  if (typeof output === 'string') return output;
  if (Array.isArray(output)) {
    const texts = output.map((part) => (part as { text?: unknown } | null)?.text);
    if (texts.every((t) => typeof t === 'string')) return texts.join('');
  }
  throw OpenAIError.invalidRequest(
    "Invalid 'item.output': expected a string or an array of input_text parts.",
    'invalid_type',
    'item.output',
  );
}
