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
import { AppConfig } from '../../config/app-config.js';
import { EmbeddingError } from '../../knowledge/embedding/index.js';
import { hybridScore, topByScore } from '../../knowledge/index.js';
import { KnowledgeAccess } from './knowledge-access.policy.js';
import { KnowledgeChunksRepository } from './knowledge-chunks.repository.js';
import { KnowledgeClock } from './knowledge-clock.js';
import { KnowledgeModels } from './knowledge-models.js';
import { KnowledgeSourcesRepository } from './knowledge-sources.repository.js';
import { EmbeddingModelUnavailableError, KnowledgeQueryInvalidError } from './knowledge.errors.js';
/** How many candidates each arm contributes, per result asked for (and at least). */ const CANDIDATES_PER_RESULT = 4;
const MIN_CANDIDATES = 40;
export class KnowledgeSearch {
    constructor(dataSource, config, sources, chunks, models, clock){
        this.dataSource = dataSource;
        this.config = config;
        this.sources = sources;
        this.chunks = chunks;
        this.models = models;
        this.clock = clock;
    }
    async search(principal, query, k) {
        const text = query.normalize('NFC').replace(/\s+/g, ' ').trim();
        if (!text) throw new KnowledgeQueryInvalidError('q is empty; send the words to look for.');
        const sourceIds = await this.sources.ids(KnowledgeAccess.of(principal).readableSources());
        if (sourceIds.length === 0) return {
            hits: []
        };
        let model = await this.models.active();
        // A model change may complete between embedding the query and reading the chunks: the
        // snapshot names the model it holds vectors of, and the query is embedded again for it.
        for(let attempt = 0; model && attempt < 3; attempt++){
            const vector = await this.embedQuery(model.modelId, text);
            const outcome = await this.inSnapshot(model, {
                vector,
                text,
                sourceIds
            }, k);
            if (outcome.hits) return {
                hits: outcome.hits
            };
            model = outcome.activeModel;
        }
        return {
            hits: []
        };
    }
    inSnapshot(model, q, k) {
        const now = this.clock.now();
        const n = Math.max(k * CANDIDATES_PER_RESULT, MIN_CANDIDATES);
        const { exactScanBelow, efSearch } = this.config.knowledge;
        return this.dataSource.transaction('REPEATABLE READ', async (tx)=>{
            const activeModel = await this.models.active(tx);
            if (activeModel?.modelId !== model.modelId) return {
                activeModel
            };
            const scope = {
                model,
                sourceIds: q.sourceIds,
                now
            };
            const exact = await this.chunks.atMost(model, q.sourceIds, exactScanBelow, tx);
            const nearest = await this.chunks.nearest({
                ...scope,
                vector: q.vector
            }, n, {
                exact,
                efSearch
            }, tx);
            const matching = await this.chunks.matching({
                ...scope,
                text: q.text
            }, n, tx);
            const ranked = fuse(nearest, matching, k);
            const details = await this.chunks.details(ranked.map((r)=>r.id), now, tx);
            const byId = new Map(details.map((d)=>[
                    d.id,
                    d
                ]));
            return {
                hits: ranked.map((r)=>toHit(byId.get(r.id), r.score))
            };
        });
    }
    async embedQuery(modelId, text) {
        try {
            return (await this.models.embedder(modelId).embed([
                text
            ]))[0];
        } catch (error) {
            if (error instanceof EmbeddingError) throw new EmbeddingModelUnavailableError(modelId);
            throw error;
        }
    }
}
KnowledgeSearch = _ts_decorate([
    Injectable(),
    _ts_param(0, InjectDataSource()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof DataSource === "undefined" ? Object : DataSource,
        typeof AppConfig === "undefined" ? Object : AppConfig,
        typeof KnowledgeSourcesRepository === "undefined" ? Object : KnowledgeSourcesRepository,
        typeof KnowledgeChunksRepository === "undefined" ? Object : KnowledgeChunksRepository,
        typeof KnowledgeModels === "undefined" ? Object : KnowledgeModels,
        typeof KnowledgeClock === "undefined" ? Object : KnowledgeClock
    ])
], KnowledgeSearch);
function fuse(nearest, matching, k) {
    const facts = new Map();
    nearest.forEach((c, i)=>facts.set(c.id, {
            candidate: c,
            vectorRank: i + 1
        }));
    matching.forEach((c, i)=>{
        const known = facts.get(c.id);
        facts.set(c.id, {
            ...known ?? {
                candidate: c
            },
            textRank: i + 1
        });
    });
    const scored = [
        ...facts.values()
    ].map(({ candidate, vectorRank, textRank })=>({
            id: candidate.id,
            score: hybridScore({
                vectorRank,
                textRank,
                trustTier: candidate.trust_tier,
                ageDays: Number(candidate.age_days),
                halfLifeDays: candidate.recency_half_life_days
            })
        }));
    return topByScore(scored, k);
}
function toHit(d, score) {
    return {
        text: d.text,
        score: Math.round(score * 1e6) / 1e6,
        citation: {
            sourceId: d.source_id,
            documentId: d.document_id,
            version: d.version,
            title: d.title,
            headingPath: d.heading_path,
            page: d.page,
            updatedAt: d.updated_at,
            reviewOverdue: d.review_overdue
        }
    };
}

//# sourceMappingURL=knowledge-search.service.js.map