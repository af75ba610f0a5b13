import { Injectable } from '@nestjs/common';

/**
 * Per call, a promise that settles once every charge seen so far is in the database. A budget
 * check before a response waits for it, so the response that just ended is counted.
 */
@Injectable()
export class ChargesInFlight {
  private readonly byCall = new Map<string, Promise<unknown>>();

  add(callId: string, charge: Promise<unknown>): void {
    const before = this.byCall.get(callId) ?? Promise.resolve();
    // A failed charge still counts as settled: later checks must not wait on it, or reject.
    const settled = Promise.all([before, charge.catch(() => undefined)]);
    this.byCall.set(callId, settled);
    // Forgotten once settled and nothing newer came, so ended calls leave nothing behind.
    void settled.finally(() => {
      if (this.byCall.get(callId) === settled) this.byCall.delete(callId);
    });
  }

  settled(callId: string): Promise<unknown> {
    return this.byCall.get(callId) ?? Promise.resolve();
  }
}
