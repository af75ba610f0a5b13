/** One line of the conversation as the page shows it; `text` is all of it so far, not a delta. */
export interface TranscriptEvent {
  /** Stable per utterance: a page replaces the line with this id as it grows. */
  readonly id: string;
  readonly role: 'user' | 'assistant';
  readonly text: string;
  /** No more text will come for this id. */
  readonly final: boolean;
}

type Json = Record<string, unknown>;
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * Turns the data channel's transcript events, Realtime's or GPT-Live's, into `TranscriptEvent`s.
 * Realtime names each item and says when it is done. GPT-Live sends only deltas and "do not
 * define complete turns": a run of one speaker's deltas is one line, final when the other speaks.
 */
export class Transcripts {
  private readonly texts = new Map<string, string>();
  private liveRun?: { id: string; role: 'user' | 'assistant' };
  private liveRuns = 0;

  constructor(private readonly emit: (event: TranscriptEvent) => void) {}

  /** Feeds one data-channel event; anything that is not a transcript is ignored. */
  observe(event: Json): void {
    const type = str(event.type);
    const itemId = str(event.item_id);
    switch (type) {
      case 'conversation.item.input_audio_transcription.delta':
        return this.grow(itemId, 'user', str(event.delta));
      case 'conversation.item.input_audio_transcription.completed':
        return this.complete(itemId, 'user', str(event.transcript));
      case 'response.output_audio_transcript.delta':
      case 'response.output_text.delta':
        return this.grow(itemId, 'assistant', str(event.delta));
      case 'response.output_audio_transcript.done':
        return this.complete(itemId, 'assistant', str(event.transcript));
      case 'response.output_text.done':
        return this.complete(itemId, 'assistant', str(event.text));
      case 'conversation.item.added':
        return this.typed(event.item as Json | undefined);
      case 'session.input_transcript.delta':
        return this.live('user', str(event.delta));
      case 'session.output_transcript.delta':
        return this.live('assistant', str(event.delta));
      case 'session.closed':
        return this.endLiveRun();
    }
  }

  private grow(id: string, role: TranscriptEvent['role'], delta: string): void {
    if (!id || !delta) return;
    const text = (this.texts.get(id) ?? '') + delta;
    this.texts.set(id, text);
    this.emit({ id, role, text, final: false });
  }

  private complete(id: string, role: TranscriptEvent['role'], text: string): void {
    if (!id) return;
    this.texts.delete(id);
    this.emit({ id, role, text, final: true });
  }

  /** A typed user message (Realtime): shown once the conversation has it, whole. */
  private typed(item: Json | undefined): void {
    if (!item || item.type !== 'message' || item.role !== 'user') return;
    const parts = Array.isArray(item.content) ? (item.content as Json[]) : [];
    const text = parts
      .filter((part) => part.type === 'input_text')
      .map((part) => str(part.text))
      .join(' ');
    if (text) this.complete(str(item.id), 'user', text);
  }

  private live(role: TranscriptEvent['role'], delta: string): void {
    if (!delta) return;
    if (this.liveRun?.role !== role) {
      this.endLiveRun();
      this.liveRun = { id: `live_${role}_${++this.liveRuns}`, role };
    }
    this.grow(this.liveRun.id, role, delta);
  }

  private endLiveRun(): void {
    const run = this.liveRun;
    this.liveRun = undefined;
    if (run) this.complete(run.id, run.role, this.texts.get(run.id) ?? '');
  }
}
