import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { KNOWLEDGE_ENV, knowledgeClient, type KnowledgeClient } from './support/knowledge.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const CLI = resolve('dist/src/cli/cli.js');

function cli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code) => done({ code, stdout, stderr }));
  });
}

describe('CLI: knowledge import <dir> --source', () => {
  let sut: TestApp;
  let kb: KnowledgeClient;
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-import-'));

  beforeAll(async () => {
    sut = await startTestApp({ env: KNOWLEDGE_ENV });
    kb = await knowledgeClient(sut);
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await sut.close();
  });

  it('uploads a folder, resumes without re-uploading, and sends changed files as new versions', async () => {
    const sourceId = await kb.createSource({ name: 'Imported', allowedRoles: ['customer'] });
    mkdirSync(join(dir, 'faq'));
    writeFileSync(join(dir, 'returns.md'), '# Returns\n\nItems can be returned within 30 days.\n');
    writeFileSync(
      join(dir, 'faq', 'shipping.txt'),
      'We ship to every country in the European Union.\n',
    );
    writeFileSync(join(dir, 'faq', 'broken.txt'), Buffer.from([0xc3, 0x28, 0xa0, 0xa1]));
    writeFileSync(join(dir, 'ignored.png'), 'not a document');
    const env = { SWITCHBOARD_API_KEY: kb.editorKey, LOG_LEVEL: 'silent' };
    const args = ['knowledge', 'import', dir, '--source', sourceId, '--url', sut.url];

    const first = await cli(args, env);
    expect(first.stdout).toContain('[1/3] faq/broken.txt: failed (INVALID_UTF8');
    expect(first.stdout).toContain('[3/3] returns.md: ready');
    expect(first.stdout).toContain('Imported 2 ready (3 uploaded, 0 unchanged), 1 failed.');
    expect(first.code).toBe(1);
    expect(await sut.query(`SELECT count(*)::int AS n FROM knowledge_documents`)).toEqual([
      { n: 2 },
    ]);

    writeFileSync(join(dir, 'faq', 'broken.txt'), 'Fixed: gift cards never expire.\n');
    const second = await cli(args, env);
    expect(second.stdout).toContain('Imported 3 ready (1 uploaded, 2 unchanged), 0 failed.');
    expect(second.code).toBe(0);

    writeFileSync(join(dir, 'returns.md'), '# Returns\n\nItems can be returned within 60 days.\n');
    const third = await cli(args, env);
    expect(third.stdout).toContain('Imported 3 ready (1 uploaded, 2 unchanged), 0 failed.');
    const versions = await sut.query<{ title: string; current_version: number }>(
      `SELECT title, current_version FROM knowledge_documents ORDER BY title`,
    );
    expect(versions).toEqual([
      { title: 'Returns', current_version: 2 },
      { title: 'broken', current_version: 1 },
      { title: 'shipping', current_version: 1 },
    ]);
  }, 120_000);

  it('refuses to run without a key or a source, and says how', async () => {
    const noKey = await cli(
      ['knowledge', 'import', dir, '--source', 'src_x', '--url', sut.url],
      {},
    );
    expect([noKey.code, noKey.stderr]).toEqual([2, expect.stringContaining('SWITCHBOARD_API_KEY')]);
    const noSource = await cli(['knowledge', 'import', dir], { SWITCHBOARD_API_KEY: 'k' });
    expect([noSource.code, noSource.stderr]).toEqual([2, expect.stringContaining('--source')]);
    const noDir = await cli(['knowledge', 'import', join(dir, 'missing'), '--source', 'src_x'], {
      SWITCHBOARD_API_KEY: 'k',
    });
    expect([noDir.code, noDir.stderr]).toEqual([2, expect.stringContaining('is not a folder')]);
  });
});
