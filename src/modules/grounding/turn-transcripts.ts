/** What is known of one caller turn's words, as they arrive. */
interface TurnWords {
  text: string;
  /** Complete: typed, or its transcription completed (or failed: then `text` is what came). */
  done: boolean;
  typed: boolean;
  readonly waiters: Set<() => void>;
}

/** Kept per call; older turns are forgotten. */
const TURNS_KEPT = 32;

/**
 * The caller's words per turn (by the conversation item id) in one Realtime call: typed at once,
 * spoken as the input transcription's deltas and completion arrive (asynchronously, often after
 * the turn was committed). A turn's response can wait for them, up to a deadline.
 */
export class TurnTranscripts {
  private readonly turns = new Map<string, TurnWords>();

  typed(itemId: string, text: string): void {
    const turn = this.turn(itemId);
    Object.assign(turn, { text, done: true, typed: true });
    this.wake(turn);
  }

  delta(itemId: string, delta: string): void {
    const turn = this.turn(itemId);
    if (!turn.done) turn.text += delta;
  }

  completed(itemId: string, transcript: string | undefined): void {
    const turn = this.turn(itemId);
    turn.text = transcript ?? turn.text;
    turn.done = true;
    this.wake(turn);
  }

  /** The words so far, whether they are complete, and whether they were typed. */
  current(itemId: string): { text: string; done: boolean; typed: boolean } {
    const turn = this.turns.get(itemId);
    return turn
      ? { text: turn.text.trim(), done: turn.done, typed: turn.typed }
      : { text: '', done: false, typed: false };
  }

  /** Resolves once the turn's words are complete, or at `ms` from now, whichever is first. */
  async complete(itemId: string, ms: number): Promise<void> {
    const turn = this.turn(itemId);
    if (turn.done || ms <= 0) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        turn.waiters.delete(done);
        resolve();
      }
      turn.waiters.add(done);
    });
  }

  private turn(itemId: string): TurnWords {
    let turn = this.turns.get(itemId);
    if (!turn) {
      turn = { text: '', done: false, typed: false, waiters: new Set() };
      this.turns.set(itemId, turn);
      if (this.turns.size > TURNS_KEPT) this.turns.delete(this.turns.keys().next().value as string);
    }
    return turn;
  }

  private wake(turn: TurnWords): void {
    for (const wake of [...turn.waiters]) wake();
  }
}
