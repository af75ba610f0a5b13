function _ts_decorate(decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") {
        r = Reflect.decorate(decorators, target, key, desc);
    } else {
        for(var i = decorators.length - 1; i >= 0; i--){
            if (d = decorators[i]) {
                r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
            }
        }
    }
    return c > 3 && r && Object.defineProperty(target, key, r), r;
}
function _ts_metadata(metadataKey, metadataValue) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") {
        return Reflect.metadata(metadataKey, metadataValue);
    }
}
function _ts_param(paramIndex, decorator) {
    return function(target, key) {
        decorator(target, key, paramIndex);
    };
}
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
export class KnowledgeJobsRepository {
    constructor(dataSource){
        this.dataSource = dataSource;
    }
    async insert(job, tx) {
        await tx.query(`INSERT INTO knowledge_jobs (id, kind, document_id, version, model_id, created_by)
       VALUES ($1, $2, $3, $4, $5, $6)`, [
            job.id,
            job.kind,
            job.documentId,
            job.version,
            job.modelId,
            job.createdBy
        ]);
    }
    async find(id) {
        const [row] = await this.dataSource.query(`SELECT * FROM knowledge_jobs WHERE id = $1`, [
            id
        ]);
        return row;
    }
    /** The unfinished job of a document, if any. */ async openFor(documentId, tx) {
        const [row] = await (tx ?? this.dataSource).query(`SELECT * FROM knowledge_jobs WHERE document_id = $1 AND status NOT IN ('ready', 'failed')
       ORDER BY created_at LIMIT 1`, [
            documentId
        ]);
        return row;
    }
    /** Claims the oldest queued job, or one whose worker's lease lapsed. */ async claim(workerId, leaseSeconds, maxAttempts) {
        return this.dataSource.transaction(async (tx)=>{
            const [row] = await tx.query(`SELECT id FROM knowledge_jobs
         WHERE status = 'queued'
            OR (status IN ('extracting', 'embedding') AND lease_expires_at < now())
         ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`);
            if (!row) return undefined;
            const [rows] = await tx.query(`UPDATE knowledge_jobs SET status = CASE WHEN attempts >= $4 THEN 'failed' ELSE 'extracting' END,
           error = CASE WHEN attempts >= $4 THEN $5::jsonb ELSE error END,
           finished_at = CASE WHEN attempts >= $4 THEN now() ELSE NULL END,
           attempts = attempts + 1, claimed_by = $2,
           lease_expires_at = now() + make_interval(secs => $3), updated_at = now()
         WHERE id = $1 RETURNING *`, [
                row.id,
                workerId,
                leaseSeconds,
                maxAttempts,
                JSON.stringify(GAVE_UP)
            ]);
            return rows[0];
        });
    }
    /** Records progress and renews the lease; false when this worker no longer holds the job. */ async progress(id, workerId, step, leaseSeconds) {
        const [rows] = await this.dataSource.query(`UPDATE knowledge_jobs SET status = $3, done = $4, total = $5, updated_at = now(),
         lease_expires_at = now() + make_interval(secs => $6)
       WHERE id = $1 AND claimed_by = $2 AND status IN ('extracting', 'embedding') RETURNING id`, [
            id,
            workerId,
            step.status,
            step.done,
            step.total,
            leaseSeconds
        ]);
        return rows.length === 1;
    }
    /** Gives a job back to the queue (this replica is stopping); it resumes where it left off. */ async release(id, workerId) {
        await this.dataSource.query(`UPDATE knowledge_jobs SET status = 'queued', claimed_by = NULL, lease_expires_at = NULL,
         attempts = greatest(attempts - 1, 0), updated_at = now()
       WHERE id = $1 AND claimed_by = $2 AND status IN ('extracting', 'embedding')`, [
            id,
            workerId
        ]);
    }
    /** Ends the job in the caller's transaction, if this worker still holds it. */ async finish(id, workerId, outcome, tx) {
        const [rows] = await tx.query(`UPDATE knowledge_jobs SET status = $3, error = $4::jsonb, finished_at = now(),
         updated_at = now(), lease_expires_at = NULL, done = CASE WHEN $3 = 'ready' THEN total ELSE done END
       WHERE id = $1 AND claimed_by = $2 AND status IN ('extracting', 'embedding') RETURNING id`, [
            id,
            workerId,
            outcome.status,
            outcome.status === 'failed' ? JSON.stringify(outcome.error) : null
        ]);
        return rows.length === 1;
    }
    /** Whether any job for `modelId` is still unfinished (a re-embedding waits for all of them). */ async anyOpenFor(modelId, tx) {
        const [row] = await tx.query(`SELECT 1 FROM knowledge_jobs WHERE model_id = $1 AND status NOT IN ('ready', 'failed') LIMIT 1`, [
            modelId
        ]);
        return row !== undefined;
    }
    /** Whether the version still has unfinished jobs (for another model). */ async anyOpenForVersion(documentId, version, tx) {
        const [row] = await tx.query(`SELECT 1 FROM knowledge_jobs WHERE document_id = $1 AND version = $2
         AND status NOT IN ('ready', 'failed') LIMIT 1`, [
            documentId,
            version
        ]);
        return row !== undefined;
    }
    /** Whether the version's job for `modelId` finished successfully. */ async readyFor(documentId, version, modelId, tx) {
        const [row] = await tx.query(`SELECT 1 FROM knowledge_jobs WHERE document_id = $1 AND version = $2 AND model_id = $3
         AND status = 'ready' LIMIT 1`, [
            documentId,
            version,
            modelId
        ]);
        return row !== undefined;
    }
    async countsFor(modelId) {
        const rows = await this.dataSource.query(`SELECT status, count(*)::int AS n FROM knowledge_jobs WHERE model_id = $1 GROUP BY status`, [
            modelId
        ]);
        const counts = {
            queued: 0,
            extracting: 0,
            embedding: 0,
            ready: 0,
            failed: 0
        };
        for (const r of rows)counts[r.status] = r.n;
        return counts;
    }
}
KnowledgeJobsRepository = _ts_decorate([
    Injectable(),
    _ts_param(0, InjectDataSource()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof DataSource === "undefined" ? Object : DataSource
    ])
], KnowledgeJobsRepository);
const GAVE_UP = {
    code: 'INGESTION_ABANDONED',
    message: 'The job was interrupted too many times (its worker stopped each time); upload it again.'
};
/** A job as the API shows it: `progress` once the chunk count is known, `error` once failed. */ export function jobView(job) {
    return {
        id: job.id,
        kind: job.kind,
        documentId: job.document_id,
        version: job.version,
        model: job.model_id,
        status: job.status,
        ...job.total !== null ? {
            progress: {
                done: job.done,
                total: job.total
            }
        } : {},
        ...job.error ? {
            error: job.error
        } : {},
        attempts: job.attempts,
        createdAt: job.created_at,
        updatedAt: job.updated_at,
        finishedAt: job.finished_at
    };
}

//# sourceMappingURL=knowledge-jobs.repository.js.map