import { SessionsService } from '../src/modules/sessions/sessions.service.js';
import { startSimulator, type Simulator } from '../src/simulator/index.js';
import { eventually, SessionClient } from './support/session-client.js';
import { inspectCall } from './support/simulator-http.js';
import { freshSchema, startTestApp, type TestApp } from './support/test-app.js';
import { JWT_ENV } from './support/tokens.js';
import { WeriftBrowser } from './support/werift-browser.js';

/**
 * Two replicas on one database and one upstream: exactly one owns a call's sideband; when the
 * owner goes away, the other takes the lease over, reopens the sideband and can still end the call.
 */
describe('sessions: sideband ownership across replicas', () => {
  let upstream: Simulator;
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    upstream = await startSimulator({ apiKey: 'sk-upstream-lease-test', inspection: true });
    const env = {
      ...JWT_ENV,
      OPENAI_API_KEY: 'sk-upstream-lease-test',
      OPENAI_BASE_URL: `${upstream.url}/v1`,
      SWITCHBOARD_SIDEBAND_LEASE_SECONDS: '3',
    };
    // Both replicas join one schema; neither drops it when it closes (the test does, at the end).
    const schema = freshSchema();
    first = await startTestApp({ env, schema });
    second = await startTestApp({ env, schema });
  });
  afterAll(async () => {
    await second.query(`DROP SCHEMA "${second.schema}" CASCADE`);
    await second.close();
    await first.close().catch(() => undefined);
    await upstream.close();
  });

  it('keeps one sideband while both run, and hands it over when the owner stops', async () => {
    const client = await SessionClient.as(first, 'yara');
    const { id } = await client.open();
    const browser = new WeriftBrowser();
    try {
      await browser.accept(await (await client.sdp(id, await browser.offer())).text());
      const callId = (await first.app.get(SessionsService).getAny(id)).callId!;
      const sidebands = async () =>
        (await inspectCall(upstream, callId)) as unknown as { sidebands: number };
      await eventually(async () => (await sidebands()).sidebands === 1);
      const [lease] = await second.query<{ owner: string }>(
        `SELECT owner FROM sideband_leases WHERE call_id = $1`,
        [callId],
      );

      // Several renewal periods (1 s each) pass: the second replica must not steal the live lease.
      await new Promise((resolve) => setTimeout(resolve, 2500));
      expect((await sidebands()).sidebands).toBe(1);
      expect(
        await second.query(`SELECT owner FROM sideband_leases WHERE call_id = $1`, [callId]),
      ).toEqual([lease]);

      await first.close();
      const taken = await eventually(async () => {
        const [row] = await second.query<{ owner: string }>(
          `SELECT owner FROM sideband_leases WHERE call_id = $1`,
          [callId],
        );
        return row && row.owner !== lease.owner ? row : undefined;
      });
      expect(taken.owner).toMatch(/^rep_/);
      await eventually(async () => (await sidebands()).sidebands === 1);

      const ended = await SessionClient.as(second, 'yara');
      const res = await ended.request(`/v1/sessions/${id}`, { method: 'DELETE' });
      expect(await res.json()).toMatchObject({ state: 'ended' });
      expect(await inspectCall(upstream, callId)).toMatchObject({
        state: 'ended',
        ended_reason: 'hangup',
      });
      expect(
        await second.query(`SELECT * FROM sideband_leases WHERE call_id = $1`, [callId]),
      ).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 30_000);
});
