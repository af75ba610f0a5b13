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
import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { actorOf } from '../../common/auth/principal.js';
import { newId } from '../../common/ids.js';
import { AppConfig } from '../../config/app-config.js';
import { extractDocument } from '../../knowledge/extract/index.js';
import { AuditLog } from '../audit/index.js';
import { DocumentVersionsRepository } from './document-versions.repository.js';
import { IngestionWorker } from './ingestion-worker.js';
import { documentView, versionView } from './knowledge-document.record.js';
import { KnowledgeDocumentsRepository } from './knowledge-documents.repository.js';
import { jobView, KnowledgeJobsRepository } from './knowledge-jobs.repository.js';
import { KnowledgeModels } from './knowledge-models.js';
import { KnowledgeSources } from './knowledge-sources.service.js';
import { DocumentBusyError, DocumentNotFoundError, DocumentNotReadyError, DocumentRetractedError, JobNotFoundError } from './knowledge.errors.js';
export class KnowledgeDocuments {
    constructor(dataSource, config, sources, documents, versions, jobs, models, worker, audit){
        this.dataSource = dataSource;
        this.config = config;
        this.sources = sources;
        this.documents = documents;
        this.versions = versions;
        this.jobs = jobs;
        this.models = models;
        this.worker = worker;
        this.audit = audit;
    }
    async upload(principal, sourceId, content, fields) {
        await this.sources.managed(principal, sourceId);
        const extracted = await this.extract(content);
        const documentId = newId('doc');
        const title = titleOf(fields, extracted, content);
        const result = await this.dataSource.transaction(async (tx)=>{
            await this.documents.insert({
                id: documentId,
                sourceId,
                title,
                createdBy: actorOf(principal)
            }, tx);
            return this.addVersion(principal, documentId, content, extracted, fields, title, tx);
        });
        this.worker.kick();
        return {
            documentId,
            ...result
        };
    }
    async newVersion(principal, documentId, content, fields) {
        await this.managed(principal, documentId);
        const extracted = await this.extract(content);
        const result = await this.dataSource.transaction(async (tx)=>{
            const doc = await this.documents.findForUpdate(documentId, tx);
            if (!doc) throw new DocumentNotFoundError(documentId);
            if (doc.retracted_at) throw new DocumentRetractedError(documentId);
            const open = await this.jobs.openFor(documentId, tx);
            if (open) throw new DocumentBusyError(documentId, open.id);
            return this.addVersion(principal, documentId, content, extracted, fields, titleOf(fields, extracted, content, doc.title), tx);
        });
        this.worker.kick();
        return {
            documentId,
            ...result
        };
    }
    async retract(principal, documentId, reason) {
        await this.managed(principal, documentId);
        return this.dataSource.transaction(async (tx)=>{
            const row = await this.documents.retract(documentId, actorOf(principal), reason ?? null, tx);
            if (!row) throw new DocumentRetractedError(documentId);
            await this.audit.append({
                actor: actorOf(principal),
                action: 'knowledge.document_retracted',
                subject: documentId,
                data: {
                    reason: reason ?? null
                }
            }, tx);
            return documentView(row);
        });
    }
    async review(principal, documentId, nextReviewBy) {
        const doc = await this.managed(principal, documentId);
        if (doc.retracted_at) throw new DocumentRetractedError(documentId);
        if (doc.current_version === null) throw new DocumentNotReadyError(documentId);
        const version = doc.current_version;
        await this.dataSource.transaction(async (tx)=>{
            await this.versions.review(documentId, version, actorOf(principal), nextReviewBy ?? null, tx);
            await this.audit.append({
                actor: actorOf(principal),
                action: 'knowledge.document_reviewed',
                subject: documentId,
                data: {
                    version,
                    nextReviewBy: nextReviewBy ?? null
                }
            }, tx);
        });
        return this.detail(principal, documentId);
    }
    async detail(principal, documentId) {
        const doc = await this.managed(principal, documentId);
        const versions = await this.versions.forDocument(documentId);
        return {
            ...documentView(doc),
            versions: versions.map(versionView)
        };
    }
    async list(principal, sourceId, cursor, limit) {
        await this.sources.managed(principal, sourceId);
        const rows = await this.documents.forSource(sourceId, cursor, limit + 1);
        const items = rows.slice(0, limit).map(documentView);
        return {
            items,
            nextCursor: rows.length > limit ? items.at(-1).id : null
        };
    }
    /** A job of a document the principal manages, as the API shows it. */ async job(principal, jobId) {
        const job = await this.jobs.find(jobId);
        if (!job) throw new JobNotFoundError(jobId);
        try {
            await this.managed(principal, job.document_id);
        } catch  {
            throw new JobNotFoundError(jobId);
        }
        return jobView(job);
    }
    /** A document in a source the principal manages, or DOCUMENT_NOT_FOUND. */ async managed(principal, documentId) {
        const doc = await this.documents.find(documentId);
        if (!doc) throw new DocumentNotFoundError(documentId);
        try {
            await this.sources.managed(principal, doc.source_id);
        } catch  {
            throw new DocumentNotFoundError(documentId);
        }
        return doc;
    }
    extract(content) {
        const { maxUploadBytes, maxPdfPages } = this.config.knowledge;
        return extractDocument({
            bytes: content.bytes,
            declaredFormat: content.declaredFormat,
            name: content.fileName
        }, {
            maxBytes: maxUploadBytes,
            maxPages: maxPdfPages
        });
    }
    async addVersion(principal, documentId, content, extracted, fields, title, tx) {
        const version = await this.documents.reserveVersion(documentId, tx);
        const sha256 = createHash('sha256').update(content.bytes).digest('hex');
        await this.versions.insert({
            documentId,
            version,
            title,
            extracted,
            sha256,
            byteSize: content.bytes.byteLength,
            validFrom: fields.validFrom ?? null,
            validUntil: fields.validUntil ?? null,
            reviewBy: fields.reviewBy ?? null,
            createdBy: actorOf(principal)
        }, tx);
        const jobIds = [];
        for (const model of (await this.models.targets(tx))){
            const id = newId('kjb');
            await this.jobs.insert({
                id,
                kind: 'ingest',
                documentId,
                version,
                modelId: model.model_id,
                createdBy: actorOf(principal)
            }, tx);
            jobIds.push(id);
        }
        await this.audit.append({
            actor: actorOf(principal),
            action: version === 1 ? 'knowledge.document_uploaded' : 'knowledge.version_uploaded',
            subject: documentId,
            data: {
                version,
                title,
                format: extracted.format,
                bytes: content.bytes.byteLength,
                sha256,
                jobs: jobIds
            }
        }, tx);
        return {
            version,
            jobId: jobIds[0]
        };
    }
}
KnowledgeDocuments = _ts_decorate([
    Injectable(),
    _ts_param(0, InjectDataSource()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof DataSource === "undefined" ? Object : DataSource,
        typeof AppConfig === "undefined" ? Object : AppConfig,
        typeof KnowledgeSources === "undefined" ? Object : KnowledgeSources,
        typeof KnowledgeDocumentsRepository === "undefined" ? Object : KnowledgeDocumentsRepository,
        typeof DocumentVersionsRepository === "undefined" ? Object : DocumentVersionsRepository,
        typeof KnowledgeJobsRepository === "undefined" ? Object : KnowledgeJobsRepository,
        typeof KnowledgeModels === "undefined" ? Object : KnowledgeModels,
        typeof IngestionWorker === "undefined" ? Object : IngestionWorker,
        typeof AuditLog === "undefined" ? Object : AuditLog
    ])
], KnowledgeDocuments);
function titleOf(fields, extracted, content, previous) {
    const fromName = content.fileName?.replace(/\.[^.]+$/, '').trim();
    return (fields.title ?? extracted.title ?? previous ?? (fromName || 'Untitled')).slice(0, 300);
}

//# sourceMappingURL=knowledge-documents.service.js.map