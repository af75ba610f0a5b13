import { Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';

import { LiveEventBus } from '../../gpt-live/index.js';
import type { ProposedToolCall } from '../../voice/index.js';

/**
 * What this replica remembers of a GPT-Live session whose sideband it holds. A reconnect replays
 * a short history, so what was already proposed is remembered here and not proposed twice (the
 * database is still the source of truth: a tool call runs and answers once by its row, a charge
 * is made once by its key).
 */
export class LiveCallState {
  /** Function calls proposed so far, by call id. */
  readonly proposed = new Set<string>();
  /** Function calls of a backend response still streaming, by delegation. */
  readonly streaming = new Map<string, ProposedToolCall[]>();
  /** What the last backend response read: the floor of what the next one reads again. */
  lastInputTokens = 0;
}

@Injectable()
export class LiveCallStates implements OnModuleInit, OnApplicationShutdown {
  private readonly states = new Map<string, LiveCallState>();
  private readonly unsubscribe: (() => void)[] = [];

  constructor(private readonly bus: LiveEventBus) {}

  onModuleInit(): void {
    this.unsubscribe.push(
      this.bus.on('live.closed', ({ callId }) => this.states.delete(callId)),
      this.bus.on('live.lost', ({ callId }) => this.states.delete(callId)),
    );
  }

  onApplicationShutdown(): void {
    for (const stop of this.unsubscribe) stop();
  }

  of(callId: string): LiveCallState {
    let state = this.states.get(callId);
    if (!state) {
      state = new LiveCallState();
      this.states.set(callId, state);
    }
    return state;
  }
}
