import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Browser, BrowserContext, Page } from 'playwright-core';

import { chromiumAvailable, launchChromium } from './support/chromium.js';
import { eventually } from './support/session-client.js';
import { servePage } from './support/static-server.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { JWT_ENV, userToken } from './support/tokens.js';

const describeWithChromium = chromiumAvailable() ? describe : describe.skip;

/** As in demo-page.e2e-spec.ts: a scripted microphone, and every peer connection and stream kept. */
const PAGE_PROBE = `
  window.__probe = { pcs: [], streams: [], micAsked: 0 };
  const NativePeerConnection = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends NativePeerConnection {
    constructor(...args) { super(...args); window.__probe.pcs.push(this); }
  };
  navigator.mediaDevices.getUserMedia = async () => {
    window.__probe.micAsked += 1;
    const context = new AudioContext({ sampleRate: 48000 });
    await context.resume();
    const tone = context.createOscillator();
    const volume = context.createGain();
    volume.gain.value = 0;
    const microphone = context.createMediaStreamDestination();
    tone.connect(volume).connect(microphone);
    tone.start();
    window.__probe.streams.push(microphone.stream);
    return microphone.stream;
  };
`;

interface ProbeWindow {
  __probe: {
    pcs: { connectionState: string }[];
    streams: { getTracks(): { readyState: string }[] }[];
    micAsked: number;
  };
}

/** Relative luminance and contrast ratio (WCAG 2.x). */
function luminance([r, g, b]: number[]): number {
  const [R, G, B] = [r, g, b].map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * R + 0.7152 * G + 0.0722 * B;
}
function contrast(a: number[], b: number[]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
/** A page's styles as the browser gets them: the shared base first, then the page's own. */
const pageCss = (page: string) =>
  readFileSync('src/pages/shared/base.css', 'utf8') +
  readFileSync(`src/pages/${page}/${page}.css`, 'utf8');
const hex = (value: string) => [1, 3, 5].map((i) => parseInt(value.slice(i, i + 2), 16));

describeWithChromium('the browser client and demo page, adversarially', () => {
  let sut: TestApp;
  let browser: Browser;
  let thirdParty: { url: string; close(): Promise<void> };
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'adv-client-'));
    const html = join(dir, 'index.html');
    writeFileSync(
      html,
      '<!doctype html><html><head><title>Third party</title></head><body></body></html>',
    );
    thirdParty = await servePage(html, {});
    sut = await startTestApp({
      env: {
        ...JWT_ENV,
        SWITCHBOARD_DEMO_SIGN_IN: 'true',
        SWITCHBOARD_SESSIONS_PER_USER: '1',
        SWITCHBOARD_CORS_ORIGINS: thirdParty.url.replace(/\/$/, ''),
      },
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await sut?.close();
    await thirdParty?.close();
  });

  async function open(
    url = `${sut.url}/`,
    viewport?: { width: number; height: number },
  ): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext(viewport ? { viewport } : {});
    await context.addInitScript(PAGE_PROBE);
    const page = await context.newPage();
    await page.goto(url);
    return { context, page };
  }

  // Run in the page: strings, since the test's own types have no DOM.
  const focusedId = (page: Page) =>
    page.evaluate<string>(`document.activeElement ? document.activeElement.id : ''`);

  /** Presses Tab until the element with `id` has focus; fails after `max` presses. */
  async function tabTo(page: Page, id: string, max = 15): Promise<number> {
    for (let presses = 1; presses <= max; presses++) {
      await page.keyboard.press('Tab');
      if ((await focusedId(page)) === id) return presses;
    }
    throw new Error(`Tab never reached #${id} (focus on #${await focusedId(page)})`);
  }

  async function resources(page: Page) {
    return page.evaluate(() => {
      const probe = (globalThis as unknown as ProbeWindow).__probe;
      return {
        openPeerConnections: probe.pcs.filter((pc) => pc.connectionState !== 'closed').length,
        liveTracks: probe.streams
          .flatMap((s) => s.getTracks())
          .filter((t) => t.readyState === 'live').length,
      };
    });
  }

  async function signInAndConnect(page: Page, user: string): Promise<void> {
    await page.getByLabel('Demo user').selectOption(user);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Connect' }).click();
    await page.getByText('Connected: talk, or type below.').waitFor();
  }

  async function hangUp(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'Hang up' }).click();
    await page.getByText('Call ended: you hung up.').waitFor();
  }

  it('can be used with the keyboard alone: sign in, connect, type a turn, hang up', async () => {
    const { context, page } = await open();
    try {
      await page.locator('#demo-sign-in:not([hidden])').waitFor();
      await tabTo(page, 'demo-user');
      await page.keyboard.press('ArrowDown');
      expect(await page.locator('#demo-user').inputValue()).toBe('bob');
      await page.keyboard.press('Tab');
      expect(await page.evaluate<string>('document.activeElement.textContent')).toBe('Sign in');
      await page.keyboard.press('Enter');
      await page.getByText('Signed in as Bob Baker').waitFor();
      await tabTo(page, 'connect');
      await page.keyboard.press('Enter');
      await page.getByText('Connected: talk, or type below.').waitFor();
      await tabTo(page, 'text');
      await page.keyboard.type('where is my order 20001');
      await page.keyboard.press('Enter');
      await page.getByText('You: where is my order 20001').waitFor({ timeout: 20_000 });
      await tabTo(page, 'hangup');
      await page.keyboard.press('Enter');
      await page.getByText('Call ended: you hung up.').waitFor();
      expect(await resources(page)).toEqual({ openPeerConnections: 0, liveTracks: 0 });
    } finally {
      await context.close();
    }
  });

  it('runs a whole call on `/` without a CSP violation, a page error or an unhandled rejection', async () => {
    const context = await browser.newContext();
    await context.addInitScript(PAGE_PROBE);
    await context.addInitScript(`
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
      window.addEventListener('unhandledrejection', (e) =>
        window.__violations.push('unhandledrejection ' + String(e.reason)));
    `);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !/favicon/.test(message.location().url))
        problems.push(`console ${message.text()}`);
    });
    try {
      await page.goto(`${sut.url}/`);
      await signInAndConnect(page, 'alice');
      await page.getByLabel('Type instead of talking').fill('where is my order 10042');
      await page.getByRole('button', { name: 'Send' }).click();
      await page.locator('#activity li[data-tool="lookup_order"]').getByText('done').waitFor();
      await hangUp(page);
      const violations = await page.evaluate(
        () => (globalThis as unknown as { __violations: string[] }).__violations,
      );
      expect([...violations, ...problems]).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('keeps keyboard focus on a control when Connect and Hang up disappear', async () => {
    const { context, page } = await open();
    try {
      await page.getByLabel('Demo user').selectOption('carol');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.locator('#connect').focus();
      await page.keyboard.press('Enter');
      await page.getByText('Connected: talk, or type below.').waitFor();
      const afterConnect = await focusedId(page);
      await page.locator('#hangup').focus();
      await page.keyboard.press('Enter');
      await page.getByText('Call ended: you hung up.').waitFor();
      const afterHangUp = await focusedId(page);
      // Focus lost to <body> sends a keyboard or screen-reader user back to the top of the page.
      expect({ afterConnect, afterHangUp }).toEqual({
        afterConnect: expect.stringMatching(/.+/),
        afterHangUp: expect.stringMatching(/.+/),
      });
    } finally {
      await context.close();
    }
  });

  it('has no horizontal overflow at 375 px: before and after sign-in, in a call with a long unbroken turn', async () => {
    const { context, page } = await open(`${sut.url}/`, { width: 375, height: 800 });
    const overflow = () =>
      page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    try {
      await page.locator('#demo-sign-in:not([hidden])').waitFor();
      expect(await overflow()).toBeLessThanOrEqual(0);
      await page.getByLabel('Demo user').selectOption('sam');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByText('Signed in as Sam Support').waitFor();
      expect(await overflow()).toBeLessThanOrEqual(0);
      await page.getByRole('button', { name: 'Connect' }).click();
      await page.getByText('Connected: talk, or type below.').waitFor();
      expect(await overflow()).toBeLessThanOrEqual(0);
      const word = `order-${'9'.repeat(300)}`;
      await page.getByLabel('Type instead of talking').fill(word);
      await page.getByRole('button', { name: 'Send' }).click();
      await page.locator('#transcript li', { hasText: word }).waitFor({ timeout: 20_000 });
      expect(await overflow()).toBeLessThanOrEqual(0);
      await hangUp(page);
      expect(await overflow()).toBeLessThanOrEqual(0);
    } finally {
      await context.close();
    }
  });

  it('labels every form control and names every button', async () => {
    const { context, page } = await open();
    try {
      await page.locator('#demo-sign-in:not([hidden])').waitFor();
      const unlabelled = await page.evaluate<string[]>(`
        [...document.querySelectorAll('input, select, textarea, button')]
          .filter((el) => {
            const aria = el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
            if (el.tagName === 'BUTTON') return !aria && !el.textContent.trim();
            return !aria && ![...(el.labels || [])].some((l) => l.textContent.trim());
          })
          .map((el) => el.outerHTML)
      `);
      expect(unlabelled).toEqual([]);
      // The live regions a screen reader relies on.
      expect(await page.locator('#status').getAttribute('role')).toBe('status');
      expect(await page.locator('#error').getAttribute('role')).toBe('alert');
      expect(await page.evaluate<string>('document.documentElement.lang')).toBe('en');
    } finally {
      await context.close();
    }
  });

  it('gives the main text colours of demo.css a contrast of at least 4.5:1 on their backgrounds', () => {
    const css = pageCss('demo');
    const vars = Object.fromEntries(
      [...css.matchAll(/--([a-z]+):\s*(#[0-9a-f]{6})/gi)].map(([, name, value]) => [name, value]),
    );
    const pairs: [string, string, string][] = [
      ['text on page', vars.fg, vars.bg],
      ['text on panel', vars.fg, vars.panel],
      ['muted on panel', vars.muted, vars.panel],
      ['ok on panel', vars.ok, vars.panel],
      ['warn on panel', vars.warn, vars.panel],
      ['bad on panel', vars.bad, vars.panel],
      ['button text on accent', '#ffffff', vars.accent],
      ['pressed button text on warn', '#ffffff', vars.warn],
    ];
    const low = pairs
      .map(([what, fg, bg]) => [what, Number(contrast(hex(fg), hex(bg)).toFixed(2))] as const)
      .filter(([, ratio]) => ratio < 4.5);
    expect(low).toEqual([]);
  });

  it('gives the focus ring and the input borders a contrast of at least 3:1 (WCAG 1.4.11)', () => {
    const css = pageCss('demo');
    const panel = /--panel:\s*(#[0-9a-f]{6})/i.exec(css)![1];
    const bg = /--bg:\s*(#[0-9a-f]{6})/i.exec(css)![1];
    const ring = /:focus-visible\s*{[^}]*outline:[^;]*(#[0-9a-f]{6})/i.exec(css)![1];
    const border = /border:\s*1px solid (#[0-9a-f]{6})/i.exec(css)![1];
    const ratios = {
      'focus ring on panel': Number(contrast(hex(ring), hex(panel)).toFixed(2)),
      'focus ring on page': Number(contrast(hex(ring), hex(bg)).toFixed(2)),
      'input border on panel': Number(contrast(hex(border), hex(panel)).toFixed(2)),
    };
    expect(Object.entries(ratios).filter(([, ratio]) => ratio < 3)).toEqual([]);
  });

  it('rejects a wrong token with a SwitchboardError carrying the server’s code, before asking for the microphone', async () => {
    const { context, page } = await open();
    try {
      const failure = await page.evaluate(async () => {
        const client = (await import('/client/switchboard.js' as string)) as {
          connectVoice(options: unknown): Promise<unknown>;
          SwitchboardError: new (...args: never[]) => Error;
        };
        try {
          await client.connectVoice({ getToken: () => 'not-a-real-token' });
          return { connected: true };
        } catch (error) {
          const e = error as Error & { code?: string; status?: number };
          return {
            isSwitchboardError: e instanceof client.SwitchboardError,
            name: e.name,
            code: e.code,
            status: e.status,
            message: e.message,
          };
        }
      });
      expect(failure).toEqual({
        isSwitchboardError: true,
        name: 'SwitchboardError',
        code: 'UNAUTHENTICATED',
        status: 401,
        message: expect.stringMatching(/\w/),
      });
      expect(
        await page.evaluate(() => (globalThis as unknown as ProbeWindow).__probe.micAsked),
      ).toBe(0);
      expect(await resources(page)).toEqual({ openPeerConnections: 0, liveTracks: 0 });
    } finally {
      await context.close();
    }
  });

  it('says SESSION_LIMIT_REACHED in a second tab of the same user beyond the per-user limit, then lets it connect once the first hangs up', async () => {
    const first = await open();
    const second = await open();
    try {
      await signInAndConnect(first.page, 'alice');
      await second.page.getByLabel('Demo user').selectOption('alice');
      await second.page.getByRole('button', { name: 'Sign in' }).click();
      await second.page.getByRole('button', { name: 'Connect' }).click();
      await second.page
        .getByRole('alert')
        .getByText(/The limit of 1 concurrent session\(s\) per user is reached/)
        .waitFor();
      await expect(second.page.getByRole('button', { name: 'Connect' }).isEnabled()).resolves.toBe(
        true,
      );
      expect(await resources(second.page)).toEqual({ openPeerConnections: 0, liveTracks: 0 });
      await hangUp(first.page);
      await second.page.getByRole('button', { name: 'Connect' }).click();
      await second.page.getByText('Connected: talk, or type below.').waitFor();
      await expect(second.page.getByRole('alert').isVisible()).resolves.toBe(false);
      await hangUp(second.page);
    } finally {
      await first.context.close();
      await second.context.close();
    }
  });

  /** Connects with the served client from the demo origin; the page keeps the call as `__call`. */
  async function clientCall(page: Page, user: string): Promise<void> {
    const token = await userToken({ sub: user, tenant: 'acme', roles: ['customer'] });
    await page.evaluate(async (token) => {
      const client = (await import('/client/switchboard.js' as string)) as {
        connectVoice(options: unknown): Promise<{
          on(event: string, listener: (payload: unknown) => void): void;
        }>;
      };
      const call = await client.connectVoice({ getToken: () => token });
      const seen = { errors: [] as unknown[], answers: [] as string[] };
      call.on('error', (error) => {
        const e = error as { code: string; message: string };
        seen.errors.push({ code: e.code, message: e.message });
      });
      call.on('transcript', (line) => {
        const l = line as { role: string; final: boolean; text: string };
        if (l.role === 'assistant' && l.final) seen.answers.push(l.text);
      });
      Object.assign(globalThis, { __call: call, __seen: seen });
    }, token);
  }

  it('answers two turns typed back to back, without the voice API refusing a second response', async () => {
    const { context, page } = await open();
    try {
      await clientCall(page, 'erin');
      await page.evaluate(() => {
        const call = (globalThis as unknown as { __call: { sendText(t: string): void } }).__call;
        call.sendText('hello');
        call.sendText('hello again');
      });
      const seen = await eventually(async () => {
        const now = await page.evaluate(
          () =>
            (globalThis as unknown as { __seen: { errors: unknown[]; answers: string[] } }).__seen,
        );
        return (now.errors.length > 0 || now.answers.length >= 2) && now;
      });
      expect(seen.errors).toEqual([]);
      expect(seen.answers).toHaveLength(2);
    } finally {
      await page.evaluate(() =>
        (globalThis as unknown as { __call: { hangup(): Promise<void> } }).__call.hangup(),
      );
      await context.close();
    }
  });

  it('refuses a typed turn too large for the data channel with a SwitchboardError, and stays connected', async () => {
    const { context, page } = await open();
    try {
      await clientCall(page, 'frank');
      const outcome = await page.evaluate(async () => {
        const client = (await import('/client/switchboard.js' as string)) as {
          SwitchboardError: new (...args: never[]) => Error;
        };
        const call = (
          globalThis as unknown as {
            __call: { sendText(t: string): void; state: string };
          }
        ).__call;
        try {
          call.sendText('a'.repeat(300_000));
          return { thrown: false, state: call.state };
        } catch (error) {
          const e = error as Error & { code?: string };
          return {
            thrown: true,
            isSwitchboardError: e instanceof client.SwitchboardError,
            code: e.code,
            name: e.name,
            state: call.state,
          };
        }
      });
      expect(outcome).toEqual({
        thrown: true,
        isSwitchboardError: true,
        code: expect.any(String),
        name: 'SwitchboardError',
        state: 'connected',
      });
    } finally {
      await page.evaluate(() =>
        (globalThis as unknown as { __call: { hangup(): Promise<void> } }).__call.hangup(),
      );
      await context.close();
    }
  });

  it('connects in ephemeral mode from a page on another listed origin, with the calls URL Switchboard names', async () => {
    const { context, page } = await open(thirdParty.url);
    const token = await userToken({ sub: 'gina', tenant: 'acme', roles: ['customer'] });
    try {
      const result = await page.evaluate(
        async ({ base, token }) => {
          const client = (await import(`${base}/client/switchboard.js`)) as {
            connectVoice(options: unknown): Promise<{
              state: string;
              session?: { id: string; mode: string };
              on(event: string, listener: (payload: unknown) => void): void;
              sendText(text: string): void;
              hangup(): Promise<void>;
            }>;
          };
          try {
            const call = await client.connectVoice({
              baseUrl: base,
              getToken: () => token,
              mode: 'ephemeral',
            });
            const answer = new Promise((resolve) =>
              call.on('transcript', (line) => {
                const l = line as { role: string; final: boolean; text: string };
                if (l.role === 'assistant' && l.final) resolve(l.text);
              }),
            );
            call.sendText('hello');
            const said = await answer;
            const state = call.state;
            await call.hangup();
            return { state, mode: call.session?.mode, said };
          } catch (error) {
            const e = error as Error & { code?: string };
            return { failed: e.code, message: e.message };
          }
        },
        { base: sut.url, token },
      );
      expect(result).toEqual({ state: 'connected', mode: 'ephemeral', said: expect.any(String) });
    } finally {
      await context.close();
    }
  });

  it('works from a page on another listed origin: the bundle, the events stream and the hang-up go through CORS', async () => {
    const { context, page } = await open(thirdParty.url);
    const token = await userToken({ sub: 'alice', tenant: 'acme', roles: ['customer'] });
    try {
      const result = await page.evaluate(
        async ({ base, token }) => {
          const client = (await import(`${base}/client/switchboard.js`)) as {
            connectVoice(options: unknown): Promise<{
              state: string;
              session?: { id: string };
              on(event: string, listener: (payload: unknown) => void): void;
              sendText(text: string): void;
              hangup(): Promise<void>;
            }>;
          };
          const call = await client.connectVoice({ baseUrl: base, getToken: () => token });
          const tool = new Promise((resolve) => call.on('tool', resolve));
          const ended = new Promise((resolve) => call.on('ended', resolve));
          call.sendText('where is order 10042');
          const toolEvent = await tool;
          await call.hangup();
          return { state: call.state, id: call.session?.id, toolEvent, ended: await ended };
        },
        { base: sut.url, token },
      );
      expect(result).toMatchObject({
        state: 'ended',
        toolEvent: { tool: 'lookup_order', outcome: 'executed' },
        ended: { reason: 'hangup', by: 'page' },
      });
      const row = await eventually(async () => {
        const [found] = await sut.query<{ state: string; end_reason: string }>(
          `SELECT state, end_reason FROM sessions WHERE id = $1`,
          [result.id],
        );
        return found?.state === 'ended' && found;
      });
      expect(row).toEqual({ state: 'ended', end_reason: 'user_ended' });
    } finally {
      await context.close();
    }
  });
});

/** The page with demo sign-in off (its own app: the embedded test database takes one app at a time). */
describeWithChromium('the demo page with sign-in off, at 375 px', () => {
  let sut: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    sut = await startTestApp({ env: JWT_ENV });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await sut?.close();
  });

  it('has no horizontal overflow with the token form, nor with the error a bad token gets', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
    await context.addInitScript(PAGE_PROBE);
    const page = await context.newPage();
    const overflow = () =>
      page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    try {
      await page.goto(`${sut.url}/`);
      await page.locator('#token-sign-in:not([hidden])').waitFor();
      expect(await overflow()).toBeLessThanOrEqual(0);
      await page.getByLabel('User token (JWT)').fill(`x${'y'.repeat(500)}`);
      await page.getByRole('button', { name: 'Use this token' }).click();
      await page.getByRole('button', { name: 'Connect' }).click();
      await page.getByRole('alert').waitFor();
      expect(await overflow()).toBeLessThanOrEqual(0);
    } finally {
      await context.close();
    }
  });
});
