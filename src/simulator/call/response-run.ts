import { setTimeout as sleep } from 'node:timers/promises';

import { ids } from '../ids.js';
import { planReply, renderText, type ReplyPlan } from '../scenario/reply-planner.js';
import { audioFormatOf, silence, type AudioFormat } from './audio-format.js';
import type { ServerEvent } from './call-types.js';
import { type ConversationItem, textOf } from './conversation.js';
import type { RealtimeCall } from './realtime-call.js';
import { buildUsage, countInput, textTokens, assistantAudioTokens } from './usage.js';

/** The subset of `response.create`'s `response` object the simulator honours. */
export interface ResponseParams {
  instructions?: string;
  tool_choice?: unknown;
  output_modalities?: ('audio' | 'text')[];
  conversation?: 'auto' | 'none';
  metadata?: Record<string, unknown> | null;
  max_output_tokens?: number | 'inf';
}

/** Tool calls the model made and what it will say once their outputs arrive. */
export interface ToolRound {
  readonly callIds: readonly string[];
  readonly names: ReadonlyMap<string, string>;
  readonly afterTools: string;
  readonly context: Extract<ReplyPlan, { kind: 'tools' }>['context'];
}

/** Pause between streamed deltas, so a cancel or barge-in can land mid-response. */
const DELTA_PAUSE_MS = 2;
/**
 * The model's time to its first output. The real one takes hundreds of ms; 150 ms keeps tests
 * fast while leaving a client that cancels on `response.created` the time it has in reality.
 * (40 ms was too short on a busy 2-core machine: the embedded PGlite runs on the same thread as
 * the server and the simulator in tests, so a governed cancel could land after the response.)
 */
const FIRST_OUTPUT_MS = 150;
/** A server-side convention (documented): instructions "Say exactly: …" make the reply that text. */
const SAY_EXACTLY = /^say exactly:\s*([\s\S]+)$/i;

const toolRounds = new WeakMap<RealtimeCall, ToolRound>();

/**
 * A response asked for after the caller's last turn was already answered, with a system message
 * added since (an approval's outcome, say): the model relays that message rather than acting on
 * the old turn again. Undefined when the response answers a turn.
 */
function followUpNote(items: readonly ConversationItem[]): string | undefined {
  const lastUser = items.findLastIndex((item) => item.type === 'message' && item.role === 'user');
  if (lastUser < 0) return undefined;
  const since = items.slice(lastUser + 1);
  const answered = since.findLastIndex(
    (item) => item.type === 'message' && item.role === 'assistant',
  );
  if (answered < 0) return undefined;
  // Knowledge given late is reference text for the next turn, not news to read out.
  const note = since
    .slice(answered + 1)
    .findLast(
      (item) =>
        item.type === 'message' &&
        item.role === 'system' &&
        !textOf(item).includes('<knowledge id='),
    );
  return note ? textOf(note) : undefined;
}

/** Starts a response; the caller has checked that none is active. */
export function startResponse(call: RealtimeCall, params: ResponseParams): ResponseRun {
  const run = new ResponseRun(call, params);
  call.activeResponse = run;
  call.spoken.cancelIdleTimeout();
  void run.run();
  return run;
}

type Ending =
  | { status: 'completed' }
  | { status: 'cancelled'; reason: string }
  | { status: 'incomplete'; reason: 'max_output_tokens' };

/**
 * One model response, streamed in the order the real API uses (§5c of the protocol notes):
 * response.created → rate_limits.updated → per output item: added → deltas → done → response.done.
 */
export class ResponseRun {
  readonly id = ids.response();
  private stopRequested?: string;
  /** Whether the first output has been paced yet (it waits FIRST_OUTPUT_MS, later ones less). */
  private started = false;
  private aborted = false;
  /** Fixed when the response starts: a client cannot decode a stream that changes format. */
  private readonly outputFormat: AudioFormat;
  private readonly output: ConversationItem[] = [];
  private readonly modalities: ('audio' | 'text')[];

  constructor(
    private readonly call: RealtimeCall,
    private readonly params: ResponseParams,
  ) {
    this.modalities = params.output_modalities ?? call.session.output_modalities;
    this.outputFormat = audioFormatOf(call.session.audio.output.format);
  }

  cancel(reason: 'client_cancelled' | 'turn_detected'): void {
    this.stopRequested ??= reason;
  }

  /** Asked to stop, and not done yet. */
  get stopping(): boolean {
    return this.stopRequested !== undefined;
  }

  /** The call ended: stop without further events. */
  abort(): void {
    this.aborted = true;
  }

  async run(): Promise<void> {
    const { call } = this;
    const input = countInput(
      this.params.instructions ?? call.session.instructions,
      call.conversation,
    );
    const outputTokens = { text: 0, audio: 0 };
    this.emit({ type: 'response.created', response: this.responseObject('in_progress', null) });
    this.emit({ type: 'rate_limits.updated', rate_limits: rateLimits(input.text + input.audio) });
    const plan = this.plan();
    let ending: Ending = { status: 'completed' };
    if (plan.kind === 'say') {
      ending = await this.streamMessage(plan.text, outputTokens);
    } else {
      for (const [index, planned] of plan.calls.entries()) {
        ending = await this.streamFunctionCall(
          index,
          planned.name,
          planned.arguments,
          outputTokens,
        );
        if (ending.status !== 'completed') break;
      }
      this.rememberToolRound(plan);
    }
    if (this.aborted) return;
    const usage = buildUsage(input, call.lastResponseInput, outputTokens);
    call.lastResponseInput = input;
    call.activeResponse = undefined;
    const status = ending.status;
    const details = ending.status === 'completed' ? null : { type: status, reason: ending.reason };
    this.emit({ type: 'response.done', response: this.responseObject(status, details, usage) });
    if (call.answerWhenIdle && call.state === 'active' && !call.activeResponse) {
      call.answerWhenIdle = false;
      startResponse(call, {});
      return;
    }
    call.spoken.armIdleTimeout();
  }

  private plan(): ReplyPlan {
    const { call } = this;
    const instructions = this.params.instructions?.trim();
    const sayExactly = instructions ? SAY_EXACTLY.exec(instructions) : null;
    if (sayExactly) return { kind: 'say', text: sayExactly[1].trim() };
    const round = toolRounds.get(call);
    if (round && round.callIds.some((id) => call.conversation.outputFor(id))) {
      toolRounds.delete(call);
      const outputs: Record<string, string> = {};
      for (const id of round.callIds) {
        const output = call.conversation.outputFor(id)?.output;
        if (output !== undefined) outputs[round.names.get(id) ?? id] = output;
      }
      return { kind: 'say', text: renderText(round.afterTools, round.context, outputs) };
    }
    const note = followUpNote(call.conversation.list());
    if (note !== undefined) return { kind: 'say', text: note };
    const turns = call.conversation.userTurns();
    const last = turns.at(-1);
    const toolChoice = this.params.tool_choice ?? call.session.tool_choice;
    return planReply(call.scenario, last ? { text: last.text, number: turns.length } : undefined, {
      sessionTools: new Set(
        call.session.tools.filter((t) => t.type === 'function').map((t) => String(t.name)),
      ),
      toolsForbidden: toolChoice === 'none',
    });
  }

  private rememberToolRound(plan: Extract<ReplyPlan, { kind: 'tools' }>): void {
    const calls = this.output.filter((item) => item.type === 'function_call');
    toolRounds.set(this.call, {
      callIds: calls.map((item) => item.call_id!),
      names: new Map(calls.map((item) => [item.call_id!, item.name!])),
      afterTools: plan.afterTools,
      context: plan.context,
    });
  }

  private async streamMessage(
    text: string,
    tokens: { text: number; audio: number },
  ): Promise<Ending> {
    const audio = this.modalities.includes('audio');
    const fitted = this.fitToOutputCap(text, audio);
    const truncated = fitted.length < text.length;
    text = fitted;
    const item: ConversationItem = {
      id: ids.item(),
      object: 'realtime.item',
      type: 'message',
      status: 'in_progress',
      role: 'assistant',
      content: [],
    };
    const previous = this.addItem(item, 0);
    const part = audio ? { type: 'audio', transcript: '' } : { type: 'text', text: '' };
    const where = { response_id: this.id, item_id: item.id, output_index: 0, content_index: 0 };
    this.emit({ type: 'response.content_part.added', ...where, part });
    const audioMs = text.length * this.call.options.speechMsPerChar;
    if (audio) this.call.playAudio(this.id, audioMs);
    let sent = '';
    for (const delta of chunks(text)) {
      const stop = await this.pause();
      const spokenMs = sent.length * this.call.options.speechMsPerChar;
      if (stop)
        return this.finishItem(item, previous, 0, 'incomplete', sent, audio, stop, spokenMs);
      sent += delta;
      this.emit({
        type: audio ? 'response.output_audio_transcript.delta' : 'response.output_text.delta',
        ...where,
        delta,
      });
      if (audio && this.call.kind === 'websocket') {
        // As long as the words take to say, in the session's output format: clients time
        // playback (and so their truncation) from these bytes.
        const ms = delta.length * this.call.options.speechMsPerChar;
        this.emit({
          type: 'response.output_audio.delta',
          ...where,
          delta: silence(this.outputFormat, ms).toString('base64'),
        });
      }
      this.progress(item, sent, audio);
    }
    tokens.text += textTokens(text);
    if (audio) tokens.audio += assistantAudioTokens(audioMs);
    if (audio) this.emit({ type: 'response.output_audio.done', ...where });
    this.emit(
      audio
        ? { type: 'response.output_audio_transcript.done', ...where, transcript: text }
        : { type: 'response.output_text.done', ...where, text },
    );
    if (audio) this.call.hasProducedAudio = true;
    if (truncated) {
      this.finishItem(item, previous, 0, 'incomplete', text, audio, undefined, audioMs);
      return { status: 'incomplete', reason: 'max_output_tokens' };
    }
    return this.finishItem(item, previous, 0, 'completed', text, audio, undefined, audioMs);
  }

  /**
   * What the item holds while it streams: a client may truncate it before it is done, and the
   * truncation is checked against the audio produced so far.
   */
  private progress(item: ConversationItem, sent: string, audio: boolean): void {
    if (this.params.conversation === 'none' || this.call.conversation.isTruncated(item.id)) return;
    item.content = [
      audio ? { type: 'output_audio', transcript: sent } : { type: 'output_text', text: sent },
    ];
    const assistantAudioMs = audio ? sent.length * this.call.options.speechMsPerChar : 0;
    this.call.conversation.setAudio(item.id, { userAudioMs: 0, assistantAudioMs });
  }

  /**
   * The longest prefix of `text` (whole words) whose text and audio tokens fit the response's
   * `max_output_tokens` (per response, else the session's), as the real API stops there.
   */
  private fitToOutputCap(text: string, audio: boolean): string {
    const cap = this.params.max_output_tokens ?? this.call.session.max_output_tokens;
    if (cap === 'inf') return text;
    const cost = (part: string) =>
      textTokens(part) +
      (audio ? assistantAudioTokens(part.length * this.call.options.speechMsPerChar) : 0);
    if (cost(text) <= cap) return text;
    let fitted = '';
    for (const word of chunks(text)) {
      if (cost(fitted + word) > cap) break;
      fitted += word;
    }
    return fitted;
  }

  private finishItem(
    item: ConversationItem,
    previous: string | null,
    index: number,
    status: 'completed' | 'incomplete',
    text: string,
    audio: boolean,
    stop: string | undefined,
    audioMs = 0,
  ): Ending {
    const where = { response_id: this.id, item_id: item.id, output_index: index, content_index: 0 };
    item.status = status;
    // A truncation the client sent while the item streamed stands: only what was heard remains.
    const truncated = this.call.conversation.isTruncated(item.id);
    if (!truncated)
      item.content = [
        audio ? { type: 'output_audio', transcript: text } : { type: 'output_text', text },
      ];
    this.emit({
      type: 'response.content_part.done',
      ...where,
      part: audio ? { type: 'audio', transcript: text } : { type: 'text', text },
    });
    if (this.params.conversation !== 'none') {
      if (!truncated)
        this.call.conversation.setAudio(item.id, { userAudioMs: 0, assistantAudioMs: audioMs });
      this.emit({ type: 'conversation.item.done', previous_item_id: previous, item });
    }
    this.emit({
      type: 'response.output_item.done',
      response_id: this.id,
      output_index: index,
      item,
    });
    return stop ? { status: 'cancelled', reason: stop } : { status: 'completed' };
  }

  private async streamFunctionCall(
    index: number,
    name: string,
    args: string,
    tokens: { text: number; audio: number },
  ): Promise<Ending> {
    const item: ConversationItem = {
      id: ids.functionCallItem(),
      object: 'realtime.item',
      type: 'function_call',
      status: 'in_progress',
      call_id: ids.callId(),
      name,
      arguments: '',
    };
    const previous = this.addItem(item, index);
    const where = {
      response_id: this.id,
      item_id: item.id,
      output_index: index,
      call_id: item.call_id,
    };
    for (const delta of chunks(args, 12)) {
      const stop = await this.pause();
      if (stop) {
        item.status = 'incomplete';
        this.emit({
          type: 'response.output_item.done',
          response_id: this.id,
          output_index: index,
          item,
        });
        return { status: 'cancelled', reason: stop };
      }
      this.emit({ type: 'response.function_call_arguments.delta', ...where, delta });
    }
    this.emit({ type: 'response.function_call_arguments.done', ...where, name, arguments: args });
    tokens.text += textTokens(name + args);
    item.status = 'completed';
    item.arguments = args;
    if (this.params.conversation !== 'none') {
      this.emit({ type: 'conversation.item.done', previous_item_id: previous, item });
    }
    this.emit({
      type: 'response.output_item.done',
      response_id: this.id,
      output_index: index,
      item,
    });
    return { status: 'completed' };
  }

  /** Emits output_item.added (and conversation.item.added unless out-of-band); returns the previous id. */
  private addItem(item: ConversationItem, index: number): string | null {
    this.output.push(item);
    this.emit({
      type: 'response.output_item.added',
      response_id: this.id,
      output_index: index,
      item,
    });
    if (this.params.conversation === 'none') return null;
    const previous = this.call.conversation.insert(item);
    this.emit({ type: 'conversation.item.added', previous_item_id: previous, item });
    return previous;
  }

  private async pause(): Promise<string | undefined> {
    await sleep(this.started ? DELTA_PAUSE_MS : FIRST_OUTPUT_MS);
    this.started = true;
    return this.aborted ? 'aborted' : this.stopRequested;
  }

  private emit(event: ServerEvent): void {
    if (!this.aborted) this.call.emit(event);
  }

  private responseObject(status: string, statusDetails: unknown, usage: unknown = null): unknown {
    const { session, conversation } = this.call;
    return {
      object: 'realtime.response',
      id: this.id,
      status,
      status_details: statusDetails,
      output: status === 'in_progress' ? [] : this.output,
      conversation_id: this.params.conversation === 'none' ? null : conversation.id,
      output_modalities: this.modalities,
      max_output_tokens: session.max_output_tokens,
      audio: { output: { format: session.audio.output.format, voice: session.audio.output.voice } },
      usage,
      metadata: this.params.metadata ?? null,
    };
  }
}

/** Splits text into word-sized deltas (or fixed-size pieces for JSON arguments). */
function chunks(text: string, size?: number): string[] {
  if (size) return text.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g')) ?? [''];
  return text.match(/\S+\s*/g) ?? [text];
}

/** PCM16 silence standing in for audio deltas on WebSocket sessions (a little per character). */
function rateLimits(tokens: number): unknown[] {
  return [
    { name: 'requests', limit: 5000, remaining: 4999, reset_seconds: 0.012 },
    { name: 'tokens', limit: 40000, remaining: Math.max(0, 40000 - tokens), reset_seconds: 0.06 },
  ];
}
