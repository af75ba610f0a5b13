import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

import { Module } from '@nestjs/common';

import { ApprovalWorker } from '../src/modules/approvals/approval-worker.js';
import { ApiKeysService } from '../src/modules/identity/api-keys.service.js';
import { connectedBrowser, eventually } from './support/session-client.js';
import { Tool } from '../src/modules/tools/tool.decorator.js';
import { freshSchema, startTestApp, testDatabaseUrl, type TestApp } from './support/test-app.js';
import { JWT_ENV } from './support/tokens.js';
import type { WeriftBrowser } from './support/werift-browser.js';
// @ts-expect-error -- plain JavaScript shared with the child process
import { effectTool } from './support/effect-tools.mjs';

/** The surviving replica's versions of the effect tools: same names, they return at once. */
const runsHere: string[] = [];
function survivorTools(databaseUrl: string, schema: string) {
  return [true, false].map((idempotent) =>
    effectTool({
      Tool,
      name: idempotent ? 'effect_idempotent' : 'effect_once',
      idempotent,
      hangMs: 0,
      databaseUrl,
      schema,
      onEffect: (key: string) => runsHere.push(key),
    }),
  );
}

interface Child {
  readonly process: ChildProcess;
  readonly url: string;
  readonly executing: Promise<string>;
}

/** A second replica in its own process (the real app from dist/), on the same database and schema. */
async function startChild(schema: string): Promise<Child> {
  const child = spawn(process.execPath, ['test/support/approval-child.mjs'], {
    env: {
      ...process.env,
      ...JWT_ENV,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      DATABASE_SCHEMA: schema,
      EFFECTS_DATABASE_URL: testDatabaseUrl(),
      // A long poll: this replica acts only when an approval reaches it (it kicks its worker).
      SWITCHBOARD_APPROVAL_POLL_MS: '60000',
      SWITCHBOARD_APPROVAL_LEASE_GRACE_SECONDS: '1',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  let onExecuting: (key: string) => void = () => undefined;
  const executing = new Promise<string>((resolve) => (onExecuting = resolve));
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`child exited with ${code}`)));
    lines.on('line', (line) => {
      const message = JSON.parse(line) as { url?: string; executing?: string };
      if (message.url) resolve(message.url);
      if (message.executing) onExecuting(message.executing);
    });
  });
  return { process: child, url, executing };
}

describe('approvals: a worker killed mid-execution (kill -9)', () => {
  let sut: TestApp;
  let approverKey: string;

  beforeAll(async () => {
    // The survivor's tools need the schema before the app exists: pick it first.
    const schema = freshSchema();
    @Module({ providers: survivorTools(testDatabaseUrl(), schema) })
    class SurvivorTools {}
    sut = await startTestApp({
      schema,
      env: {
        ...JWT_ENV,
        SWITCHBOARD_SESSIONS_PER_USER: '10',
        SWITCHBOARD_SIMULATOR_INSPECTION: 'true',
        // Recovery is triggered by the test (kick), so nothing races the child for the claim.
        SWITCHBOARD_APPROVAL_POLL_MS: '60000',
        SWITCHBOARD_APPROVAL_LEASE_GRACE_SECONDS: '1',
      },
      imports: [SurvivorTools],
    });
    await sut.query(
      `CREATE TABLE fixture_effects (key text PRIMARY KEY, tool text NOT NULL, label text NOT NULL)`,
    );
    ({ key: approverKey } = await sut.app
      .get(ApiKeysService)
      .create('approver', ['approver'], 'system'));
  }, 60_000);
  afterAll(async () => {
    await sut.query(`DROP SCHEMA "${sut.schema}" CASCADE`).catch(() => undefined);
    await sut.close();
  });

  /** An action for `tool`, pending in the survivor's database, approved through the child. */
  async function approvedInChild(
    tool: string,
    child: Child,
    browsers: WeriftBrowser[],
  ): Promise<string> {
    const { client, id, browser } = await connectedBrowser(sut, `crash-${tool}`, [
      'fixture_runner',
    ]);
    browsers.push(browser);
    const res = await client.request(`/v1/sessions/${id}/tool-calls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ callId: `call_${tool}`, name: tool, arguments: '{"label":"once"}' }),
    });
    const { output } = (await res.json()) as { output: { actionId: string } };
    const detail = (await (
      await fetch(`${child.url}/v1/admin/approvals/${output.actionId}`, {
        headers: { authorization: `Bearer ${approverKey}` },
      })
    ).json()) as { digest: string };
    const approved = await fetch(`${child.url}/v1/admin/approvals/${output.actionId}/approve`, {
      method: 'POST',
      headers: { authorization: `Bearer ${approverKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ digest: detail.digest }),
    });
    expect(approved.status).toBe(200);
    return output.actionId;
  }

  async function crashWhileExecuting(tool: string): Promise<string> {
    const child = await startChild(sut.schema);
    try {
      const actionId = await approvedInChild(tool, child, browsers);
      expect(await child.executing).toBe(actionId);
      const [row] = await sut.query<{ status: string }>(
        `SELECT status FROM pending_actions WHERE id = $1`,
        [actionId],
      );
      expect(row.status).toBe('executing');
      child.process.kill('SIGKILL');
      await new Promise((resolve) => child.process.once('exit', resolve));
      return actionId;
    } finally {
      if (child.process.exitCode === null) child.process.kill('SIGKILL');
    }
  }

  /** Until the lease lapses (tool timeout 3 s + grace 1 s), then the survivor's worker recovers it. */
  async function recovered(actionId: string, status: string) {
    return eventually(async () => {
      sut.app.get(ApprovalWorker).kick();
      const [row] = await sut.query<{
        status: string;
        attempts: number;
        error: { code: string } | null;
      }>(`SELECT status, attempts, error FROM pending_actions WHERE id = $1`, [actionId]);
      return row.status === status ? row : undefined;
    }, 15_000);
  }

  const browsers: WeriftBrowser[] = [];
  afterEach(async () => {
    await Promise.all(browsers.splice(0).map((browser) => browser.close()));
  });

  const effectsOf = (key: string) =>
    sut.query(`SELECT * FROM fixture_effects WHERE key = $1`, [key]);

  it('resumes an idempotent tool on another replica: one effect, executed, never lost', async () => {
    const actionId = await crashWhileExecuting('effect_idempotent');
    const row = await recovered(actionId, 'executed');
    expect(row.attempts).toBe(2);
    expect(runsHere).toContain(actionId); // the survivor ran it again, with the same key
    expect(await effectsOf(actionId)).toHaveLength(1);
    // The session is still live, so the outcome is also told in the call (action.delivered,
    // written just after the outcome).
    const actions = await eventually(async () => {
      const rows = await sut.query<{ action: string }>(
        `SELECT action FROM audit_log WHERE subject = $1 ORDER BY seq`,
        [actionId],
      );
      return rows.length === 5 ? rows.map((r) => r.action) : undefined;
    });
    expect(actions).toEqual([
      'approval.requested',
      'approval.approved',
      'action.recovered',
      'action.executed',
      'action.delivered',
    ]);
  }, 60_000);

  it('fails a tool that is not idempotent instead of running it twice', async () => {
    const actionId = await crashWhileExecuting('effect_once');
    const row = await recovered(actionId, 'failed');
    expect(row.error).toMatchObject({ code: 'EXECUTION_INTERRUPTED' });
    expect(runsHere).not.toContain(actionId);
    expect(await effectsOf(actionId)).toHaveLength(1);
  }, 60_000);
});
