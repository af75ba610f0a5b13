import { ApiKeysService } from '../src/modules/identity/api-keys.service.js';
import { SessionsService } from '../src/modules/sessions/sessions.service.js';
import { connectedBrowser, eventually, speakInCall } from './support/session-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { JWT_ENV } from './support/tokens.js';

describe('sessions: latency meter', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await startTestApp({ env: { ...JWT_ENV, SWITCHBOARD_SIMULATOR_INSPECTION: 'true' } });
  });
  afterAll(() => sut.close());

  it('measures end of speech → first output per turn, per session and as a metric', async () => {
    const { id, browser, callId } = await connectedBrowser(sut, 'wes');
    try {
      for (const text of ['hello there', 'thanks, bye']) {
        await speakInCall(sut, callId, text);
        await browser.stream.next('response.done');
      }
      const samples = await eventually(async () => {
        const s = await sut.app.get(SessionsService).getAny(id);
        return s.turnLatenciesMs.length === 2 ? s.turnLatenciesMs : undefined;
      });
      samples.forEach((ms) => expect(ms).toBeGreaterThanOrEqual(0));
      const { key } = await sut.app.get(ApiKeysService).create('admin', ['admin'], 'system');
      const detail = (await (
        await fetch(`${sut.url}/v1/admin/sessions/${id}`, {
          headers: { authorization: `Bearer ${key}` },
        })
      ).json()) as { latency: { turns: number; p50Ms: number; p95Ms: number } };
      const own = (await sut.app.get(SessionsService).getAny(id)).turnOwnMs;
      expect(own).toHaveLength(2);
      expect(detail.latency).toEqual({
        turns: 2,
        p50Ms: Math.min(...samples),
        p95Ms: Math.max(...samples),
        // Spoken turns without tools: Switchboard spent no time inside them.
        switchboard: { turns: 2, p50Ms: 0, p95Ms: 0 },
      });
      const metrics = await (await fetch(`${sut.url}/metrics`)).text();
      expect(metrics).toMatch(
        /switchboard_turn_latency_seconds_count\{agent="default",api="realtime"\} 2/,
      );
    } finally {
      await browser.close();
    }
  });
});
