/** The parts of a Realtime `response.done` a typed turn reads. */
interface DoneResponse {
  readonly status?: string;
  readonly status_details?: { readonly reason?: string; readonly error?: { message?: string } };
  readonly output?: readonly { type?: string; role?: string; call_id?: string }[];
}

/**
 * One typed turn: the responses that follow it until one says something. A response that only
 * proposes function calls is a tool round (Switchboard runs them, sends their outputs and starts
 * the next response); the answer is the first response with an assistant message, or one that
 * did not complete (cancelled, failed).
 */
export class CallTurn {
  /** The final assistant transcripts heard during the turn, in order. */
  readonly said: string[] = [];
  /** The function calls the model proposed during the turn (their outcomes come by SSE). */
  readonly toolCallIds: string[] = [];
  /** Why the answering response did not complete, when it did not. */
  unfinished?: string;
  readonly answered: Promise<void>;
  private resolve!: () => void;

  constructor() {
    this.answered = new Promise((resolve) => (this.resolve = resolve));
  }

  responseDone(response: DoneResponse | undefined): void {
    const output = response?.output ?? [];
    for (const item of output)
      if (item.type === 'function_call' && item.call_id) this.toolCallIds.push(item.call_id);
    const spoke = output.some((item) => item.type === 'message' && item.role === 'assistant');
    const status = response?.status ?? 'completed';
    if (status !== 'completed') {
      const details = response?.status_details;
      this.unfinished = [status, details?.reason ?? details?.error?.message]
        .filter(Boolean)
        .join(': ');
    }
    if (spoke || status !== 'completed') this.resolve();
  }
}
