import { jest } from '@jest/globals';

import type { SessionRecord, SessionsService } from '../sessions/index.js';
import { SessionLifecycle } from '../sessions/index.js';
import { VoiceEvents } from '../voice/index.js';
import { IdleTimers } from './idle-timers.js';

describe(IdleTimers.name, () => {
  const session = (idleSeconds?: number) =>
    ({ id: 'ses_1', callId: 'live_1', limits: { idleSeconds } }) as unknown as SessionRecord;

  let ended: string[];
  let events: VoiceEvents;
  let lifecycle: SessionLifecycle;
  let sut: IdleTimers;

  beforeEach(() => {
    jest.useFakeTimers({ now: 0 });
    ended = [];
    const sessions = {
      end: async (id: string, _outcome: string, reason: string) =>
        void ended.push(`${id}:${reason}`),
    } as unknown as SessionsService;
    events = new VoiceEvents();
    lifecycle = new SessionLifecycle();
    sut = new IdleTimers(sessions, events, lifecycle);
    sut.onModuleInit();
  });
  afterEach(() => {
    sut.onApplicationShutdown();
    jest.useRealTimers();
  });

  it('ends the session after its idle limit without speech', () => {
    lifecycle.emit('call.attached', { session: session(10), callId: 'live_1', takeover: false });
    jest.advanceTimersByTime(9_999);
    expect(ended).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(ended).toEqual(['ses_1:idle']);
  });

  it('counts the limit from the last speech', () => {
    lifecycle.emit('call.attached', { session: session(10), callId: 'live_1', takeover: false });
    jest.advanceTimersByTime(6_000);
    events.emit('call.activity', { callId: 'live_1' });
    jest.advanceTimersByTime(9_999);
    expect(ended).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(ended).toEqual(['ses_1:idle']);
  });

  it('has no limit at 0, and stops watching a released call', () => {
    lifecycle.emit('call.attached', { session: session(0), callId: 'live_1', takeover: false });
    jest.advanceTimersByTime(60_000);
    expect(ended).toEqual([]);
    lifecycle.emit('call.attached', { session: session(10), callId: 'live_1', takeover: false });
    lifecycle.emit('call.released', { sessionId: 'ses_1', callId: 'live_1' });
    jest.advanceTimersByTime(60_000);
    expect(ended).toEqual([]);
  });
});
