import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

import {
  callerToken,
  KNOWLEDGE_ENV,
  knowledgeClient,
  type KnowledgeClient,
} from './support/knowledge.js';
import { freshSchema, startTestApp, testDatabaseUrl, type TestApp } from './support/test-app.js';
import { JWT_ENV } from './support/tokens.js';

/** A long manual: hundreds of chunks, so the child is still embedding when it is killed. */
function manual(sections: number): string {
  return Array.from(
    { length: sections },
    (_, i) =>
      `## Part ${i + 1}\n\nStep ${i + 1} of the descaling procedure: fill the reservoir with the solution number ${i + 1}, ` +
      `run the rinse cycle for ${i + 3} minutes, then discard the water and repeat with clean water. ` +
      `Write down the reading of gauge ${i + 1} before and after, and compare it with the table in appendix ${i % 7}.`,
  ).join('\n\n');
}

async function startChild(schema: string): Promise<{ process: ChildProcess; workerId: string }> {
  const child = spawn(process.execPath, ['test/support/knowledge-child.mjs'], {
    env: {
      ...process.env,
      ...JWT_ENV,
      ...KNOWLEDGE_ENV,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'silent',
      DATABASE_SCHEMA: schema,
      CHILD_DATABASE_URL: testDatabaseUrl(),
      SWITCHBOARD_KNOWLEDGE_JOB_LEASE_SECONDS: '5',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const workerId = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`child exited with ${code}`)));
    lines.on('line', (line) => resolve((JSON.parse(line) as { workerId: string }).workerId));
  });
  return { process: child, workerId };
}

describe('knowledge: a replica killed mid-ingestion (kill -9)', () => {
  let sut: TestApp;
  let kb: KnowledgeClient;
  let survivor: TestApp | undefined;

  beforeAll(async () => {
    // This replica only serves HTTP: the child takes the job, a survivor takes it over.
    sut = await startTestApp({
      schema: freshSchema(),
      env: { ...JWT_ENV, ...KNOWLEDGE_ENV, SWITCHBOARD_KNOWLEDGE_WORKER: 'false' },
    });
    kb = await knowledgeClient(sut);
  }, 60_000);
  afterAll(async () => {
    await survivor?.close();
    await sut.close();
  });

  it('resumes the job on another replica; nothing is visible until the whole version is', async () => {
    const sourceId = await kb.createSource({
      name: 'Manuals',
      tenantId: 'acme',
      allowedRoles: ['customer'],
    });
    const child = await startChild(sut.schema);
    const res = await kb.call('POST', `/v1/knowledge/sources/${sourceId}/documents`, {
      title: 'Descaling',
      text: manual(160),
    });
    const { jobId, documentId } = (await res.json()) as { jobId: string; documentId: string };
    // Wait for the child to have stored some chunks, then kill it without warning.
    let job: { claimed_by: string; done: number; total: number | null; status: string } | undefined;
    for (let i = 0; i < 1200; i++) {
      [job] = await sut.query<NonNullable<typeof job>>(
        `SELECT claimed_by, done, total, status FROM knowledge_jobs WHERE id = $1`,
        [jobId],
      );
      if (job.claimed_by === child.workerId && job.done >= 16) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(job).toMatchObject({ claimed_by: child.workerId, status: 'embedding' });
    expect(job!.done).toBeLessThan(job!.total!);
    child.process.kill('SIGKILL');
    await new Promise((resolve) => child.process.once('exit', resolve));

    const stored = await sut.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM knowledge_chunks WHERE document_id = $1`,
      [documentId],
    );
    expect(stored[0].n).toBeGreaterThan(0);
    const customer = await callerToken('ann', 'acme', ['customer']);
    expect((await kb.search('descaling procedure reservoir', customer)).hits).toEqual([]);

    survivor = await startTestApp({
      schema: sut.schema,
      env: { ...JWT_ENV, ...KNOWLEDGE_ENV, SWITCHBOARD_KNOWLEDGE_JOB_LEASE_SECONDS: '5' },
    });
    const settled = await kb.settle(jobId);
    expect(settled).toMatchObject({ status: 'ready' });
    const [row] = await sut.query<{ attempts: number; claimed_by: string; total: number }>(
      `SELECT attempts, claimed_by, total FROM knowledge_jobs WHERE id = $1`,
      [jobId],
    );
    expect(row.attempts).toBe(2);
    expect(row.claimed_by).not.toBe(child.workerId);
    const chunks = await sut.query<{ n: number; distinct_idx: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT chunk_index)::int AS distinct_idx FROM knowledge_chunks WHERE document_id = $1`,
      [documentId],
    );
    expect(chunks[0]).toEqual({ n: row.total, distinct_idx: row.total });
    expect(
      (await kb.search('descaling procedure reservoir', customer)).hits[0].citation.documentId,
    ).toBe(documentId);
  }, 120_000);
});
