import { Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { RealtimeEventBus, type RealtimeServerEvent } from '../realtime/index.js';
import { SessionsService } from './sessions.service.js';

/** Longer lines are cut; a transcript is context for people, not a recording. */
const MAX_LINE = 2000;

export interface TranscriptLine {
  readonly role: 'user' | 'assistant';
  readonly text: string;
  readonly at: Date;
}

/**
 * Keeps what was said, from the sideband: the caller's transcribed speech and typed messages,
 * and the assistant's spoken transcript. Approvers read the last lines next to a pending action.
 */
@Injectable()
export class SessionTranscripts implements OnModuleInit, OnApplicationShutdown {
  private unsubscribe?: () => void;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
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

  async recent(sessionId: string, limit: number): Promise<TranscriptLine[]> {
    const rows = (await this.dataSource.query(
      `SELECT role, text, at FROM (
         SELECT id, role, text, at FROM session_transcripts WHERE session_id = $1
         ORDER BY id DESC LIMIT $2) recent
       ORDER BY id`,
      [sessionId, limit],
    )) as TranscriptLine[];
    return rows;
  }

  private async record(callId: string, role: 'user' | 'assistant', text: string): Promise<void> {
    const session = await this.sessions.findByCall(callId);
    if (!session) return;
    await this.dataSource.query(
      `INSERT INTO session_transcripts (session_id, role, text) VALUES ($1, $2, $3)`,
      [session.id, role, text.slice(0, MAX_LINE)],
    );
  }
}

function lineOf(
  event: RealtimeServerEvent,
): { role: 'user' | 'assistant'; text: string } | undefined {
  if (event.type === 'conversation.item.input_audio_transcription.completed')
    return { role: 'user', text: String(event.transcript ?? '') };
  if (event.type === 'response.output_audio_transcript.done')
    return { role: 'assistant', text: String(event.transcript ?? '') };
  const item = event.item as
    { type?: string; role?: string; content?: { type?: string; text?: string }[] } | undefined;
  if (event.type === 'conversation.item.done' && item?.type === 'message' && item.role === 'user') {
    const text = (item.content ?? [])
      .filter((c) => c.type === 'input_text')
      .map((c) => c.text)
      .join(' ');
    if (text) return { role: 'user', text };
  }
  return undefined;
}
