import type { Browser, BrowserContext, Page } from 'playwright-core';

import { ApiKeysService } from '../src/modules/identity/api-keys.service.js';
import { chromiumAvailable, launchChromium } from './support/chromium.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { JWT_ENV } from './support/tokens.js';

const describeWithChromium = chromiumAvailable() ? describe : describe.skip;
const ARTIFACTS = `${process.cwd()}/test/artifacts`;

/**
 * The operator console in Chromium beside a caller's demo page, both against the app on its
 * simulator: what the approver decides in one browser reaches the caller in the other.
 */
describeWithChromium('the operator console in Chromium', () => {
  let sut: TestApp;
  let browser: Browser;
  let approverKey: string;
  let editorKey: string;

  beforeAll(async () => {
    sut = await startTestApp({ env: { ...JWT_ENV, SWITCHBOARD_DEMO_SIGN_IN: 'true' } });
    const keys = sut.app.get(ApiKeysService);
    ({ key: approverKey } = await keys.create('approver', ['approver'], 'system'));
    ({ key: editorKey } = await keys.create('editor', ['knowledge_editor'], 'system'));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await sut?.close();
  });

  async function console_(credential: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${sut.url}/console`);
    await page.getByLabel('Operator API key or staff token').fill(credential);
    await page.getByRole('button', { name: 'Sign in' }).click();
    return { context, page };
  }

  /** Sam, a support agent, on the demo page: he types a refund request. */
  async function caller(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext();
    await context.addInitScript(`
      navigator.mediaDevices.getUserMedia = async () => {
        const audio = new AudioContext();
        return audio.createMediaStreamDestination().stream;
      };`);
    const page = await context.newPage();
    await page.goto(`${sut.url}/`);
    await page.getByLabel('Demo user').selectOption('sam');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Connect' }).click();
    await page.getByText('Connected: talk, or type below.').waitFor();
    return { context, page };
  }

  async function ask(page: Page, text: string): Promise<string> {
    await page.getByLabel('Type instead of talking').fill(text);
    await page.getByRole('button', { name: 'Send' }).click();
    const refund = page.locator('#activity li[data-tool="issue_refund"]').last();
    await refund.getByText('waiting for approval').waitFor();
    return (await refund.getAttribute('data-action-id')) ?? '';
  }

  it('an approver approves in the console and the caller hears the result; a rejection reaches the caller too', async () => {
    const sam = await caller();
    const approver = await console_(approverKey);
    try {
      const first = await ask(sam.page, 'Refund 150 for order 10043');
      // The queue is live: the new action appears without a reload.
      const row = approver.page.locator(`tr[data-action-id="${first}"]`);
      await row.waitFor();
      await row.getByRole('button', { name: 'Open' }).click();
      const digest = await approver.page.locator('#approval-digest').textContent();
      expect(digest).toMatch(/^[0-9a-f]{64}$/);
      await expect(approver.page.locator('#approval-arguments').textContent()).resolves.toContain(
        '"orderNumber": "10043"',
      );
      await approver.page
        .locator('#approval-transcript')
        .getByText('Refund 150 for order 10043')
        .waitFor();
      await approver.page.screenshot({ path: `${ARTIFACTS}/console-approval.png`, fullPage: true });
      await approver.page.getByLabel('Comment (optional)').fill('checked the order');
      await approver.page.getByRole('button', { name: 'Approve' }).click();
      await approver.page.getByText('Approved.').waitFor();
      await sam.page
        .locator(`#activity li[data-action-id="${first}"]`)
        .getByText(/approved and done/)
        .waitFor();
      await approver.page
        .getByRole('heading', { name: /issue_refund · (executed|approved)/ })
        .waitFor();

      const second = await ask(sam.page, 'Refund 120 for order 20001');
      const next = approver.page.locator(`tr[data-action-id="${second}"]`);
      await next.waitFor();
      await next.getByRole('button', { name: 'Open' }).click();
      await approver.page.getByLabel('Reason the caller may hear').fill('over the policy');
      await approver.page.getByRole('button', { name: 'Reject' }).click();
      await approver.page.getByText('Rejected.').waitFor();
      await sam.page
        .locator(`#activity li[data-action-id="${second}"]`)
        .getByText('rejected by an approver')
        .waitFor();
    } finally {
      await sam.context.close();
      await approver.context.close();
    }
  });

  it('renders what the caller said as text: an HTML payload stays inert', async () => {
    const sam = await caller();
    const approver = await console_(approverKey);
    try {
      const payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
      const id = await ask(sam.page, `${payload} Refund 110 for order 20001`);
      const row = approver.page.locator(`tr[data-action-id="${id}"]`);
      await row.waitFor();
      await row.getByRole('button', { name: 'Open' }).click();
      const transcript = approver.page.locator('#approval-transcript');
      await transcript.getByText(payload, { exact: false }).waitFor();
      expect(await transcript.locator('img, script').count()).toBe(0);
      expect(await approver.page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBe(
        undefined,
      );
    } finally {
      await sam.context.close();
      await approver.context.close();
    }
  });

  it('shows only what the credential may use, and keeps the secret out of the page and the URL', async () => {
    const editor = await console_(editorKey);
    try {
      await editor.page.getByText('This credential may not use any area').waitFor();
      expect(await editor.page.getByRole('button', { name: 'Approvals' }).count()).toBe(0);
      expect(await editor.page.content()).not.toContain(editorKey);
      expect(editor.page.url()).not.toContain(editorKey.slice(6));
      expect(
        await editor.page.evaluate(() =>
          JSON.stringify((globalThis as unknown as { localStorage: object }).localStorage),
        ),
      ).toBe('{}');
      await editor.page.screenshot({ path: `${ARTIFACTS}/console-no-areas.png`, fullPage: true });
    } finally {
      await editor.context.close();
    }
    const wrong = await console_('sk_sb_not-a-key');
    try {
      await wrong.page
        .getByRole('alert')
        .getByText(/Sign-in failed \(UNAUTHENTICATED/)
        .waitFor();
      expect(
        await wrong.page.evaluate(() =>
          JSON.stringify((globalThis as unknown as { sessionStorage: object }).sessionStorage),
        ),
      ).toBe('{}');
    } finally {
      await wrong.context.close();
    }
  });

  it('serves the console with a strict content security policy, with or without the demo', async () => {
    const res = await fetch(`${sut.url}/console`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    const script = await fetch(`${sut.url}/console/console.js`);
    expect(script.headers.get('content-type')).toMatch(/javascript/);
  });
});
