import { Injectable } from '@nestjs/common';

import {
  type CallerNotice,
  type SessionConfig,
  type ToolOutputDelivery,
  VoiceConversation,
  voiceApiOfCall,
} from '../voice/index.js';
import { LiveConversation } from './gpt-live/live-conversation.js';
import { RealtimeConversation } from './realtime/realtime-conversation.js';

/** `VoiceConversation` for the whole app: each call's adapter, by the API its id names. */
@Injectable()
export class VoiceConversationRouter extends VoiceConversation {
  constructor(
    private readonly realtime: RealtimeConversation,
    private readonly live: LiveConversation,
  ) {
    super();
  }

  private of(callId: string): VoiceConversation {
    return voiceApiOfCall(callId) === 'live' ? this.live : this.realtime;
  }

  sendToolOutput(callId: string, output: ToolOutputDelivery): boolean {
    return this.of(callId).sendToolOutput(callId, output);
  }

  answerToolOutputs(callId: string): void {
    this.of(callId).answerToolOutputs(callId);
  }

  tell(callId: string, notice: CallerNotice): void {
    this.of(callId).tell(callId, notice);
  }

  applySession(callId: string, session: SessionConfig): void {
    this.of(callId).applySession(callId, session);
  }
}
