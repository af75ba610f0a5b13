import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

import { ApiKeysService } from '../src/modules/identity/api-keys.service.js';
import { realtimeAgent } from './support/grounding.js';
import { profilesFileEnv } from './support/profiles-file.js';
import { eventually, SessionClient } from './support/session-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { JWT_ENV, userToken } from './support/tokens.js';

const CLI = resolve('dist/src/cli/cli.js');

const PROFILES = {
  // Switchboard starts each response itself: a page's response.create would be tampering.
  server_start: realtimeAgent({ responseStart: 'server' }),
  live_shop: {
    api: 'live',
    model: 'gpt-live-1',
    voice: 'marin',
    instructions: 'You are the voice of an online shop. Use your backend for order questions.',
  },
};

interface CliRun {
  readonly child: ChildProcessWithoutNullStreams;
  /** Resolves once stdout has a line matching `pattern`. */
  readonly printed: (pattern: RegExp) => Promise<string>;
  readonly exited: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

function startCli(args: string[], env: Record<string, string>): CliRun {
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', ...env },
  });
  let stdout = '';
  let stderr = '';
  const waiters: (() => void)[] = [];
  child.stdout.on('data', (c: Buffer) => {
    stdout += c.toString();
    for (const waiter of waiters) waiter();
  });
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((done) =>
    child.on('exit', (code) => done({ code, stdout, stderr })),
  );
  const printed = (pattern: RegExp) =>
    new Promise<string>((found) => {
      const check = () => {
        const line = stdout.split('\n').find((l) => pattern.test(l));
        if (line !== undefined) found(line);
      };
      waiters.push(check);
      check();
    });
  return { child, printed, exited };
}

/** The session id the call printed on its first line. */
function sessionIdOf(stdout: string): string {
  const id = /^session: (ses_\w+) /m.exec(stdout)?.[1];
  if (!id) throw new Error(`no session line in:\n${stdout}`);
  return id;
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

/**
 * `npm run cli -- call --text …` makes a governed test call without a browser: a real session on
 * a running Switchboard, connected over WebRTC (werift) to the built-in simulator, turn by turn.
 */
describe('CLI: call', () => {
  let sut: TestApp;
  beforeAll(async () => {
    sut = await startTestApp({ env: { ...JWT_ENV, ...profilesFileEnv(PROFILES) } });
  });
  afterAll(() => sut.close());

  const call = (args: string[], env: Record<string, string> = JWT_ENV) =>
    startCli(['call', '--url', sut.url, ...args], env).exited;
  const sessionRow = async (id: string) =>
    (
      await sut.query<{ state: string; end_reason: string; user_id: string }>(
        `SELECT state, end_reason, user_id FROM sessions WHERE id = $1`,
        [id],
      )
    )[0];

  it('types a turn as the demo customer, prints the tool and the answer, then hangs up', async () => {
    const result = await call(['--text', 'where is order 10042']);
    expect([result.code, result.stderr]).toEqual([0, '']);
    const lines = result.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^session: ses_\w+ \(agent default, realtime\)$/);
    const you = lines.indexOf('you: where is order 10042');
    const tool = lines.indexOf('tool lookup_order: executed');
    const answer = lines.findIndex((l) => l.startsWith('assistant: Here is what I found'));
    expect(lines[answer]).toContain('shipped');
    expect([you > 0, tool > you, answer > tool]).toEqual([true, true, true]);
    expect(lines.at(-1)).toBe('ended: user_ended');
    expect(await sessionRow(sessionIdOf(result.stdout))).toEqual({
      state: 'ended',
      end_reason: 'user_ended',
      user_id: 'alice',
    });
  });

  it('prints one JSON object per line with --json, turn after turn', async () => {
    const result = await call([
      '--json',
      '--text',
      'where is order 10042',
      '--text',
      'Please call me back tomorrow',
    ]);
    expect([result.code, result.stderr]).toEqual([0, '']);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.type)).toEqual([
      'session',
      'you',
      'tool',
      'assistant',
      'you',
      'tool',
      'assistant',
      'ended',
    ]);
    expect(lines[0]).toMatchObject({ id: expect.stringMatching(/^ses_/), api: 'realtime' });
    expect(lines[2]).toEqual({
      type: 'tool',
      tool: 'lookup_order',
      toolCallId: expect.stringMatching(/^call_/),
      outcome: 'executed',
    });
    expect(String(lines[3].text)).toContain('shipped');
    expect(lines[5]).toMatchObject({ tool: 'schedule_callback', outcome: 'executed' });
    expect(lines.at(-1)).toEqual({ type: 'ended', state: 'ended', reason: 'user_ended' });
  });

  it('shows a refund above 100 USD waiting for an approver, and still ends cleanly', async () => {
    const result = await call(['--roles', 'agent', '--text', 'refund 150 for order 10043']);
    expect([result.code, result.stderr]).toEqual([0, '']);
    const actionId = /^tool issue_refund: pending_approval (act_\w+)$/m.exec(result.stdout)?.[1];
    expect(actionId).toBeDefined();
    expect(result.stdout).toContain(`approval ${actionId}: pending`);
    expect(result.stdout).toMatch(/^assistant: About your refund: .*pending_approval/m);
    expect(result.stdout.trim().split('\n').at(-1)).toBe('ended: user_ended');
    expect(await sut.query(`SELECT id FROM demo_refunds`)).toEqual([]);
  });

  it('leaves starting the response to Switchboard in a server-start session (no tampering)', async () => {
    const result = await call(['--agent', 'server_start', '--text', 'where is order 10042']);
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toContain('tool lookup_order: executed');
    expect(result.stdout).toMatch(/^assistant: Here is what I found.*shipped/m);
    expect(await sessionRow(sessionIdOf(result.stdout))).toMatchObject({
      state: 'ended',
      end_reason: 'user_ended',
    });
  });

  it('refuses a GPT-Live agent (speech only) with a clear error, and ends the session', async () => {
    const result = await call(['--agent', 'live_shop', '--text', 'where is order 10042']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('cli: TEXT_INPUT_UNSUPPORTED: ');
    expect(result.stderr).toContain('takes speech only');
    expect(result.stdout).toMatch(
      /^session: ses_\w+ \(agent live_shop, live\)\nended: user_ended\n$/,
    );
    expect(await sessionRow(sessionIdOf(result.stdout))).toMatchObject({
      state: 'ended',
      end_reason: 'user_ended',
    });
  });

  it('takes a token from SWITCHBOARD_USER_TOKEN and prints the server’s code for a bad one', async () => {
    const token = await userToken({ sub: 'bob', tenant: 'acme', roles: ['customer'] });
    const good = await call(['--text', 'hello'], { SWITCHBOARD_USER_TOKEN: token });
    expect([good.code, good.stderr]).toEqual([0, '']);
    expect(good.stdout).toContain('assistant: Hi there! How can I help?');
    expect((await sessionRow(sessionIdOf(good.stdout))).user_id).toBe('bob');

    const bad = await call(['--token', 'not.a.jwt', '--text', 'hello']);
    expect(bad).toMatchObject({ code: 1, stdout: '' });
    expect(bad.stderr).toMatch(/^cli: UNAUTHENTICATED: .+\n$/);
  });

  it('refuses without a JWT secret to sign with (exit 2), before reaching any server', async () => {
    const result = await call(['--text', 'hello'], {});
    expect([result.code, result.stdout]).toEqual([2, '']);
    expect(result.stderr).toContain('cli: no SWITCHBOARD_JWT_SECRET is configured');
  });

  it('explains bad usage with exit 2', async () => {
    for (const args of [[], ['--text', '  '], ['--text', 'hi', '--timeout', 'soon']]) {
      const result = await call(args);
      expect([result.code, result.stdout]).toEqual([2, '']);
      expect(result.stderr).toContain('cli: ');
    }
    const both = await call(['--text', 'hi', '--token', 'x.y.z', '--user', 'bob']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--user is for a token the CLI signs');
    const noScheme = await startCli(['call', '--url', 'localhost:3000', '--text', 'hi'], JWT_ENV)
      .exited;
    expect(noScheme.code).toBe(2);
    expect(noScheme.stderr).toContain('is not an http(s) address');
  });

  it('reports a refused session with the server’s code (429 SESSION_LIMIT_REACHED)', async () => {
    const zoe = await SessionClient.as(sut, 'zoe');
    await zoe.open();
    await zoe.open();
    const result = await call(['--user', 'zoe', '--text', 'hello']);
    expect([result.code, result.stdout]).toEqual([1, '']);
    expect(result.stderr).toMatch(/^cli: SESSION_LIMIT_REACHED: The limit of 2 concurrent/);
  });

  it('reports Switchboard unreachable', async () => {
    const port = await closedPort();
    const result = await startCli(
      ['call', '--url', `http://127.0.0.1:${port}`, '--text', 'hello'],
      JWT_ENV,
    ).exited;
    expect([result.code, result.stdout]).toEqual([1, '']);
    expect(result.stderr).toContain(
      `cli: SWITCHBOARD_UNREACHABLE: Switchboard is not reachable at http://127.0.0.1:${port} (ECONNREFUSED)`,
    );
  });

  it('hangs up when connecting takes longer than --timeout', async () => {
    const result = await call(['--timeout', '1ms', '--text', 'hello']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('cli: CONNECT_TIMEOUT: The call did not connect within');
    expect(await sessionRow(sessionIdOf(result.stdout))).toMatchObject({
      state: 'ended',
      end_reason: 'user_ended',
    });
  });

  it('prints why the server ended the call (an operator revoked it) and exits 1', async () => {
    const { key } = await sut.app.get(ApiKeysService).create('ops', ['admin'], 'system');
    const run = startCli(
      ['call', '--url', sut.url, '--text', 'where is order 10042', '--text', 'hello'],
      JWT_ENV,
    );
    const id = sessionIdOf(await run.printed(/^session: /));
    await run.printed(/^you: /);
    const revoked = await fetch(`${sut.url}/v1/admin/sessions/${id}/revoke`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reason: 'abuse' }),
    });
    expect(revoked.status).toBe(200);
    const result = await run.exited;
    expect(result.code).toBe(1);
    expect(result.stdout.trim().split('\n').at(-1)).toBe('ended: abuse (revoked)');
    expect(result.stderr).toBe('cli: CALL_ENDED: Switchboard ended the call: abuse.\n');
  });

  it('hangs up on Ctrl-C: the session ends as user_ended and the exit code is 130', async () => {
    const run = startCli(
      ['call', '--url', sut.url, '--text', 'where is order 10042', '--text', 'hello'],
      JWT_ENV,
    );
    const id = sessionIdOf(await run.printed(/^session: /));
    await run.printed(/^you: /);
    run.child.kill('SIGINT');
    const result = await run.exited;
    expect(result.code).toBe(130);
    expect(result.stderr).toContain('cli: INTERRUPTED: ');
    expect(result.stdout.trim().split('\n').at(-1)).toBe('ended: user_ended');
    expect(await eventually(async () => (await sessionRow(id)).state === 'ended' && true)).toBe(
      true,
    );
    expect((await sessionRow(id)).end_reason).toBe('user_ended');
  });
});
