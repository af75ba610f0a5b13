import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Browser, Page } from 'playwright-core';

import { startSimulator, type Simulator } from '../../src/simulator/index.js';
import { chromiumAvailable, launchChromium } from '../support/chromium.js';
import { inspectCall, simPost } from '../support/simulator-http.js';
import { serveHtml } from '../support/static-server.js';
import { writeTurnWav } from '../support/wav.js';

const describeWithChromium = chromiumAvailable() ? describe : describe.skip;

/** Browsers are the real peers: Debian's Chromium with a fake microphone calls the simulator. */
describeWithChromium('simulator: a call from Chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-chromium-'));
  let sim: Simulator;
  let browser: Browser;
  let page: Page;
  let site: Awaited<ReturnType<typeof serveHtml>>;
  let callId: string;

  beforeAll(async () => {
    const wav = join(dir, 'turn.wav');
    writeTurnWav(wav, 400, 700, 1900);
    sim = await startSimulator({ inspection: true, timeScale: 0.2 });
    site = await serveHtml(
      new URL('../support/pages/realtime-call.html', import.meta.url).pathname,
    );
    browser = await launchChromium(wav);
    page = await browser.newPage();
    await page.goto(site.url);
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await sim?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const waitForType = (type: string) =>
    page.waitForFunction(
      (t) => (globalThis as unknown as PageWindow).realtime.types().includes(t),
      type,
      { timeout: 20_000 },
    );

  it('connects with an ephemeral key over application/sdp and gets session.created on oai-events', async () => {
    const secret = (await (
      await simPost(sim, '/v1/realtime/client_secrets', {
        expires_after: { anchor: 'created_at', seconds: 60 },
        session: { type: 'realtime', instructions: 'Chromium test' },
      })
    ).json()) as { value: string };
    callId = await page.evaluate(
      ([url, key]) => (globalThis as unknown as PageWindow).realtime.connect(url, key),
      [sim.url, secret.value],
    );
    expect(callId).toMatch(/^rtc_/);
    await waitForType('session.created');
    const created = await page.evaluate(() =>
      (globalThis as unknown as PageWindow).realtime.events.find(
        (e) => e.type === 'session.created',
      ),
    );
    expect(created?.session.instructions).toBe('Chromium test');
  });

  it('hears the fake microphone: a spoken turn is detected and answered', async () => {
    await waitForType('input_audio_buffer.speech_started');
    await waitForType('input_audio_buffer.speech_stopped');
    await waitForType('response.done');
    const transcript = await page.evaluate(
      () =>
        (globalThis as unknown as PageWindow).realtime.events.find(
          (e) => e.type === 'response.output_audio_transcript.done',
        )?.transcript,
    );
    expect(typeof transcript).toBe('string');
    // A detected turn needs ≥ 60 ms of speech and 500 ms of silence: at least 28 frames of 20 ms
    // (Chromium may start the looped WAV anywhere, so more is not guaranteed at this point).
    expect((await inspectCall(sim, callId)).audio.packetsIn).toBeGreaterThanOrEqual(28);
  });

  it('exchanges events both ways on the data channel and plays the reply audio', async () => {
    await page.evaluate(() =>
      (globalThis as unknown as PageWindow).realtime.send({
        type: 'conversation.item.retrieve',
        item_id: 'item_missing',
        event_id: 'evt_1',
      }),
    );
    await waitForType('error');
    const error = await page.evaluate(() =>
      (globalThis as unknown as PageWindow).realtime.events.find((e) => e.type === 'error'),
    );
    expect(error?.error).toMatchObject({ code: 'item_not_found', event_id: 'evt_1' });
    await waitForType('output_audio_buffer.stopped');
    expect(
      await page.evaluate(() => (globalThis as unknown as PageWindow).realtime.remoteTracks),
    ).toBe(1);
    expect(
      await page.evaluate(() =>
        (globalThis as unknown as PageWindow).realtime.inboundAudioPackets(),
      ),
    ).toBeGreaterThan(5);
  });
});

/** What test/support/pages/realtime-call.html exposes; evaluated in the page, so typed by cast. */
interface PageWindow {
  realtime: {
    // Server events as parsed JSON; tests read known fields of them.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    events: { type: string; [key: string]: any }[];
    remoteTracks: number;
    connect(baseUrl: string, key: string): Promise<string>;
    send(event: unknown): void;
    types(): string[];
    inboundAudioPackets(): Promise<number>;
  };
}
