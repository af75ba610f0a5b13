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
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { BUILT_IN_MODEL_ID, ensureBuiltInModel, loadTokenCounter, resolveEmbeddingModelConfig, WorkerEmbedder } from '../../knowledge/embedding/index.js';
/** The built-in model's vector size, known without loading it (the migration's index uses it). */ const BUILT_IN_DIMENSION = 384;
export class KnowledgeEmbedders {
    constructor(config){
        this.config = config;
        this.embedders = new Map();
        this.counters = new Map();
    }
    embedder(modelId) {
        let embedder = this.embedders.get(modelId);
        if (!embedder) {
            embedder = new WorkerEmbedder(this.modelConfig(modelId));
            this.embedders.set(modelId, embedder);
        }
        return embedder;
    }
    tokenCounter(modelId) {
        let counter = this.counters.get(modelId);
        if (!counter) {
            counter = loadTokenCounter(this.modelConfig(modelId));
            counter.catch(()=>this.counters.delete(modelId));
            this.counters.set(modelId, counter);
        }
        return counter;
    }
    /**
   * Makes the model's files ready and returns its vector size: the built-in model is converted
   * into the cache on first use (before the app listens, so no request waits for it); other
   * models are loaded once to learn their size.
   */ async prepare(modelId) {
        if (modelId !== BUILT_IN_MODEL_ID) return (await this.embedder(modelId).ready()).dimension;
        await ensureBuiltInModel(this.modelConfig(modelId).cacheDir);
        return BUILT_IN_DIMENSION;
    }
    async closeAll() {
        await Promise.all([
            ...this.embedders.values()
        ].map((e)=>e.close()));
        this.embedders.clear();
    }
    modelConfig(modelId) {
        const k = this.config.knowledge;
        return resolveEmbeddingModelConfig({
            modelId,
            cacheDir: k.modelCacheDir,
            dtype: k.modelDtype,
            allowRemoteModels: k.allowRemoteModels
        });
    }
}
KnowledgeEmbedders = _ts_decorate([
    Injectable(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof AppConfig === "undefined" ? Object : AppConfig
    ])
], KnowledgeEmbedders);

//# sourceMappingURL=knowledge-embedders.js.map