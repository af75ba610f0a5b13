import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Browser, BrowserContext, Page } from 'playwright-core';

import { ApiKeysService } from '../src/modules/identity/api-keys.service.js';
import { chromiumAvailable, launchChromium } from './support/chromium.js';
import { KNOWLEDGE_ENV, knowledgeClient } from './support/knowledge.js';
import { serveHtml } from './support/static-server.js';
import { eventually } from './support/session-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { JWT_ENV } from './support/tokens.js';

const describeWithChromium = chromiumAvailable() ? describe : describe.skip;
const ARTIFACTS = join(process.cwd(), 'test/artifacts');

/**
 * Records every peer connection and microphone stream the page makes, so a test can see that
 * hanging up leaves none alive; and lets a test deny the microphone as a user would.
 */
const PAGE_PROBE = `
  window.__probe = { pcs: [], streams: [] };
  window.__speak = () => { throw new Error('no microphone yet'); };
  const NativePeerConnection = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends NativePeerConnection {
    constructor(...args) { super(...args); window.__probe.pcs.push(this); }
  };
  // The microphone is a real audio track, a 300 Hz tone the test turns on when the caller speaks:
  // a fake device's looped file starts whenever it likes, and a turn spoken before the call is
  // connected is lost.
  navigator.mediaDevices.getUserMedia = async () => {
    if (window.__denyMicrophone) throw new DOMException('Permission denied', 'NotAllowedError');
    const context = new AudioContext({ sampleRate: 48000 });
    await context.resume();
    const tone = context.createOscillator();
    tone.frequency.value = 300;
    const volume = context.createGain();
    volume.gain.value = 0;
    const microphone = context.createMediaStreamDestination();
    tone.connect(volume).connect(microphone);
    tone.start();
    window.__speak = (ms) => {
      volume.gain.setValueAtTime(0.3, context.currentTime);
      volume.gain.setValueAtTime(0, context.currentTime + ms / 1000);
    };
    window.__probe.streams.push(microphone.stream);
    return microphone.stream;
  };
`;

/** The browser objects the probe keeps, as far as the tests read them (Node has no DOM types). */
interface Probe {
  pcs: {
    connectionState: string;
    getStats(): Promise<{ forEach(each: (report: RtpReport) => void): void }>;
  }[];
  streams: { getTracks(): { readyState: string }[] }[];
}
interface RtpReport {
  type: string;
  kind?: string;
  packetsReceived?: number;
  packetsSent?: number;
}
type ProbeWindow = {
  __probe: Probe;
  __denyMicrophone?: boolean;
  __speak(ms: number): void;
  document: { getElementById(id: string): { srcObject: unknown } | null };
};

/**
 * The demo page at `/`, in Debian's Chromium with a scripted microphone, against the app on its
 * built-in simulator: sign in as a seeded demo user, talk and type, watch tools, approvals and
 * the end of the call. Nothing is mocked: real WebRTC through Switchboard's proxy.
 */
describeWithChromium('the demo page in Chromium', () => {
  let sut: TestApp;
  let browser: Browser;
  let adminKey: string;
  let approverKey: string;
  /** A page of another web app, on another origin: it loads the client from Switchboard. */
  let site: Awaited<ReturnType<typeof serveHtml>>;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, 'other-app.html'), '<!doctype html><title>Another app</title>');
    site = await serveHtml(join(ARTIFACTS, 'other-app.html'));
    sut = await startTestApp({
      env: {
        ...JWT_ENV,
        ...KNOWLEDGE_ENV,
        SWITCHBOARD_DEMO_SIGN_IN: 'true',
        SWITCHBOARD_CORS_ORIGINS: new URL(site.url).origin,
        SWITCHBOARD_SIMULATOR_INSPECTION: 'true',
      },
    });
    const keys = sut.app.get(ApiKeysService);
    ({ key: adminKey } = await keys.create('admin', ['admin'], 'system'));
    ({ key: approverKey } = await keys.create('approver', ['approver'], 'system'));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await sut?.close();
    await site?.close();
  });

  async function openDemo(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext();
    await context.addInitScript(PAGE_PROBE);
    const page = await context.newPage();
    await page.goto(`${sut.url}/`);
    return { context, page };
  }

  async function signInAndConnect(page: Page, user: string, agent = 'default'): Promise<void> {
    await page.getByLabel('Demo user').selectOption(user);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Agent').selectOption(agent);
    await page.getByRole('button', { name: 'Connect' }).click();
    await page.getByText('Connected: talk, or type below.').waitFor();
  }

  /** The caller says one turn into the microphone (the simulator transcribes its next line). */
  const speak = (page: Page) =>
    page.evaluate(() => (globalThis as unknown as ProbeWindow).__speak(700));

  const activity = (page: Page, tool: string) => page.locator(`#activity li[data-tool="${tool}"]`);
  const transcriptLines = (page: Page) => page.locator('#transcript li').allInnerTexts();

  async function liveResources(page: Page) {
    return page.evaluate(() => {
      const probe = (globalThis as unknown as ProbeWindow).__probe;
      return {
        openPeerConnections: probe.pcs.filter((pc) => pc.connectionState !== 'closed').length,
        liveTracks: probe.streams
          .flatMap((s) => s.getTracks())
          .filter((t) => t.readyState === 'live').length,
        // The demo page's player (another page lets the client make a detached one).
        audioSource:
          ((globalThis as unknown as ProbeWindow).document.getElementById('voice')?.srcObject ??
            null) !== null,
      };
    });
  }

  /** After the end: no peer connection open, no microphone track live, no voice playing. */
  async function expectNothingLeft(page: Page): Promise<void> {
    expect(await liveResources(page)).toEqual({
      openPeerConnections: 0,
      liveTracks: 0,
      audioSource: false,
    });
  }

  /** RTP audio went out (the microphone) and came in (the agent's voice): 50 packets a second. */
  async function audioFlowedBothWays(page: Page): Promise<void> {
    const flowed = await eventually(async () => {
      const packets = await audioPackets(page);
      return packets.sent > 25 && packets.received > 25 && packets;
    });
    expect(flowed).toEqual({ sent: expect.any(Number), received: expect.any(Number) });
  }

  async function audioPackets(page: Page) {
    return page.evaluate(async () => {
      const [pc] = (globalThis as unknown as ProbeWindow).__probe.pcs;
      let received = 0;
      let sent = 0;
      (await pc.getStats()).forEach((s: RtpReport) => {
        if (s.type === 'inbound-rtp' && s.kind === 'audio') received += s.packetsReceived ?? 0;
        if (s.type === 'outbound-rtp' && s.kind === 'audio') sent += s.packetsSent ?? 0;
      });
      return { received, sent };
    });
  }

  async function sessionOf(user: string) {
    const [row] = await sut.query<{ id: string; state: string; end_reason: string | null }>(
      `SELECT id, state, end_reason FROM sessions WHERE user_id = $1 ORDER BY created_at DESC LIMIT 1`,
      [user],
    );
    return row;
  }

  it('signs in as a demo user, talks and types: tool calls and their results appear, hang-up cleans up', async () => {
    const { context, page } = await openDemo();
    try {
      await page.getByText('built-in Realtime simulator').waitFor();
      await signInAndConnect(page, 'alice');
      // A spoken turn: the simulator hears it, transcribes it, asks for a tool.
      await speak(page);
      await page.getByText('You: Where is my order 10042?').waitFor({ timeout: 20_000 });
      await activity(page, 'lookup_order').getByText('done').waitFor();
      await page.locator('#transcript li', { hasText: 'Agent: Here is what I found' }).waitFor();
      expect((await transcriptLines(page)).join('\n')).toContain('shipped');
      // Audio flowed both ways: the page sent its microphone and played the agent's voice.
      await audioFlowedBothWays(page);

      await page
        .getByLabel('Type instead of talking')
        .fill('Please call me back tomorrow about the delivery.');
      await page.getByRole('button', { name: 'Send' }).click();
      await page.getByText('You: Please call me back tomorrow about the delivery.').waitFor();
      await activity(page, 'schedule_callback').getByText('done').waitFor();
      await page.locator('#transcript li', { hasText: 'Agent: Done:' }).waitFor();
      await page.screenshot({ path: join(ARTIFACTS, 'demo-call.png'), fullPage: true });

      await page.getByRole('button', { name: 'Hang up' }).click();
      await page.getByText('Call ended: you hung up.').waitFor();
      await eventually(async () => (await sessionOf('alice'))?.state === 'ended');
      expect((await sessionOf('alice')).end_reason).toBe('user_ended');
      await expectNothingLeft(page);
    } finally {
      await context.close();
    }
  });

  it('shows "waiting for approval", then the approved result; an operator revocation shows why within 2 s', async () => {
    const { context, page } = await openDemo();
    try {
      await signInAndConnect(page, 'sam');
      // Let a spoken turn be answered first: the typed one then follows a finished response.
      await speak(page);
      await page
        .locator('#transcript li', { hasText: 'Agent: Here is what I found' })
        .waitFor({ timeout: 20_000 });
      await page.getByLabel('Type instead of talking').fill('Refund 150 for order 10043');
      await page.getByRole('button', { name: 'Send' }).click();
      const refund = activity(page, 'issue_refund');
      await refund.getByText('waiting for approval').waitFor();
      await page.screenshot({
        path: join(ARTIFACTS, 'demo-waiting-for-approval.png'),
        fullPage: true,
      });

      const actionId = (await refund.getAttribute('data-action-id')) ?? '';
      expect(actionId).toMatch(/^act_/);
      const headers = {
        authorization: `Bearer ${approverKey}`,
        'content-type': 'application/json',
      };
      const { digest } = (await (
        await fetch(`${sut.url}/v1/admin/approvals/${actionId}`, { headers })
      ).json()) as { digest: string };
      const approved = await fetch(`${sut.url}/v1/admin/approvals/${actionId}/approve`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ digest }),
      });
      expect(approved.status).toBe(200);
      await refund.getByText(/approved and done/).waitFor();

      const { id } = await sessionOf('sam');
      const revoked = await fetch(`${sut.url}/v1/admin/sessions/${id}/revoke`, {
        method: 'POST',
        headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ reason: 'demo over' }),
      });
      expect(revoked.status).toBe(200);
      await page
        .getByText('Call ended: an operator ended it (demo over).')
        .waitFor({ timeout: 2000 });
      await page.screenshot({ path: join(ARTIFACTS, 'demo-revoked.png'), fullPage: true });
      await expectNothingLeft(page);
    } finally {
      await context.close();
    }
  });

  it('talks to a GPT-Live agent with the same page: audio both ways, a spoken turn runs a tool', async () => {
    const { context, page } = await openDemo();
    try {
      await signInAndConnect(page, 'alice', 'live');
      await page.getByText('takes speech only').waitFor();
      await expect(page.getByLabel('Type instead of talking').isVisible()).resolves.toBe(false);
      await speak(page);
      await activity(page, 'lookup_order').getByText('done').waitFor({ timeout: 20_000 });
      await page.locator('#transcript li', { hasText: 'shipped' }).waitFor();
      await audioFlowedBothWays(page);
      await page.screenshot({ path: join(ARTIFACTS, 'demo-live.png'), fullPage: true });
      await page.getByRole('button', { name: 'Hang up' }).click();
      await page.getByText('Call ended: you hung up.').waitFor();
      await expectNothingLeft(page);
    } finally {
      await context.close();
    }
  });

  it('shows the knowledge a call was given, with its citation', async () => {
    const kb = await knowledgeClient(sut);
    const source = await kb.createSource({
      name: 'Help centre',
      tenantId: 'acme',
      allowedRoles: ['customer'],
    });
    await kb.upload(source, {
      title: 'Returns policy',
      text: readFileSync(join(process.cwd(), 'docs/examples/returns-policy.md'), 'utf8'),
    });
    const { context, page } = await openDemo();
    try {
      await signInAndConnect(page, 'alice');
      await page.getByLabel('Type instead of talking').fill('How long do refunds take?');
      await page.getByRole('button', { name: 'Send' }).click();
      await activity(page, 'search_knowledge').getByText('done').waitFor();
      await page.getByText('Knowledge used: Returns policy (version 1)').waitFor();
      await page.locator('#transcript li', { hasText: 'Refunds go back' }).waitFor();
      await page.screenshot({ path: join(ARTIFACTS, 'demo-knowledge.png'), fullPage: true });
      await page.getByRole('button', { name: 'Hang up' }).click();
      await page.getByText('Call ended: you hung up.').waitFor();
    } finally {
      await context.close();
    }
  });

  it('works from another origin’s page, and in ephemeral mode: the page posts its offer with the minted secret', async () => {
    const context = await browser.newContext();
    await context.addInitScript(PAGE_PROBE);
    const page = await context.newPage();
    try {
      await page.goto(site.url);
      const { token } = (await (
        await fetch(`${sut.url}/v1/demo/sign-in`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ user: 'carol' }),
        })
      ).json()) as { token: string };
      const outcome = await page.evaluate(
        async ([base, jwt]) => {
          const { connectVoice } = (await import(`${base}/client/switchboard.js`)) as {
            connectVoice(options: unknown): Promise<{
              state: string;
              session: { mode: string; state: string };
              hangup(): Promise<void>;
            }>;
          };
          const call = await connectVoice({
            baseUrl: base,
            getToken: () => jwt,
            mode: 'ephemeral',
          });
          const seen = { state: call.state, mode: call.session.mode, bound: call.session.state };
          await call.hangup();
          return seen;
        },
        [sut.url, token],
      );
      expect(outcome).toEqual({ state: 'connected', mode: 'ephemeral', bound: 'active' });
      const session = await sessionOf('carol');
      expect(session.state).toBe('ended');
      const bound = await sut.query<{ action: string }>(
        `SELECT action FROM audit_log WHERE subject = $1 AND action = 'session.bound'`,
        [session.id],
      );
      expect(bound).toEqual([{ action: 'session.bound' }]);
      await expectNothingLeft(page);
    } finally {
      await context.close();
    }
  });

  it('says so clearly when the microphone is denied, and leaves no session open', async () => {
    const { context, page } = await openDemo();
    try {
      await page.evaluate(() => ((globalThis as unknown as ProbeWindow).__denyMicrophone = true));
      await page.getByLabel('Demo user').selectOption('bob');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('button', { name: 'Connect' }).click();
      await page.getByRole('alert').getByText('The microphone was blocked').waitFor();
      await expect(page.getByRole('button', { name: 'Connect' }).isEnabled()).resolves.toBe(true);
      await page.screenshot({
        path: join(ARTIFACTS, 'demo-microphone-denied.png'),
        fullPage: true,
      });
      await eventually(async () => (await sessionOf('bob'))?.state === 'ended');
      await expectNothingLeft(page);
    } finally {
      await context.close();
    }
  });

  it('serves the page with a strict content security policy and the client bundle', async () => {
    const page = await fetch(`${sut.url}/`);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const client = await fetch(`${sut.url}/client/switchboard.js`);
    expect(client.status).toBe(200);
    expect(client.headers.get('content-type')).toMatch(/javascript/);
    expect(await client.text()).toContain('oai-events');
  });
});
