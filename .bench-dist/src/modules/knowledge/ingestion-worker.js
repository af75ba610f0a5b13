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
import { Injectable, Logger } from '@nestjs/common';
import { newId } from '../../common/ids.js';
import { AppConfig } from '../../config/app-config.js';
import { chunkDocument } from '../../knowledge/chunk/index.js';
import { VersionPublisher } from './version-publisher.js';
import { DocumentVersionsRepository } from './document-versions.repository.js';
import { KnowledgeChunksRepository } from './knowledge-chunks.repository.js';
import { KnowledgeJobsRepository } from './knowledge-jobs.repository.js';
import { KnowledgeModels } from './knowledge-models.js';
/** Chunks embedded and stored per step; each step renews the lease and reports progress. */ const STEP = 16;
/** A job whose worker died this many times is failed rather than tried again. */ const MAX_ATTEMPTS = 3;
export class IngestionWorker {
    constructor(config, jobs, versions, chunks, models, publisher){
        this.config = config;
        this.jobs = jobs;
        this.versions = versions;
        this.chunks = chunks;
        this.models = models;
        this.publisher = publisher;
        this.logger = new Logger(IngestionWorker.name);
        this.workerId = newId('wrk');
        this.again = false;
        this.stopped = false;
    }
    onApplicationBootstrap() {
        if (!this.config.knowledge.worker) return;
        this.timer = setInterval(()=>this.kick(), this.config.knowledge.pollMs);
        this.timer.unref();
        this.kick();
    }
    async beforeApplicationShutdown() {
        this.stopped = true;
        clearInterval(this.timer);
        await this.running;
    }
    /** Looks for work now (or right after the current pass). */ kick() {
        if (this.stopped || !this.config.knowledge.worker) return;
        if (this.running) {
            this.again = true;
            return;
        }
        this.running = this.pass().finally(()=>this.running = undefined);
    }
    async pass() {
        try {
            do {
                this.again = false;
                let job;
                while(!this.stopped && (job = await this.jobs.claim(this.workerId, this.lease, MAX_ATTEMPTS)))await this.run(job);
            }while (this.again && !this.stopped)
        } catch (error) {
            this.logger.error({
                err: error.message
            }, 'Knowledge ingestion pass failed');
        }
    }
    get lease() {
        return this.config.knowledge.jobLeaseSeconds;
    }
    async run(job) {
        if (job.status === 'failed') return this.publisher.failed(job, job.error);
        try {
            const model = await this.models.status(job.model_id);
            if (model?.status === 'retired') throw new JobFailure('MODEL_RETIRED', `The model ${job.model_id} was replaced before this job ran.`);
            const chunks = await this.chunk(job);
            await this.embedAll(job, chunks);
            await this.publisher.done(job, this.workerId, chunks.length);
        } catch (error) {
            if (error instanceof LostClaim) return;
            // Stopping (its embedder closes under it) is not the document's fault: another replica resumes.
            if (this.stopped) return this.jobs.release(job.id, this.workerId);
            const failure = error instanceof JobFailure ? error : new JobFailure('INGESTION_FAILED', 'Embedding failed; the error is in the server log. Upload the document again.');
            if (!(error instanceof JobFailure)) this.logger.error({
                jobId: job.id,
                err: error.message
            }, 'Knowledge ingestion failed');
            await this.publisher.fail(job, this.workerId, {
                code: failure.code,
                message: failure.message
            });
        }
    }
    async chunk(job) {
        const extracted = await this.versions.blocks(job.document_id, job.version);
        if (!extracted) throw new JobFailure('INGESTION_FAILED', 'The version to ingest no longer exists.');
        const counter = await this.models.tokenCounter(job.model_id);
        return chunkDocument(extracted, counter);
    }
    async embedAll(job, chunks) {
        const owner = await this.publisher.owner(job);
        let done = await this.chunks.countStored(job.document_id, job.version, job.model_id);
        await this.report(job, done, chunks.length);
        const embedder = this.models.embedder(job.model_id);
        while(done < chunks.length && !this.stopped){
            const step = chunks.slice(done, done + STEP);
            const vectors = await embedder.embed(step.map((c)=>c.embeddingText));
            await this.chunks.insertBatch(owner, step, vectors);
            done += step.length;
            await this.report(job, done, chunks.length);
        }
        if (done < chunks.length) {
            await this.jobs.release(job.id, this.workerId);
            throw new LostClaim();
        }
    }
    async report(job, done, total) {
        if (!await this.jobs.progress(job.id, this.workerId, {
            status: 'embedding',
            done,
            total
        }, this.lease)) throw new LostClaim();
    }
}
IngestionWorker = _ts_decorate([
    Injectable(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof AppConfig === "undefined" ? Object : AppConfig,
        typeof KnowledgeJobsRepository === "undefined" ? Object : KnowledgeJobsRepository,
        typeof DocumentVersionsRepository === "undefined" ? Object : DocumentVersionsRepository,
        typeof KnowledgeChunksRepository === "undefined" ? Object : KnowledgeChunksRepository,
        typeof KnowledgeModels === "undefined" ? Object : KnowledgeModels,
        typeof VersionPublisher === "undefined" ? Object : VersionPublisher
    ])
], IngestionWorker);
/** A job failure with its own code, shown on the job. */ let JobFailure = class JobFailure extends Error {
    constructor(code, message){
        super(message), this.code = code;
    }
};
/** Another worker took the job over (this one stalled past its lease), or this replica stops. */ let LostClaim = class LostClaim extends Error {
};

//# sourceMappingURL=ingestion-worker.js.map