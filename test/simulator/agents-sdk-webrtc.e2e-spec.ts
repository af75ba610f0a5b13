import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import type { Browser, Page } from 'playwright-core';

import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { AGENTS_SCENARIO } from '../support/agents-scenario.js';
import { chromiumAvailable, launchChromium } from '../support/chromium.js';
import { simPost } from '../support/simulator-http.js';
import { servePage } from '../support/static-server.js';
import { writeTurnWav } from '../support/wav.js';

const describeWithChromium = chromiumAvailable() ? describe : describe.skip;

/** The Agents SDK's browser bundle, as its package ships it. */
const BUNDLE = join(
  dirname(createRequire(import.meta.url).resolve('@openai/agents-realtime')),
  'bundle',
);

/** What test/support/pages/agents-webrtc.html exposes; evaluated in the page, so typed by cast. */
interface AgentsPage {
  agents: {
    // Transport events as the SDK reports them; tests read known fields of them.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    events: { type: string; [key: string]: any }[];
    toolCalls: string[];
    connect(simulatorUrl: string, key: string, model: string): Promise<void>;
    send(text: string): void;
    interrupt(): void;
    close(): void;
  };
  agentsReady?: boolean;
}

/**
 * `@openai/agents-realtime`'s `OpenAIRealtimeWebRTC`, unmodified, in Debian's Chromium: the SDP
 * POST (with its own header, so CORS must allow it), the oai-events channel, a tool turn and a
 * barge-in. If it cannot run them, the simulator is wrong.
 */
describeWithChromium(
  'simulator: contract with @openai/agents-realtime over WebRTC in Chromium',
  () => {
    let sim: Simulator;
    let browser: Browser;
    let page: Page;
    let site: Awaited<ReturnType<typeof servePage>>;
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-agents-'));

    /** Waits until `check`, an expression over the page's `agents`, holds. */
    const waitFor = (check: string) =>
      page.waitForFunction(
        `(() => { const agents = globalThis.agents; return (${check}); })()`,
        undefined,
        {
          timeout: 20_000,
        },
      );

    beforeAll(async () => {
      sim = await startSimulator({ inspection: true, scenario: AGENTS_SCENARIO, timeScale: 0.2 });
      site = await servePage(
        new URL('../support/pages/agents-webrtc.html', import.meta.url).pathname,
        {
          '/agents': BUNDLE,
        },
      );
      // The microphone plays a steady tone; turn detection is off, so only the test starts turns.
      // (Before the simulator's werift SCTP guard, this page stopped hearing the simulator after its
      // first burst of events: transport/werift-sctp-guard.ts.)
      const toneWav = join(dir, 'tone.wav');
      writeTurnWav(toneWav, 0, 1000, 0);
      browser = await launchChromium(toneWav);
      page = await browser.newPage();
      await page.goto(site.url);
      await page.waitForFunction(() => (globalThis as unknown as AgentsPage).agentsReady === true);
      const secret = (await (
        await simPost(sim, '/v1/realtime/client_secrets', {
          expires_after: { anchor: 'created_at', seconds: 60 },
          session: { type: 'realtime', model: 'gpt-realtime' },
        })
      ).json()) as { value: string };
      await page.evaluate(
        ([url, key]) =>
          (globalThis as unknown as AgentsPage).agents.connect(url, key, 'gpt-realtime'),
        [sim.url, secret.value],
      );
      // Connected: the SDK's own session.update (instructions and the tool) has been applied.
      await waitFor(
        `agents.events.some((e) => e.type === 'session.updated' && (e.session.tools ?? []).some((t) => t.name === 'lookup_order'))`,
      );
    });

    afterAll(async () => {
      await page
        ?.evaluate(() => (globalThis as unknown as AgentsPage).agents.close())
        .catch(() => undefined);
      await browser?.close();
      await site?.close();
      await sim?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('runs a tool turn: the model calls the page’s tool, gets its output and answers from it', async () => {
      await page.evaluate(() =>
        (globalThis as unknown as AgentsPage).agents.send('Where is my order 10042?'),
      );
      await waitFor(
        `agents.events.some((e) => e.type === 'response.done' && JSON.stringify(e.response).includes('Your order: order 10042 has shipped'))`,
      );
      const { toolCalls, events } = await page.evaluate(() => {
        const { agents } = globalThis as unknown as AgentsPage;
        return { toolCalls: agents.toolCalls, events: agents.events.map((e) => e.type) };
      });
      expect(toolCalls).toEqual(['10042']);
      expect(events.filter((type) => type === 'error' || type === 'session_error')).toEqual([]);
    });

    it('runs a barge-in: interrupt() cancels the reply and clears its audio, with no error', async () => {
      await page.evaluate(() =>
        (globalThis as unknown as AgentsPage).agents.send('Tell me a story.'),
      );
      await waitFor(
        `agents.events.some((e) => e.type === 'output_audio_buffer.started' && e.response_id)`,
      );
      await page.evaluate(() => (globalThis as unknown as AgentsPage).agents.interrupt());
      await waitFor(
        `agents.events.some((e) => e.type === 'response.done' && e.response.status === 'cancelled') && agents.events.some((e) => e.type === 'output_audio_buffer.cleared')`,
      );
      const errors = await page.evaluate(() =>
        (globalThis as unknown as AgentsPage).agents.events.filter(
          (e) => e.type === 'error' || e.type === 'session_error',
        ),
      );
      expect(errors).toEqual([]);
    });
  },
);
