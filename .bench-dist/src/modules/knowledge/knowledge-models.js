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
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { newId } from '../../common/ids.js';
import { AppConfig } from '../../config/app-config.js';
import { AuditLog } from '../audit/index.js';
import { DocumentVersionsRepository } from './document-versions.repository.js';
import { EmbeddingModelsRepository } from './embedding-models.repository.js';
import { KnowledgeChunksRepository } from './knowledge-chunks.repository.js';
import { KnowledgeEmbedders } from './knowledge-embedders.js';
import { KnowledgeJobsRepository } from './knowledge-jobs.repository.js';
export class KnowledgeModels {
    constructor(dataSource, config, models, versions, jobs, chunks, embedders, audit){
        this.dataSource = dataSource;
        this.config = config;
        this.models = models;
        this.versions = versions;
        this.jobs = jobs;
        this.chunks = chunks;
        this.embedders = embedders;
        this.audit = audit;
        this.logger = new Logger(KnowledgeModels.name);
    }
    async onApplicationBootstrap() {
        await this.register(this.config.knowledge.modelId);
    }
    /** After every `beforeApplicationShutdown`: the ingestion worker has stopped using them. */ async onApplicationShutdown() {
        await this.embedders.closeAll();
    }
    embedder(modelId) {
        return this.embedders.embedder(modelId);
    }
    tokenCounter(modelId) {
        return this.embedders.tokenCounter(modelId);
    }
    /** The model retrieval uses, or undefined before any is registered. */ async active(tx) {
        const row = (await this.models.all(tx)).find((m)=>m.status === 'active');
        return row && {
            modelId: row.model_id,
            dimension: row.dimension
        };
    }
    /** The models a new version must be embedded with: the active one and one being built. */ async targets(tx) {
        return (await this.models.all(tx)).filter((m)=>m.status !== 'retired');
    }
    async status(modelId, tx) {
        return (await this.models.all(tx)).find((m)=>m.model_id === modelId);
    }
    /** Registers `modelId` (see the class comment); safe when replicas boot at once. */ async register(modelId) {
        const dimension = await this.embedders.prepare(modelId);
        await this.chunks.ensureVectorIndex({
            modelId,
            dimension
        });
        await this.dataSource.transaction(async (tx)=>{
            await this.models.lock(tx);
            const rows = await this.models.all(tx);
            const active = rows.find((m)=>m.status === 'active');
            const mine = rows.find((m)=>m.model_id === modelId);
            if (!active) {
                await this.models.insert(modelId, dimension, 'active', tx);
                await this.audit.append({
                    actor: 'system',
                    action: 'knowledge.model_activated',
                    subject: modelId,
                    data: {
                        dimension,
                        previous: null
                    }
                }, tx);
                return;
            }
            if (active.model_id === modelId || mine?.status === 'building') return;
            await this.models.insert(modelId, dimension, 'building', tx);
            const versions = await this.versions.current(tx);
            for (const v of versions){
                await this.jobs.insert({
                    id: newId('kjb'),
                    kind: 'reembed',
                    documentId: v.document_id,
                    version: v.version,
                    modelId,
                    createdBy: 'system'
                }, tx);
            }
            await this.audit.append({
                actor: 'system',
                action: 'knowledge.model_changed',
                subject: modelId,
                data: {
                    from: active.model_id,
                    dimension,
                    versions: versions.length
                }
            }, tx);
            this.logger.log({
                from: active.model_id,
                to: modelId,
                versions: versions.length
            }, 'Re-embedding knowledge for a new model');
            await this.activateIfBuilt(modelId, tx);
        });
    }
    /** In `tx`: a building model with nothing left to embed takes over. */ async activateIfBuilt(modelId, tx) {
        const row = await this.status(modelId, tx);
        if (row?.status !== 'building' || await this.jobs.anyOpenFor(modelId, tx)) return;
        const retired = await this.models.activate(modelId, tx);
        for (const old of retired)await this.chunks.deleteModel(old, tx);
        await this.audit.append({
            actor: 'system',
            action: 'knowledge.model_activated',
            subject: modelId,
            data: {
                dimension: row.dimension,
                previous: retired[0] ?? null
            }
        }, tx);
    }
}
KnowledgeModels = _ts_decorate([
    Injectable(),
    _ts_param(0, InjectDataSource()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof DataSource === "undefined" ? Object : DataSource,
        typeof AppConfig === "undefined" ? Object : AppConfig,
        typeof EmbeddingModelsRepository === "undefined" ? Object : EmbeddingModelsRepository,
        typeof DocumentVersionsRepository === "undefined" ? Object : DocumentVersionsRepository,
        typeof KnowledgeJobsRepository === "undefined" ? Object : KnowledgeJobsRepository,
        typeof KnowledgeChunksRepository === "undefined" ? Object : KnowledgeChunksRepository,
        typeof KnowledgeEmbedders === "undefined" ? Object : KnowledgeEmbedders,
        typeof AuditLog === "undefined" ? Object : AuditLog
    ])
], KnowledgeModels);

//# sourceMappingURL=knowledge-models.js.map