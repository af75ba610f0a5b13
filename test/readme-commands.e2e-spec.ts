import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { eventually } from './support/session-client.js';
import { freshSchema } from './support/test-app.js';
import { TEST_MODEL_CACHE_DIR } from './support/knowledge.js';

const REPO = process.cwd();
const README = readFileSync(join(REPO, 'README.md'), 'utf8');

interface Block {
  readonly phase: 'before-start' | 'running';
  readonly script: string;
  readonly line: number;
}

/** The README's shell blocks marked `<!-- readme-test: phase -->`, in the order a reader meets them. */
function markedBlocks(): Block[] {
  const blocks: Block[] = [];
  for (const match of README.matchAll(
    /<!-- readme-test: (before-start|running) -->\n\n```sh\n([\s\S]*?)```/g,
  )) {
    const line = README.slice(0, match.index).split('\n').length;
    blocks.push({ phase: match[1] as Block['phase'], script: match[2], line });
  }
  return blocks;
}

/**
 * What running the README "as written" changes, and only that: the app listens on a free port
 * rather than 3000, and the npm scripts that would rebuild `dist/` (which other tests use) run
 * the built files they would run.
 */
function asRun(script: string, port: number): string {
  return script
    .replaceAll('localhost:3000', `127.0.0.1:${port}`)
    .replaceAll('npm run -s cli --', `node ${REPO}/dist/src/cli/cli.js`)
    .replaceAll('npm run cli --', `node ${REPO}/dist/src/cli/cli.js`)
    .replaceAll('npm run audit:verify --', `node ${REPO}/dist/src/cli/audit-verify.js`);
}

/** Any HTTP error fails the block (the README shows no failing request); nothing hangs. */
const PRELUDE = `set -euo pipefail
curl() { command curl --fail-with-body --show-error --max-time 60 "$@"; }
`;

/** Runs one phase's blocks in one shell, carrying the variables a reader's shell would keep. */
function runPhase(dir: string, env: NodeJS.ProcessEnv, blocks: Block[], port: number) {
  const names = [
    ...new Set(blocks.flatMap((b) => [...b.script.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]))),
  ];
  const keep = names
    .map((name) => `[ -n "\${${name}+x}" ] && printf '%s=%q\\n' ${name} "$${name}" >> vars.sh`)
    .join('\n');
  const script = `${PRELUDE}[ -f vars.sh ] && source vars.sh\n${blocks
    .map((block) => `# README.md:${block.line}\n${asRun(block.script, port)}`)
    .join('\n')}\n${keep}\ntrue\n`;
  writeFileSync(join(dir, 'phase.sh'), script);
  return spawnSync('bash', ['phase.sh'], { cwd: dir, env, encoding: 'utf8', timeout: 240_000 });
}

/**
 * The README's commands, run as written on a fresh start: a new data directory, the app started
 * as the README starts it (`npm run demo`), and every marked block in order, with curl failing on
 * any HTTP error. A command that stops working fails here, naming its README line.
 */
describe('the README commands', () => {
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-readme-'));
  let app: ChildProcess | undefined;
  let appLog = '';
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LOG_LEVEL: 'info',
    PORT: '0',
    SWITCHBOARD_KNOWLEDGE_MODEL_CACHE_DIR: TEST_MODEL_CACHE_DIR,
    ...(process.env.DATABASE_URL
      ? { DATABASE_URL: process.env.DATABASE_URL, DATABASE_SCHEMA: freshSchema() }
      : {}),
  };

  beforeAll(() => {
    // The examples the README uploads, where a reader's checkout has them.
    symlinkSync(join(REPO, 'docs'), join(dir, 'docs'));
  });

  afterAll(async () => {
    if (app && app.exitCode === null) {
      const exited = new Promise((resolve) => app?.once('exit', resolve));
      app.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('marks every shell block that calls the API, so none escapes this test', () => {
    const unmarked = [...README.matchAll(/(?<!-->\n\n)```sh\n([\s\S]*?)```/g)].filter((m) =>
      /\bcurl\b/.test(m[1]),
    );
    expect(unmarked.map((m) => README.slice(0, m.index).split('\n').length)).toEqual([]);
    expect(markedBlocks().length).toBeGreaterThanOrEqual(6);
  });

  it('runs them on a fresh start: before the app starts, then against it', async () => {
    const blocks = markedBlocks();
    const before = runPhase(
      dir,
      env,
      blocks.filter((b) => b.phase === 'before-start'),
      0,
    );
    expect({ status: before.status, stderr: before.stderr }).toEqual({
      status: 0,
      stderr: expect.any(String),
    });
    expect(before.stdout).toMatch(/Ops admin/);

    // As the README's "Try it in one minute" starts it.
    app = spawn(process.execPath, [join(REPO, 'scripts/demo.mjs')], { cwd: dir, env });
    app.stdout?.on('data', (chunk: Buffer) => (appLog += chunk.toString()));
    app.stderr?.on('data', (chunk: Buffer) => (appLog += chunk.toString()));
    const url = await eventually(async () => /"url":"(http:[^"]+)"/.exec(appLog)?.[1], 60_000);
    const port = Number(new URL(url).port);
    expect(appLog).toContain('SWITCHBOARD_DEMO_SIGN_IN is on');

    // The reader's shell and the app agree on the port (3000 for both when unset).
    const running = runPhase(
      dir,
      { ...env, PORT: String(port) },
      blocks.filter((b) => b.phase === 'running'),
      port,
    );
    if (running.status !== 0)
      process.stderr.write(`README run failed:\n${running.stdout}\n${running.stderr}\n`);
    expect(running.status).toBe(0);
    const out = running.stdout;
    expect(out).toContain('"status":"ok"');
    expect(out).toContain('tool lookup_order: executed');
    expect(out).toContain('ended: user_ended');
    expect(out).toContain('tool issue_refund: pending_approval');
    expect(out).toContain('"status":"rolled_back"');
    expect(out).toMatch(/"hits":\[\{[^}]*"text":"Refunds go back/);
    expect(out).toMatch(/OK \d+ entries \(last seq \d+\), \d+ signed checkpoint/);
  }, 300_000);
});
