import { defaultScenario } from '../src/simulator/index.js';
import { connectedBrowser, speakInCall } from './support/session-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { JWT_ENV } from './support/tokens.js';

/**
 * A newcomer's first call: the simulator's built-in scenario, spoken by Alice (a seeded customer
 * of the demo shop, tenant acme), runs every tool it proposes through Switchboard successfully.
 */
describe('the default scenario against the demo shop as seeded', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await startTestApp({ env: { ...JWT_ENV, SWITCHBOARD_SIMULATOR_INSPECTION: 'true' } });
  });
  afterAll(() => sut.close());

  async function toolAudit(sessionId: string) {
    return (await sut.query(
      `SELECT action, data FROM audit_log WHERE subject = $1 AND action LIKE 'tool.%' ORDER BY seq`,
      [sessionId],
    )) as { action: string; data: { tool: string; code?: string } }[];
  }

  it('answers the scripted turns with tools that succeed: an order lookup and a callback', async () => {
    const { browser, callId, id } = await connectedBrowser(sut, 'alice');
    try {
      const [order, callback] = (defaultScenario.spokenTurns ?? []).map((turn) =>
        typeof turn === 'string' ? turn : turn.text,
      );
      await speakInCall(sut, callId, order);
      const found = await browser.stream.next('response.output_audio_transcript.done', (e) =>
        String(e.transcript).startsWith('Here is what I found'),
      );
      expect(String(found.transcript)).toContain('shipped');

      await speakInCall(sut, callId, callback);
      const booked = await browser.stream.next('response.output_audio_transcript.done', (e) =>
        String(e.transcript).startsWith('Done:'),
      );
      expect(String(booked.transcript)).not.toContain('"ok":false');

      expect(await toolAudit(id)).toEqual([
        { action: 'tool.executed', data: expect.objectContaining({ tool: 'lookup_order' }) },
        { action: 'tool.executed', data: expect.objectContaining({ tool: 'schedule_callback' }) },
      ]);
    } finally {
      await browser.close();
    }
  });
});
