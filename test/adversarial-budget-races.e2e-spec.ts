import { SessionsService } from '../src/modules/sessions/sessions.service.js';
import { profilesFileEnv } from './support/profiles-file.js';
import {
  SessionClient,
  connectedBrowser,
  eventually,
  inspectSimCall,
  respondUntilEnded,
} from './support/session-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { JWT_ENV } from './support/tokens.js';
import { WeriftBrowser } from './support/werift-browser.js';

/** The output cap of the test profile: the first response may cost at most CAP × $64/1M. */
const CAP = 100;
const FIRST_RESPONSE_CEILING = (CAP * 64) / 1e6;

function typeTurn(browser: WeriftBrowser, text: string): void {
  browser.send({
    type: 'conversation.item.create',
    item: { type: 'message', role: 'user', content: [{ type: 'input_text', text }] },
  });
}

const serverCreates = async (sut: TestApp, callId: string) =>
  (await inspectSimCall(sut, callId)).events.filter(
    (e) => e.direction === 'in' && e.event.type === 'response.create' && e.via === 'sideband',
  );

describe('adversarial: a budget check that reads the spend before the meter wrote it', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await startTestApp({
      env: {
        ...JWT_ENV,
        ...profilesFileEnv({ default: { responseStart: 'server', maxOutputTokens: CAP } }),
        SWITCHBOARD_SIMULATOR_INSPECTION: 'true',
        // Pays for exactly one full first response, and for nothing after it.
        SWITCHBOARD_SESSION_BUDGET_USD: String(FIRST_RESPONSE_CEILING + 0.0001),
      },
    });
  });
  afterAll(() => sut.close());

  // A user turn queued while the first response runs is started on that response's
  // response.done; the budget check must see that response's cost (it waits for the meter).
  it('starts no second response once the first has used what the budget could pay', async () => {
    const { browser, callId, id } = await connectedBrowser(sut, 'racer');
    try {
      typeTurn(browser, 'hello there');
      await browser.stream.next('response.created');
      // A second turn while the model talks: the server queues its answer.
      typeTurn(browser, 'and another thing');
      await browser.stream.next('response.done');
      const ended = await eventually(async () => {
        const session = await sut.app.get(SessionsService).getAny(id);
        return session.state === 'ended' ? session : undefined;
      });
      expect(ended.endReason).toBe('budget_exceeded:session');
      const creates = await serverCreates(sut, callId);
      // Only the first response may have been started: the budget could not pay a second.
      expect(creates).toHaveLength(1);
      expect(ended.usage.responses).toBe(1);
    } finally {
      await browser.close();
    }
  });
});

describe('adversarial: user-day budgets and users of different tenants with the same id', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await startTestApp({
      env: {
        ...JWT_ENV,
        ...profilesFileEnv({ default: { maxOutputTokens: CAP } }),
        SWITCHBOARD_SIMULATOR_INSPECTION: 'true',
        SWITCHBOARD_USER_DAILY_BUDGET_USD: '0.03',
      },
    });
  });
  afterAll(() => sut.close());

  // A user is a user within a tenant: "alice" of acme must not spend the day's budget of "alice"
  // of globex (found by an adversarial pass: spend used to be summed by user id alone).
  /** Talks in one session of `client`'s until the meter ends it; returns why it ended. */
  async function talkUntilEnded(client: SessionClient): Promise<string | null> {
    const { id } = await client.open();
    const browser = new WeriftBrowser();
    const res = await client.sdp(id, await browser.offer());
    await browser.accept(await res.text());
    await browser.stream.next('session.created');
    const callId = (await sut.app.get(SessionsService).getAny(id)).callId!;
    await eventually(async () => (await inspectSimCall(sut, callId)).sidebands === 1, 20_000);
    try {
      return await respondUntilEnded(sut, id, browser);
    } finally {
      await browser.close();
    }
  }

  it("does not charge one tenant's user for another tenant's user of the same sub", async () => {
    const acme = await SessionClient.as(sut, 'alice', ['customer'], 'acme');
    let refused: Response | undefined;
    for (let attempt = 0; attempt < 6 && !refused; attempt++) {
      expect(await talkUntilEnded(acme)).toBe('budget_exceeded:user_day');
      const next = await acme.request('/v1/sessions', { method: 'POST', body: '{}' });
      if (next.status === 429) refused = next;
      else {
        const { id } = (await next.json()) as { id: string };
        await acme.request(`/v1/sessions/${id}`, { method: 'DELETE' });
      }
    }
    // alice of acme has spent her day's budget: that is the budget working.
    expect(refused?.status).toBe(429);
    // alice of globex is another person (another tenant) and has spent nothing today.
    const globex = await SessionClient.as(sut, 'alice', ['customer'], 'globex');
    const opened = await globex.request('/v1/sessions', { method: 'POST', body: '{}' });
    const body = (await opened.json()) as { code?: string; scope?: string };
    expect({ status: opened.status, code: body.code, scope: body.scope }).toEqual({
      status: 201,
      code: undefined,
      scope: undefined,
    });
  });
});
