import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface TranscriptLine {
  readonly role: 'user' | 'assistant';
  readonly text: string;
  readonly at: Date;
}

/** The only place the `session_transcripts` table is read or written. */
@Injectable()
export class SessionTranscriptsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async append(sessionId: string, role: TranscriptLine['role'], text: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO session_transcripts (session_id, role, text) VALUES ($1, $2, $3)`,
      [sessionId, role, text],
    );
  }

  /** The session's last `limit` lines, oldest first. */
  async recent(sessionId: string, limit: number): Promise<TranscriptLine[]> {
    return (await this.dataSource.query(
      `SELECT role, text, at FROM (
         SELECT id, role, text, at FROM session_transcripts WHERE session_id = $1
         ORDER BY id DESC LIMIT $2) recent
       ORDER BY id`,
      [sessionId, limit],
    )) as TranscriptLine[];
  }
}
