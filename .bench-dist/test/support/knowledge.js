import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiKeysService } from '../../src/modules/identity/api-keys.service.js';
import { userToken } from './tokens.js';
/** Shared by every test file (and the embedding unit tests): the built-in model is built once. */ export const TEST_MODEL_CACHE_DIR = join(tmpdir(), 'switchboard-test-models');
/** Env for an app whose ingestion worker polls fast. */ export const KNOWLEDGE_ENV = {
    SWITCHBOARD_KNOWLEDGE_MODEL_CACHE_DIR: TEST_MODEL_CACHE_DIR,
    SWITCHBOARD_KNOWLEDGE_POLL_MS: '100'
};
export async function knowledgeClient(sut) {
    const { key: editorKey } = await sut.app.get(ApiKeysService).create('editor', [
        'knowledge_editor'
    ], 'system');
    const call = (method, path, body, token = editorKey)=>fetch(`${sut.url}${path}`, {
            method,
            headers: {
                authorization: `Bearer ${token}`,
                ...body === undefined ? {} : {
                    'content-type': 'application/json'
                }
            },
            body: body === undefined ? undefined : JSON.stringify(body)
        });
    const settle = async (jobId)=>{
        // Waits on the job's own state (the event that proves the outcome), checked every 50 ms.
        for(let i = 0; i < 1200; i++){
            const job = await (await call('GET', `/v1/knowledge/jobs/${jobId}`)).json();
            if (job.status === 'ready' || job.status === 'failed') return job;
            await new Promise((r)=>setTimeout(r, 50));
        }
        throw new Error(`job ${jobId} did not finish within 60 s`);
    };
    return {
        editorKey,
        call,
        settle,
        async createSource (body, token) {
            const res = await call('POST', '/v1/knowledge/sources', body, token);
            if (res.status !== 201) throw new Error(`create source: ${res.status} ${await res.text()}`);
            return (await res.json()).id;
        },
        async upload (sourceId, body, token) {
            const res = await call('POST', `/v1/knowledge/sources/${sourceId}/documents`, body, token);
            if (res.status !== 202) throw new Error(`upload: ${res.status} ${await res.text()}`);
            const { documentId, jobId } = await res.json();
            const job = await settle(jobId);
            if (job.status !== 'ready') throw new Error(`job ${jobId} ${JSON.stringify(job)}`);
            return documentId;
        },
        async search (q, token, k = 5) {
            const res = await call('GET', `/v1/knowledge/search?q=${encodeURIComponent(q)}&k=${k}`, undefined, token);
            if (res.status !== 200) throw new Error(`search: ${res.status} ${await res.text()}`);
            return await res.json();
        }
    };
}
/** A caller's JWT: `roles` in `tenant`. */ export function callerToken(sub, tenant, roles) {
    return userToken({
        sub,
        ...tenant === undefined ? {} : {
            tenant
        },
        roles
    });
}

//# sourceMappingURL=knowledge.js.map