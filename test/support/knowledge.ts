import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ApiKeysService } from '../../src/modules/identity/api-keys.service.js';
import type { TestApp } from './test-app.js';
import { userToken } from './tokens.js';

/** Shared by every test file (and the embedding unit tests): the built-in model is built once. */
export const TEST_MODEL_CACHE_DIR = join(tmpdir(), 'switchboard-test-models');

/** Env for an app whose ingestion worker polls fast. */
export const KNOWLEDGE_ENV = {
  SWITCHBOARD_KNOWLEDGE_MODEL_CACHE_DIR: TEST_MODEL_CACHE_DIR,
  SWITCHBOARD_KNOWLEDGE_POLL_MS: '100',
};

export interface KnowledgeClient {
  readonly editorKey: string;
  /** A JSON request with the editor key (or `token`). */
  call(method: string, path: string, body?: unknown, token?: string): Promise<Response>;
  createSource(body: Record<string, unknown>, token?: string): Promise<string>;
  /** Uploads JSON text and waits for its job; returns the document id. */
  upload(sourceId: string, body: Record<string, unknown>, token?: string): Promise<string>;
  /** Waits until the job is ready or failed and returns it. */
  settle(jobId: string): Promise<{
    status: string;
    progress?: { done: number; total: number };
    error?: { code: string };
  }>;
  search(q: string, token: string, k?: number): Promise<SearchResult>;
}

export interface SearchResult {
  readonly hits: {
    text: string;
    score: number;
    citation: {
      sourceId: string;
      documentId: string;
      version: number;
      title: string;
      headingPath: string[];
      page: number | null;
      reviewOverdue: boolean;
    };
  }[];
}

export async function knowledgeClient(sut: TestApp): Promise<KnowledgeClient> {
  const { key: editorKey } = await sut.app
    .get(ApiKeysService)
    .create('editor', ['knowledge_editor'], 'system');
  const call = (method: string, path: string, body?: unknown, token = editorKey) =>
    fetch(`${sut.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const settle = async (jobId: string) => {
    // Waits on the job's own state (the event that proves the outcome), checked every 50 ms.
    for (let i = 0; i < 1200; i++) {
      const job = (await (await call('GET', `/v1/knowledge/jobs/${jobId}`)).json()) as {
        status: string;
      };
      if (job.status === 'ready' || job.status === 'failed') return job;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`job ${jobId} did not finish within 60 s`);
  };
  return {
    editorKey,
    call,
    settle,
    async createSource(body, token) {
      const res = await call('POST', '/v1/knowledge/sources', body, token);
      if (res.status !== 201) throw new Error(`create source: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { id: string }).id;
    },
    async upload(sourceId, body, token) {
      const res = await call('POST', `/v1/knowledge/sources/${sourceId}/documents`, body, token);
      if (res.status !== 202) throw new Error(`upload: ${res.status} ${await res.text()}`);
      const { documentId, jobId } = (await res.json()) as { documentId: string; jobId: string };
      const job = await settle(jobId);
      if (job.status !== 'ready') throw new Error(`job ${jobId} ${JSON.stringify(job)}`);
      return documentId;
    },
    async search(q, token, k = 5) {
      const res = await call(
        'GET',
        `/v1/knowledge/search?q=${encodeURIComponent(q)}&k=${k}`,
        undefined,
        token,
      );
      if (res.status !== 200) throw new Error(`search: ${res.status} ${await res.text()}`);
      return (await res.json()) as SearchResult;
    },
  };
}

/** A caller's JWT: `roles` in `tenant`. */
export function callerToken(
  sub: string,
  tenant: string | undefined,
  roles: string[],
): Promise<string> {
  return userToken({ sub, ...(tenant === undefined ? {} : { tenant }), roles });
}
