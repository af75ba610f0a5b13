import type { INestApplication } from '@nestjs/common';

import { LiveEventBus, LiveSidebands } from '../../src/modules/gpt-live/index.js';

/** When Switchboard's sideband received a caller delta or an ack, or sent a `thinking.append`. */
export interface ServerMark {
  readonly kind: 'delta' | 'append' | 'ack';
  readonly at: number;
}

/** Switchboard's side of the GPT-Live calls, timed in-process; `stop()` undoes the timing. */
export interface ServerSide {
  /** Every call's marks so far, in order. */
  readonly marks: ReadonlyMap<string, readonly ServerMark[]>;
  stop(): void;
}

/**
 * Times Switchboard's side, in-process: what its sideband receives (LiveEventBus: the caller's
 * input transcript deltas, `session.thinking.appended` acks), and what it sends
 * (`session.thinking.append`, timed around LiveSidebands.send).
 */
export function timeServerSide(app: INestApplication): ServerSide {
  const marks = new Map<string, ServerMark[]>();
  const mark = (callId: string, kind: ServerMark['kind'], at = performance.now()) => {
    const list = marks.get(callId) ?? [];
    list.push({ kind, at });
    marks.set(callId, list);
  };
  const unsubscribe = app.get(LiveEventBus).on('live.event', ({ callId, event }) => {
    if (event.type === 'session.input_transcript.delta') mark(callId, 'delta');
    else if ((event.type as string) === 'session.thinking.appended') mark(callId, 'ack');
  });
  const sidebands = app.get(LiveSidebands);
  const send = sidebands.send.bind(sidebands);
  sidebands.send = (callId, event) => {
    const at = performance.now();
    const sent = send(callId, event);
    if (sent && event.type === 'session.thinking.append') mark(callId, 'append', at);
    return sent;
  };
  return {
    marks,
    stop() {
      unsubscribe();
      sidebands.send = send;
    },
  };
}

/** What Switchboard's side did in one turn, from the turn's own marks (`own`). */
export function serverTimings(own: readonly ServerMark[], saidAt: number, answeredAt: number) {
  const deltas = own.filter((m) => m.kind === 'delta');
  const appends = own.filter((m) => m.kind === 'append');
  const lastDelta = deltas.at(-1)?.at;
  const lastAppend = appends.at(-1);
  const timed = lastDelta !== undefined && lastAppend !== undefined && lastAppend.at >= lastDelta;
  const ack = timed ? own.find((m) => m.kind === 'ack' && m.at >= lastAppend.at) : undefined;
  return {
    lastDeltaToAppendMs: timed ? lastAppend.at - lastDelta : undefined,
    lastDeltaToAckMs: ack && lastDelta !== undefined ? ack.at - lastDelta : undefined,
    sayToFirstAppendMs: appends[0] ? appends[0].at - saidAt : undefined,
    appends: appends.length,
    inputDeltas: deltas.length,
    appendedBeforeAnswer: appends[0] !== undefined && appends[0].at < answeredAt,
  };
}
