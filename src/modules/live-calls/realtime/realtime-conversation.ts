import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';

import {
  RealtimeEventBus,
  type ServerEventOf,
  SidebandConnections,
  SidebandTags,
} from '../../realtime/index.js';
import {
  type CallerNotice,
  type ProposedToolCall,
  realtimeConfigOf,
  type SessionConfig,
  type ToolOutputDelivery,
  VoiceConversation,
  VoiceEvents,
} from '../../voice/index.js';
import { GovernedCalls } from './governed-calls.js';
import { RealtimePricing, type ResponseUsage } from './realtime-pricing.js';
import { ServerResponses } from './server-responses.js';
import { revertUpdate } from './tamper-check.js';

/** What shows that someone speaks in a call (the caller's speech, a typed turn, the voice's). */
const SPEECH = new Set<string>([
  'input_audio_buffer.speech_started',
  'conversation.item.input_audio_transcription.completed',
  'response.output_audio_transcript.delta',
  'response.output_text.delta',
]);

/**
 * The Realtime API behind the `VoiceConversation` port, and the translator of its sideband events
 * into `VoiceEvents`: a completed `response.done` proposes its function calls and is charged from
 * its usage; an input transcription is charged apart; a lost sideband is a lost call. Everything
 * Switchboard says goes in as items tagged by `SidebandTags`, then one `ServerResponses` request.
 */
@Injectable()
export class RealtimeConversation
  extends VoiceConversation
  implements OnModuleInit, OnApplicationShutdown
{
  private readonly logger = new Logger(RealtimeConversation.name);
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly bus: RealtimeEventBus,
    private readonly events: VoiceEvents,
    private readonly sidebands: SidebandConnections,
    private readonly tags: SidebandTags,
    private readonly responses: ServerResponses,
    private readonly calls: GovernedCalls,
    private readonly pricing: RealtimePricing,
  ) {
    super();
  }

  onModuleInit(): void {
    this.unsubscribe.push(
      // Synchronous: a charge is known to the meter before anything else reacts to the event.
      this.bus.on('server:response.done', ({ callId, event }) => this.responseDone(callId, event)),
      this.bus.on(
        'server:conversation.item.input_audio_transcription.completed',
        ({ callId, event }) => this.transcribed(callId, event),
      ),
      this.bus.on('sideband.lost', (lost) => this.events.emit('call.lost', lost)),
      this.bus.on('sideband.event', ({ callId, event }) => {
        if (SPEECH.has(event.type)) this.events.emit('call.activity', { callId });
      }),
    );
  }

  onApplicationShutdown(): void {
    for (const stop of this.unsubscribe) stop();
  }

  sendToolOutput(callId: string, { toolCallId, output }: ToolOutputDelivery): boolean {
    // Tagged, so the tamper guard knows it for Switchboard's own (the page cannot mint the tag).
    const sent = this.sidebands.send(callId, {
      type: 'conversation.item.create',
      item: this.tags.tagItem(callId, {
        type: 'function_call_output',
        call_id: toolCallId,
        output: JSON.stringify(output),
      }),
    });
    if (!sent)
      this.logger.warn({ callId, toolCallId }, 'Sideband closed; tool output not delivered');
    return sent;
  }

  answerToolOutputs(callId: string): void {
    this.responses.request(callId, { reason: 'tool_outputs' });
  }

  tell(callId: string, notice: CallerNotice): void {
    const message = this.tags.tagItem(callId, {
      type: 'message',
      role: 'system',
      content: [{ type: 'input_text', text: notice.text }],
    });
    this.responses.request(callId, {
      reason: notice.reason,
      items: [message],
      ...(notice.say ? { response: { instructions: `Say exactly: ${notice.say}` } } : {}),
    });
  }

  applySession(callId: string, session: SessionConfig): void {
    this.sidebands.send(callId, revertUpdate(realtimeConfigOf(session)));
  }

  /** A finished response: charged from its usage, and its function calls proposed if it completed. */
  private responseDone(callId: string, { response }: ServerEventOf<'response.done'>): void {
    if (response?.usage) this.chargeResponse(callId, response.usage);
    // A cancelled or failed response (barge-in, error) withdrew its proposals: nothing runs.
    if (response?.status && response.status !== 'completed') return;
    // An id or name the wire leaves out goes to the pipeline as empty: refused there, audited.
    const calls = (response?.output ?? []).flatMap((item): ProposedToolCall[] =>
      item.type === 'function_call'
        ? [
            {
              toolCallId: item.call_id ?? '',
              name: item.name ?? '',
              arguments: item.arguments ?? '',
            },
          ]
        : [],
    );
    if (calls.length > 0) this.events.emit('call.tool_calls', { callId, calls });
  }

  /** An input transcription, billed apart from responses. */
  private transcribed(
    callId: string,
    { usage }: ServerEventOf<'conversation.item.input_audio_transcription.completed'>,
  ): void {
    if (!usage) return;
    this.events.emit('call.charged', {
      callId,
      price: (session) => this.pricing.transcription(usage, realtimeConfigOf(session)),
      nextResponseUsd: (session) => this.pricing.nextResponseUsd(callId, realtimeConfigOf(session)),
    });
  }

  private chargeResponse(callId: string, usage: ResponseUsage): void {
    const call = this.calls.get(callId);
    if (call) call.lastUsage = usage;
    this.events.emit('call.charged', {
      callId,
      price: (session) => this.pricing.response(usage, realtimeConfigOf(session)),
      nextResponseUsd: (session) => this.pricing.nextResponseUsd(callId, realtimeConfigOf(session)),
    });
  }
}
