import { Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';

import { RealtimeEventBus, type RealtimeServerEvent } from '../../realtime/index.js';
import {
  SessionTranscriptsRepository,
  type TranscriptLine,
} from '../session-transcripts.repository.js';
import { SessionsService } from '../../sessions/index.js';

export type { TranscriptLine };

/** Longer lines are cut; a transcript is context for people, not a recording. */
const MAX_LINE = 2000;

/**
 * Keeps what was said, from the sideband: the caller's transcribed speech and typed messages,
 * and the assistant's spoken transcript. Approvers read the last lines next to a pending action.
 */
@Injectable()
export class SessionTranscripts implements OnModuleInit, OnApplicationShutdown {
  private unsubscribe?: () => void;

  constructor(
    private readonly lines: SessionTranscriptsRepository,
    private readonly sessions: SessionsService,
    private readonly bus: RealtimeEventBus,
  ) {}

  onModuleInit(): void {
    this.unsubscribe = this.bus.on('sideband.event', ({ callId, event }) => {
      const line = lineOf(event);
      if (line) return this.record(callId, line.role, line.text);
    });
  }

  onApplicationShutdown(): void {
    this.unsubscribe?.();
  }

  recent(sessionId: string, limit: number): Promise<TranscriptLine[]> {
    return this.lines.recent(sessionId, limit);
  }

  private async record(callId: string, role: 'user' | 'assistant', text: string): Promise<void> {
    const session = await this.sessions.findByCall(callId);
    if (session) await this.lines.append(session.id, role, text.slice(0, MAX_LINE));
  }
}

function lineOf(
  event: RealtimeServerEvent,
): { role: 'user' | 'assistant'; text: string } | undefined {
  if (event.type === 'conversation.item.input_audio_transcription.completed')
    return { role: 'user', text: String(event.transcript ?? '') };
  if (event.type === 'response.output_audio_transcript.done')
    return { role: 'assistant', text: String(event.transcript ?? '') };
  if (event.type !== 'conversation.item.done') return undefined;
  const { item } = event;
  if (item?.type === 'message' && item.role === 'user') {
    const text = (item.content ?? [])
      .filter((c) => c.type === 'input_text')
      .map((c) => c.text)
      .join(' ');
    if (text) return { role: 'user', text };
  }
  return undefined;
}
