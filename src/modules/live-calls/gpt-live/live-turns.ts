/**
 * GPT-Live has no turn events: its transcripts are deltas with session-timeline `start_ms` /
 * `end_ms`, and "do not define complete turns". Turns are derived from timing, one call at a time:
 * a caller turn is the caller's words until the voice's next word, or until a pause longer than
 * `TURN_GAP_MS` (then a new caller turn starts); a voice turn is its words until the caller's
 * next word (or the end of the session). A turn's latency is the timeline gap from the caller's
 * last word to the voice's first word after it: the API's own clock, not this server's.
 */
export const TURN_GAP_MS = 1000;

export interface TranscriptDelta {
  readonly delta: string;
  readonly start_ms: number;
  readonly end_ms: number;
  /** The server event's id: a line is named by its last delta's (a replay repeats it). */
  readonly event_id?: string;
}

export interface SpokenLine {
  readonly role: 'user' | 'assistant';
  readonly text: string;
  /** The `event_id` of the line's last delta, when the deltas had ids. */
  readonly key?: string;
}

/** What one delta finished: a line of each speaker, and a turn's latency once the voice answers. */
export interface TurnEvents {
  readonly lines: SpokenLine[];
  /** The voice answered the caller: ms from the caller's last word to its first word. */
  readonly answeredAfterMs?: number;
  /** The caller started a new turn (the previous one is over: its own time can be recorded). */
  readonly callerResumed: boolean;
}

export class LiveTurns {
  private speaker: 'user' | 'assistant' | undefined;
  private words: string[] = [];
  private lastEndMs = 0;
  private lastEventId: string | undefined;

  /** The caller said `delta`. */
  input(delta: TranscriptDelta): TurnEvents {
    const lines = [];
    const paused = this.speaker === 'user' && delta.start_ms - this.lastEndMs > TURN_GAP_MS;
    const resumed = this.speaker !== 'user' || paused;
    if (resumed) lines.push(...this.flush());
    this.take('user', delta);
    return { lines, callerResumed: resumed };
  }

  /** The voice said `delta`. */
  output(delta: TranscriptDelta): TurnEvents {
    if (this.speaker === 'assistant') {
      this.take('assistant', delta);
      return { lines: [], callerResumed: false };
    }
    const answered = this.speaker === 'user';
    const answeredAfterMs = answered ? Math.max(0, delta.start_ms - this.lastEndMs) : undefined;
    const lines = this.flush();
    this.take('assistant', delta);
    return { lines, callerResumed: false, ...(answered && { answeredAfterMs }) };
  }

  /** What is being said now, not yet a line. */
  pending(): { role: 'user' | 'assistant'; text: string } | undefined {
    const text = this.words.join('').trim();
    return this.speaker && text ? { role: this.speaker, text } : undefined;
  }

  /** The session ended: whatever was being said is a line. */
  end(): TurnEvents['lines'] {
    return this.flush();
  }

  private take(speaker: 'user' | 'assistant', delta: TranscriptDelta): void {
    // Deltas carry their own spaces; two utterances of one turn still need one between them.
    const previous = this.words.at(-1);
    const gap = previous !== undefined && !/\s$/.test(previous) && !/^\s/.test(delta.delta);
    this.speaker = speaker;
    this.words.push(gap && delta.start_ms > this.lastEndMs ? ` ${delta.delta}` : delta.delta);
    this.lastEventId = delta.event_id;
    this.lastEndMs = Math.max(this.lastEndMs, delta.end_ms);
  }

  private flush(): TurnEvents['lines'] {
    const text = this.words.join('').trim();
    const role = this.speaker;
    const key = this.lastEventId;
    this.words = [];
    this.lastEventId = undefined;
    if (!role || !text) return [];
    return [key ? { role, text, key } : { role, text }];
  }
}
