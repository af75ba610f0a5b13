import { SessionsService } from '../src/modules/sessions/sessions.service.js';
import {
  connectedBrowser,
  eventually,
  inspectSimCall,
  speakInCall,
} from './support/session-client.js';
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

describe('sessions: cost meter and budgets', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await startTestApp({
      env: {
        ...JWT_ENV,
        SWITCHBOARD_SIMULATOR_INSPECTION: 'true',
        SWITCHBOARD_SESSION_BUDGET_USD: '0.012',
      },
    });
  });
  afterAll(() => sut.close());

  it('prices every response from its usage, warns at 80 %, and hangs up at the session budget', async () => {
    const { id, browser, callId } = await connectedBrowser(sut, 'vera');
    try {
      const service = sut.app.get(SessionsService);
      let spent = 0;
      for (let turn = 0; turn < 10 && (await service.getAny(id)).state === 'active'; turn++) {
        browser.send({ type: 'response.create' });
        const done = await browser.stream.next('response.done');
        spent += expectedCost((done.response as { usage: Usage }).usage);
        await eventually(async () => Math.abs((await service.getAny(id)).costUsd - spent) < 1e-6);
      }
      const ended = await eventually(async () => {
        const s = await service.getAny(id);
        return s.state === 'ended' ? s : undefined;
      });
      expect(ended.endReason).toBe('budget_exceeded:session');
      expect(ended.costUsd).toBeGreaterThanOrEqual(0.012);
      expect(ended.costUsd).toBeCloseTo(spent, 6);
      expect(ended.usage.responses).toBeGreaterThanOrEqual(2);
      expect((await inspectSimCall(sut, callId)).state).toBe('ended');
      const actions = (
        await sut.query<{ action: string }>(
          `SELECT action FROM audit_log WHERE subject = $1 ORDER BY seq`,
          [id],
        )
      ).map((r) => r.action);
      expect(actions).toEqual([
        'session.opened',
        'session.connected',
        'session.budget_warning',
        'session.budget_exceeded',
        'session.ended',
      ]);
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
        SWITCHBOARD_USER_DAILY_BUDGET_USD: '0.004',
      },
    });
  });
  afterAll(() => sut.close());

  it('hangs up at the user-day budget, then refuses the next open with 429 BUDGET_EXHAUSTED', async () => {
    const { client, id, browser } = await connectedBrowser(sut, 'walt');
    try {
      const service = sut.app.get(SessionsService);
      for (let turn = 0; turn < 10 && (await service.getAny(id)).state === 'active'; turn++) {
        browser.send({ type: 'response.create' });
        // The meter may still be ending the session for the previous response: then no reply comes.
        await Promise.race([
          browser.stream.next('response.done'),
          eventually(async () => (await service.getAny(id)).state !== 'active'),
        ]);
        await eventually(
          async () =>
            (await service.getAny(id)).usage.responses === turn + 1 ||
            (await service.getAny(id)).state !== 'active',
        );
      }
      expect(await eventually(async () => (await service.getAny(id)).endReason)).toBe(
        'budget_exceeded:user_day',
      );
      const refused = await client.request('/v1/sessions', { method: 'POST', body: '{}' });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await refused.json()).toMatchObject({
        code: 'BUDGET_EXHAUSTED',
        scope: 'user_day',
        budgetUsd: 0.004,
      });
    } finally {
      await browser.close();
    }
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
