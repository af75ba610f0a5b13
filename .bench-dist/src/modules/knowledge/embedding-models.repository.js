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
export class EmbeddingModelsRepository {
    constructor(dataSource){
        this.dataSource = dataSource;
    }
    async all(tx) {
        return await (tx ?? this.dataSource).query(`SELECT * FROM knowledge_embedding_models ORDER BY created_at, model_id`);
    }
    /** Takes the table lock, so two replicas booting with a new model register it once. */ async lock(tx) {
        await tx.query(`LOCK TABLE knowledge_embedding_models IN SHARE ROW EXCLUSIVE MODE`);
    }
    async insert(modelId, dimension, status, tx) {
        await tx.query(`INSERT INTO knowledge_embedding_models (model_id, dimension, status, activated_at)
       VALUES ($1, $2, $3, CASE WHEN $3 = 'active' THEN now() END)
       ON CONFLICT (model_id) DO UPDATE SET status = EXCLUDED.status, dimension = EXCLUDED.dimension,
         retired_at = NULL`, [
            modelId,
            dimension,
            status
        ]);
    }
    /** `modelId` becomes the active model and the previous one retires, in `tx`. */ async activate(modelId, tx) {
        const [retired] = await tx.query(`UPDATE knowledge_embedding_models SET status = 'retired', retired_at = now()
       WHERE status = 'active' AND model_id <> $1 RETURNING model_id`, [
            modelId
        ]);
        await tx.query(`UPDATE knowledge_embedding_models SET status = 'active', activated_at = now()
       WHERE model_id = $1`, [
            modelId
        ]);
        return retired.map((r)=>r.model_id);
    }
}
EmbeddingModelsRepository = _ts_decorate([
    Injectable(),
    _ts_param(0, InjectDataSource()),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof DataSource === "undefined" ? Object : DataSource
    ])
], EmbeddingModelsRepository);

//# sourceMappingURL=embedding-models.repository.js.map