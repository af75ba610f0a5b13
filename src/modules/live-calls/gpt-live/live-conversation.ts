import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type OpenAI from 'openai';

import { LiveEventBus, LiveSidebands, type LiveServerEvent } from '../../gpt-live/index.js';
import {
  type CallerNotice,
  liveConfigOf,
  responsesBackendOf,
  type SessionConfig,
  type ToolOutputDelivery,
  VoiceConversation,
  VoiceEvents,
} from '../../voice/index.js';
import { ResponseBudget } from '../response-budget.js';
import { LiveCallStates } from './live-call-state.js';
import { LivePricing, type BackendUsage } from './live-pricing.js';

type NestedEvent = OpenAI.Responses.ResponseStreamEvent;
type ResponseEvent = Extract<LiveServerEvent, { type: 'response.event' }>;

/** The most an append may carry (500 tokens); a longer notice is cut, not refused. */
const MAX_APPEND_CHARS = 1800;
const NO_DELEGATION = '(none)';

/**
 * GPT-Live behind the `VoiceConversation` port, and the translator of its sideband events into
 * `VoiceEvents`. The voice cannot call tools: its Responses backend proposes function calls inside
 * `response.event`; once that backend response completes, its calls go to the governed pipeline
 * (as Realtime's do after `response.done`), and the outputs go back as `response.item.create`
 * plus one `response.create`. Backend tokens and cumulative session seconds are charged. What
 * Switchboard tells the caller is a spoken `session.commentary.append`.
 */
@Injectable()
export class LiveConversation
  extends VoiceConversation
  implements OnModuleInit, OnApplicationShutdown
{
  private readonly logger = new Logger(LiveConversation.name);
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly bus: LiveEventBus,
    private readonly events: VoiceEvents,
    private readonly sidebands: LiveSidebands,
    private readonly states: LiveCallStates,
    private readonly pricing: LivePricing,
    private readonly budget: ResponseBudget,
  ) {
    super();
  }

  onModuleInit(): void {
    this.unsubscribe.push(
      this.bus.on('live.event', ({ callId, event }) => this.observe(callId, event)),
      this.bus.on('live.lost', (lost) => this.events.emit('call.lost', lost)),
    );
  }

  onApplicationShutdown(): void {
    for (const stop of this.unsubscribe) stop();
  }

  sendToolOutput(callId: string, { toolCallId, output }: ToolOutputDelivery): boolean {
    const sent = this.sidebands.send(callId, {
      type: 'response.item.create',
      item: { type: 'function_call_output', call_id: toolCallId, output: JSON.stringify(output) },
    });
    if (!sent)
      this.logger.warn({ callId, toolCallId }, 'Live sideband closed; tool output not delivered');
    return sent;
  }

  /**
   * One `response.create` for the batch, once the budgets can still pay for the backend response
   * it starts (as before any response Switchboard starts on Realtime); if one cannot, the session
   * is ended instead.
   */
  answerToolOutputs(callId: string): void {
    this.budget
      .allowsResponse(callId, (session) => this.nextEventUsd(callId, session))
      .then((allowed) => {
        if (allowed) this.sidebands.send(callId, { type: 'response.create' });
      })
      .catch((error: unknown) =>
        this.logger.error({ callId, err: (error as Error).message }, 'Budget check failed'),
      );
  }

  /** Spoken context: the voice explains it in its own words (`say` asks for the exact ones). */
  tell(callId: string, notice: CallerNotice): void {
    const text = notice.say ? `${notice.text}\nSay exactly: ${notice.say}` : notice.text;
    this.sidebands.send(callId, {
      type: 'session.commentary.append',
      content: text.slice(0, MAX_APPEND_CHARS),
      // Responses delegation accepts only a null delegation id.
      delegation_id: null,
    });
  }

  /**
   * Only delegation settings can change after start: the backend's tools. A client handler's
   * tools live in Switchboard alone (the pipeline refuses what the stored config no longer has).
   */
  applySession(callId: string, session: SessionConfig): void {
    const responses = responsesBackendOf(liveConfigOf(session));
    if (!responses) return;
    this.sidebands.send(callId, {
      type: 'session.update',
      session: { delegation: { type: 'responses', responses: { tools: responses.tools } } },
    });
  }

  private observe(callId: string, event: LiveServerEvent): void {
    if (
      event.type === 'session.input_transcript.delta' ||
      event.type === 'session.output_transcript.delta'
    )
      this.events.emit('call.activity', { callId });
    else if (event.type === 'response.event') this.nested(callId, event);
    // `session.closed` carries the final seconds, also of a close Switchboard asked for.
    else if (event.type === 'session.usage.updated' || event.type === 'session.closed')
      this.chargeSeconds(callId, event.usage.seconds);
  }

  /** A nested Responses event of the backend: calls collected, proposed when it completes. */
  private nested(callId: string, { event, delegation_id }: ResponseEvent): void {
    const nested = event as unknown as NestedEvent;
    const state = this.states.of(callId);
    const key = delegation_id ?? NO_DELEGATION;
    if (nested.type === 'response.output_item.done' && nested.item.type === 'function_call') {
      const { call_id, name, arguments: args } = nested.item;
      const calls = state.streaming.get(key) ?? [];
      calls.push({ toolCallId: call_id ?? '', name: name ?? '', arguments: args ?? '' });
      state.streaming.set(key, calls);
      return;
    }
    if (nested.type === 'response.failed' || nested.type === 'response.incomplete') {
      // A backend response that did not complete withdrew its proposals: nothing runs.
      state.streaming.delete(key);
      return;
    }
    if (nested.type !== 'response.completed') return;
    const calls = (state.streaming.get(key) ?? []).filter((call) => {
      // Once each, even if a reconnect's replay repeated it inside the same stream.
      if (state.proposed.has(call.toolCallId)) return false;
      state.proposed.add(call.toolCallId);
      return true;
    });
    state.streaming.delete(key);
    this.chargeBackend(callId, nested.response.id, nested.response.usage);
    if (calls.length > 0) this.events.emit('call.tool_calls', { callId, calls });
  }

  private chargeBackend(callId: string, responseId: string, usage: BackendUsage | undefined): void {
    if (!usage) return;
    // A replayed response (any replica) is charged once: the charge's key decides, in the database.
    this.states.of(callId).lastInputTokens = usage.input_tokens ?? 0;
    this.events.emit('call.charged', {
      callId,
      price: (session) => this.pricing.backend(usage, liveConfigOf(session), responseId),
      nextResponseUsd: (session) => this.nextEventUsd(callId, session),
    });
  }

  private chargeSeconds(callId: string, cumulative: number): void {
    this.events.emit('call.charged', {
      callId,
      price: (session) => this.pricing.seconds(cumulative, liveConfigOf(session)),
      nextResponseUsd: (session) => this.nextEventUsd(callId, session),
    });
  }

  private nextEventUsd(callId: string, session: SessionConfig): number {
    return this.pricing.nextEventUsd(liveConfigOf(session), this.states.of(callId).lastInputTokens);
  }
}
