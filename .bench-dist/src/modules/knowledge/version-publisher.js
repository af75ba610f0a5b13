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
import { AuditLog } from '../audit/index.js';
import { DocumentVersionsRepository } from './document-versions.repository.js';
import { KnowledgeChunksRepository } from './knowledge-chunks.repository.js';
import { KnowledgeDocumentsRepository } from './knowledge-documents.repository.js';
import { KnowledgeJobsRepository } from './knowledge-jobs.repository.js';
import { KnowledgeModels } from './knowledge-models.js';
import { KnowledgeSourcesRepository } from './knowledge-sources.repository.js';
export class VersionPublisher {
    constructor(dataSource, documents, versions, sources, chunks, jobs, models, audit){
        this.dataSource = dataSource;
        this.documents = documents;
        this.versions = versions;
        this.sources = sources;
        this.chunks = chunks;
        this.jobs = jobs;
        this.models = models;
        this.audit = audit;
    }
    /** Where the job's chunks belong (the tenant is copied onto them for filtering). */ async owner(job) {
        const doc = await this.documents.find(job.document_id);
        const source = doc && await this.sources.find(doc.source_id);
        if (!doc || !source) throw new Error(`Document ${job.document_id} disappeared during ingestion`);
        return {
            documentId: doc.id,
            version: job.version,
            sourceId: source.id,
            tenantId: source.tenant_id,
            modelId: job.model_id
        };
    }
    async done(job, workerId, chunks) {
        await this.dataSource.transaction(async (tx)=>{
            if (!await this.jobs.finish(job.id, workerId, {
                status: 'ready'
            }, tx)) return;
            if (job.kind === 'reembed') return this.models.activateIfBuilt(job.model_id, tx);
            await this.publishIfComplete(job, tx, chunks);
        });
    }
    async fail(job, workerId, error) {
        await this.dataSource.transaction(async (tx)=>{
            if (!await this.jobs.finish(job.id, workerId, {
                status: 'failed',
                error
            }, tx)) return;
            await this.recordFailure(job, error, tx);
        });
    }
    /** A job the claim itself failed (its workers kept dying): record it like any failure. */ async failed(job, error) {
        await this.dataSource.transaction((tx)=>this.recordFailure(job, error, tx));
    }
    async recordFailure(job, error, tx) {
        await this.audit.append({
            actor: 'system',
            action: 'knowledge.ingestion_failed',
            subject: job.document_id,
            data: {
                jobId: job.id,
                version: job.version,
                model: job.model_id,
                error
            }
        }, tx);
        if (job.kind === 'reembed') return this.models.activateIfBuilt(job.model_id, tx);
        const active = await this.models.active(tx);
        if (active?.modelId === job.model_id) await this.versions.markFailed(job.document_id, job.version, tx);
        else await this.publishIfComplete(job, tx);
    }
    async publishIfComplete(job, tx, chunks) {
        const { document_id: documentId, version } = job;
        if (await this.jobs.anyOpenForVersion(documentId, version, tx)) return;
        const active = await this.models.active(tx);
        if (!active || !await this.jobs.readyFor(documentId, version, active.modelId, tx)) return;
        const row = await this.versions.find(documentId, version, tx);
        if (!row || row.status !== 'processing') return;
        const count = active.modelId === job.model_id && chunks !== undefined ? chunks : await this.chunks.countStored(documentId, version, active.modelId, tx);
        await this.versions.markReady(documentId, version, count, tx);
        if (!await this.documents.publish(documentId, version, row.title, tx)) return;
        const superseded = await this.versions.supersedeOlder(documentId, version, tx);
        await this.chunks.deleteVersions(documentId, superseded, tx);
        await this.audit.append({
            actor: 'system',
            action: 'knowledge.version_published',
            subject: documentId,
            data: {
                version,
                chunks: count,
                superseded
            }
        }, tx);
    }
}
VersionPublisher = _ts_decorate([
    Injectable(),
    _ts_param(0, InjectDataSource()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof DataSource === "undefined" ? Object : DataSource,
        typeof KnowledgeDocumentsRepository === "undefined" ? Object : KnowledgeDocumentsRepository,
        typeof DocumentVersionsRepository === "undefined" ? Object : DocumentVersionsRepository,
        typeof KnowledgeSourcesRepository === "undefined" ? Object : KnowledgeSourcesRepository,
        typeof KnowledgeChunksRepository === "undefined" ? Object : KnowledgeChunksRepository,
        typeof KnowledgeJobsRepository === "undefined" ? Object : KnowledgeJobsRepository,
        typeof KnowledgeModels === "undefined" ? Object : KnowledgeModels,
        typeof AuditLog === "undefined" ? Object : AuditLog
    ])
], VersionPublisher);

//# sourceMappingURL=version-publisher.js.map