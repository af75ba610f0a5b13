import { createHash } from 'node:crypto';
import { readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import cliProgress from 'cli-progress';
const STATE_FILE = '.switchboard-import.json';
const EXTENSIONS = /\.(md|markdown|txt|text|html?|pdf)$/i;
const POLL_MS = 250;
/**
 * `knowledge import <dir> --source <id>`: uploads every document file under `dir` to a source
 * through the editor API of a running Switchboard, waits for each ingestion job, and shows a
 * progress bar. It is resumable: what was uploaded is remembered (by content hash) in a state file
 * in `dir`, so a second run skips unchanged files, waits for jobs still running, retries failures
 * and uploads changed files as new versions.
 */ export async function importKnowledge(options) {
    const statePath = join(options.dir, STATE_FILE);
    const state = await loadState(statePath, options.sourceId);
    const files = await documentFiles(options.dir);
    const bar = options.interactive ? new cliProgress.SingleBar({
        format: '{bar} {value}/{total} files | {file}',
        stream: options.out
    }, cliProgress.Presets.shades_classic) : undefined;
    bar?.start(files.length, 0, {
        file: ''
    });
    const summary = {
        uploaded: 0,
        unchanged: 0,
        ready: 0,
        failed: []
    };
    for (const [i, path] of files.entries()){
        const name = relative(options.dir, path);
        const bytes = await readFile(path);
        const sha256 = createHash('sha256').update(bytes).digest('hex');
        let entry = state.files[name];
        if (entry?.sha256 === sha256 && entry.status === 'ready') {
            summary.unchanged++;
        } else {
            if (!(entry?.sha256 === sha256 && entry.status === 'queued')) {
                entry = await upload(options, name, bytes, sha256, entry);
                state.files[name] = entry;
                summary.uploaded++;
                await saveState(statePath, state);
            }
            await waitFor(options, entry);
            await saveState(statePath, state);
        }
        if (entry.status === 'ready') summary.ready++;
        else summary.failed.push({
            file: name,
            error: entry.error ?? 'failed'
        });
        bar?.update(i + 1, {
            file: name
        });
        if (!bar) options.out.write(`[${i + 1}/${files.length}] ${name}: ${entry.status}${entry.error ? ` (${entry.error})` : ''}\n`);
    }
    bar?.stop();
    return summary;
}
async function upload(options, name, bytes, sha256, previous) {
    const form = new FormData();
    form.append('file', new Blob([
        bytes
    ]), name.split('/').pop());
    const path = previous ? `/v1/knowledge/documents/${previous.documentId}` : `/v1/knowledge/sources/${options.sourceId}/documents`;
    let res = await api(options, previous ? 'PUT' : 'POST', path, form);
    // A document retracted or deleted since the last run is uploaded afresh.
    if (previous && (res.status === 404 || res.status === 409)) {
        const problem = await res.clone().json().catch(()=>({}));
        if (problem.code !== 'DOCUMENT_BUSY') res = await api(options, 'POST', `/v1/knowledge/sources/${options.sourceId}/documents`, form);
    }
    const body = await res.json().catch(()=>({}));
    if (res.status !== 202) return {
        sha256,
        documentId: previous?.documentId ?? '',
        jobId: '',
        status: 'failed',
        error: `${body.code ?? res.status}: ${body.detail ?? ''}`.trim()
    };
    return {
        sha256,
        documentId: body.documentId,
        jobId: body.jobId,
        status: 'queued'
    };
}
async function waitFor(options, entry) {
    while(entry.status === 'queued'){
        const res = await api(options, 'GET', `/v1/knowledge/jobs/${entry.jobId}`);
        const job = await res.json();
        if (res.status !== 200 || job.status === 'failed') {
            entry.status = 'failed';
            entry.error = job.error ? `${job.error.code}: ${job.error.message}` : `job ${entry.jobId}: HTTP ${res.status}`;
        } else if (job.status === 'ready') entry.status = 'ready';
        else await new Promise((r)=>setTimeout(r, POLL_MS));
    }
}
function api(options, method, path, body) {
    return fetch(new URL(path, options.baseUrl), {
        method,
        headers: {
            authorization: `Bearer ${options.apiKey}`
        },
        body
    });
}
async function documentFiles(dir) {
    const entries = await readdir(dir, {
        recursive: true,
        withFileTypes: true
    });
    return entries.filter((e)=>e.isFile() && EXTENSIONS.test(e.name)).map((e)=>join(e.parentPath, e.name)).sort();
}
async function loadState(path, sourceId) {
    const raw = await readFile(path, 'utf8').catch(()=>undefined);
    const state = raw ? JSON.parse(raw) : undefined;
    // A state file of another source says nothing about this one.
    return state?.sourceId === sourceId ? state : {
        sourceId,
        files: {}
    };
}
async function saveState(path, state) {
    await writeFile(`${path}.tmp`, JSON.stringify(state, null, 2));
    await rename(`${path}.tmp`, path);
}
export async function isDirectory(path) {
    return (await stat(path).catch(()=>undefined))?.isDirectory() ?? false;
}

//# sourceMappingURL=knowledge-import.js.map