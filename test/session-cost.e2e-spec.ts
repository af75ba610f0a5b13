import { SessionsService } from '../src/modules/sessions/sessions.service.js';
import {
  SessionClient,
  connectedBrowser,
  respondUntilEnded,
  eventually,
  inspectSimCall,
  speakInCall,
} from './support/session-client.js';
import { profilesFileEnv } from './support/profiles-file.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { JWT_ENV } from './support/tokens.js';

/** gpt-realtime, USD per 1M tokens, from OpenAI's published prices (independent of the code). */
const P = { textIn: 4, textCached: 0.4, textOut: 16, audioIn: 32, audioCached: 0.4, audioOut: 64 };

type Usage = {
  input_token_details: {
    text_tokens: number;
    audio_tokens: number;
    cached_tokens_details: { text_tokens: number; audio_tokens: number };
  };
  output_token_details: { text_tokens: number; audio_tokens: number };
};

const expectedCost = (u: Usage) => {
  const i = u.input_token_details;
  const c = i.cached_tokens_details;
  return (
    ((i.text_tokens - c.text_tokens) * P.textIn +
      c.text_tokens * P.textCached +
      (i.audio_tokens - c.audio_tokens) * P.audioIn +
      c.audio_tokens * P.audioCached +
      u.output_token_details.text_tokens * P.textOut +
      u.output_token_details.audio_tokens * P.audioOut) /
    1e6
  );
};

/** The output cap the test profiles set: a response costs at most this many output tokens. */
const CAP = 100;
const CAPPED = profilesFileEnv({ default: { maxOutputTokens: CAP } });

/**
 * The most the next response can cost, computed independently of the code: what the last one read
 * (at its rates) plus what it wrote (re-read as uncached audio) plus CAP tokens of audio output.
 */
const nextResponseCeiling = (last: Usage) => {
  const i = last.input_token_details;
  const c = i.cached_tokens_details;
  const read =
    (i.text_tokens - c.text_tokens) * P.textIn +
    c.text_tokens * P.textCached +
    (i.audio_tokens - c.audio_tokens) * P.audioIn +
    c.audio_tokens * P.audioCached;
  const written = last.output_token_details.text_tokens + last.output_token_details.audio_tokens;
  return (read + written * P.audioIn + CAP * P.audioOut) / 1e6;
};

describe('sessions: cost meter and budgets', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await startTestApp({
      env: {
        ...JWT_ENV,
        SWITCHBOARD_SIMULATOR_INSPECTION: 'true',
        ...CAPPED,
        SWITCHBOARD_SESSION_BUDGET_USD: '0.1',
      },
    });
  });
  afterAll(() => sut.close());

  it('prices every response from its usage and hangs up before a response could cross the budget', async () => {
    const { id, browser, callId } = await connectedBrowser(sut, 'vera');
    try {
      const service = sut.app.get(SessionsService);
      const budget = 0.1;
      let spent = 0;
      let warned = false;
      let last: Usage | undefined;
      for (let turn = 0; turn < 40 && (await service.getAny(id)).state === 'active'; turn++) {
        browser.send({ type: 'response.create' });
        const done = await browser.stream.next('response.done');
        last = (done.response as { usage: Usage }).usage;
        spent += expectedCost(last);
        await eventually(async () => Math.abs((await service.getAny(id)).costUsd - spent) < 1e-6);
        // When what is left cannot pay for one more full response, the session ends now; wait
        // for that before the page may start another (the page, not the server, starts these).
        if (budget - spent < nextResponseCeiling(last))
          await eventually(async () => (await service.getAny(id)).state === 'ended');
        else if (spent >= 0.8 * budget) warned = true;
      }
      const ended = await service.getAny(id);
      expect(ended.state).toBe('ended');
      expect(ended.endReason).toBe('budget_exceeded:session');
      expect(ended.costUsd).toBeCloseTo(spent, 6);
      expect(ended.usage.responses).toBeGreaterThanOrEqual(2);
      // The target: no overshoot at all.
      expect(Math.max(0, ended.costUsd - budget)).toBe(0);
      expect((await inspectSimCall(sut, callId)).state).toBe('ended');
      const entries = await sut.query<{ action: string; data: Record<string, number> }>(
        `SELECT action, data FROM audit_log WHERE subject = $1 ORDER BY seq`,
        [id],
      );
      expect(warned).toBe(true); // the budget and cap are chosen so that 80 % comes first
      expect(entries.map((r) => r.action)).toEqual([
        'session.opened',
        'session.connected',
        'session.budget_warning',
        'session.budget_exceeded',
        'session.ended',
      ]);
      const exceeded = entries.find((r) => r.action === 'session.budget_exceeded')!.data;
      expect(exceeded).toMatchObject({ scope: 'session', budget });
      expect(exceeded.remainingUsd).toBeCloseTo(budget - spent, 6);
      expect(exceeded.nextResponseUsd).toBeCloseTo(nextResponseCeiling(last!), 6);
    } finally {
      await browser.close();
    }
  });
});

describe('sessions: a spent daily budget stops new sessions', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await startTestApp({
      env: {
        ...JWT_ENV,
        SWITCHBOARD_SIMULATOR_INSPECTION: 'true',
        ...CAPPED,
        SWITCHBOARD_USER_DAILY_BUDGET_USD: '0.03',
      },
    });
  });
  afterAll(() => sut.close());

  /** Talks in one session of walt's until the meter ends it; returns why it ended. */
  async function talkUntilEnded(): Promise<string | null> {
    const { id, browser } = await connectedBrowser(sut, 'walt');
    try {
      return await respondUntilEnded(sut, id, browser, 10);
    } finally {
      await browser.close();
    }
  }

  it('hangs up at the user-day budget, then refuses a new open once it cannot pay a first response', async () => {
    const client = await SessionClient.as(sut, 'walt');
    const ends: (string | null)[] = [];
    let refused: Response | undefined;
    // Each session ends while its next response could cross the day's budget; a new one is still
    // admitted while the rest pays for a first response in full, and refused after that.
    for (let attempt = 0; attempt < 6 && !refused; attempt++) {
      ends.push(await talkUntilEnded());
      const next = await client.request('/v1/sessions', { method: 'POST', body: '{}' });
      if (next.status === 429) refused = next;
      else {
        expect(next.status).toBe(201);
        const { id } = (await next.json()) as { id: string };
        await client.request(`/v1/sessions/${id}`, { method: 'DELETE' });
      }
    }
    expect(ends.length).toBeGreaterThanOrEqual(1);
    expect(new Set(ends)).toEqual(new Set(['budget_exceeded:user_day']));
    expect(refused).toBeDefined();
    expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused!.json()).toMatchObject({
      code: 'BUDGET_EXHAUSTED',
      scope: 'user_day',
      budgetUsd: 0.03,
    });
    const spent = await sut.query<{ total: string }>(
      `SELECT sum(cost_usd) AS total FROM sessions WHERE user_id = 'walt'`,
    );
    expect(Number(spent[0].total)).toBeGreaterThan(0);
    expect(Number(spent[0].total)).toBeLessThanOrEqual(0.03);
  });
});

describe('sessions: input transcription is priced apart', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await startTestApp({ env: { ...JWT_ENV, SWITCHBOARD_SIMULATOR_INSPECTION: 'true' } });
  });
  afterAll(() => sut.close());

  it('adds each transcription at its own price (gpt-4o-transcribe, per minute) to the session', async () => {
    const { id, browser, callId } = await connectedBrowser(sut, 'tess');
    try {
      await speakInCall(sut, callId, 'hello there, how are you today');
      const transcribed = await browser.stream.next(
        'conversation.item.input_audio_transcription.completed',
      );
      const { seconds } = transcribed.usage as { type: 'duration'; seconds: number };
      expect(seconds).toBeGreaterThan(0);
      const done = await browser.stream.next('response.done');
      // OpenAI's published rate for gpt-4o-transcribe billed by duration: 0.006 USD per minute.
      const expected =
        expectedCost((done.response as { usage: Usage }).usage) + (seconds / 60) * 0.006;
      const session = await eventually(async () => {
        const s = await sut.app.get(SessionsService).getAny(id);
        return s.usage.transcriptions === 1 && s.usage.responses === 1 ? s : undefined;
      });
      expect(session.costUsd).toBeCloseTo(expected, 6);
    } finally {
      await browser.close();
    }
  });
});

describe('sessions: budgets when the server starts every response', () => {
  let sut: TestApp;
  const serverStarts = (budget: string) =>
    startTestApp({
      env: {
        ...JWT_ENV,
        ...profilesFileEnv({ default: { responseStart: 'server', maxOutputTokens: CAP } }),
        SWITCHBOARD_SIMULATOR_INSPECTION: 'true',
        SWITCHBOARD_SESSION_BUDGET_USD: budget,
      },
    });
  afterEach(() => sut.close());

  it('never starts a response the session budget could not pay in full', async () => {
    sut = await serverStarts('0.06');
    const { id, browser, callId } = await connectedBrowser(sut, 'xena');
    try {
      const service = sut.app.get(SessionsService);
      for (let turn = 0; turn < 30 && (await service.getAny(id)).state === 'active'; turn++) {
        await speakInCall(sut, callId, 'hello there').catch(() => undefined); // ended meanwhile
        await Promise.race([
          browser.stream.next('response.done'),
          eventually(async () => (await service.getAny(id)).state !== 'active'),
        ]);
      }
      const ended = await eventually(async () => {
        const session = await service.getAny(id);
        return session.state === 'ended' ? session : undefined;
      });
      expect(ended.endReason).toBe('budget_exceeded:session');
      expect(ended.usage.responses).toBeGreaterThanOrEqual(2);
      expect(Math.max(0, ended.costUsd - 0.06)).toBe(0);
      const created = browser.stream.events.filter((e) => e.type === 'response.created');
      expect(created.length).toBe(ended.usage.responses);
    } finally {
      await browser.close();
    }
  });

  it('starts nothing when even the first response would cross the budget, and hangs up', async () => {
    // CAP tokens of audio output alone cost 100 x $64 per 1M = $0.0064, more than this budget.
    sut = await serverStarts('0.005');
    const { id, browser, callId } = await connectedBrowser(sut, 'yuri');
    try {
      await speakInCall(sut, callId, 'hello there');
      const ended = await eventually(async () => {
        const session = await sut.app.get(SessionsService).getAny(id);
        return session.state === 'ended' ? session : undefined;
      });
      expect(ended.endReason).toBe('budget_exceeded:session');
      expect(ended.costUsd).toBeLessThanOrEqual(0.005); // the turn's transcription at most
      expect(ended.usage.responses ?? 0).toBe(0);
      const inspected = await inspectSimCall(sut, callId);
      expect(inspected.events.some((e) => e.event.type === 'response.create')).toBe(false);
      expect(inspected.state).toBe('ended');
    } finally {
      await browser.close();
    }
  });
});
