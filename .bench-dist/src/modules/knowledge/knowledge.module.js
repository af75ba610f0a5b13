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
import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/index.js';
import { DocumentUploadInterceptor } from './document-upload.interceptor.js';
import { DocumentVersionsRepository } from './document-versions.repository.js';
import { EmbeddingModelsRepository } from './embedding-models.repository.js';
import { IngestionWorker } from './ingestion-worker.js';
import { KnowledgeChunksRepository } from './knowledge-chunks.repository.js';
import { KnowledgeClock } from './knowledge-clock.js';
import { KnowledgeDocumentsController } from './knowledge-documents.controller.js';
import { KnowledgeDocumentsRepository } from './knowledge-documents.repository.js';
import { KnowledgeDocuments } from './knowledge-documents.service.js';
import { KnowledgeEmbedders } from './knowledge-embedders.js';
import { KnowledgeJobsRepository } from './knowledge-jobs.repository.js';
import { KnowledgeModels } from './knowledge-models.js';
import { KnowledgeSearchController } from './knowledge-search.controller.js';
import { KnowledgeSearch } from './knowledge-search.service.js';
import { KnowledgeSourcesController } from './knowledge-sources.controller.js';
import { KnowledgeSourcesRepository } from './knowledge-sources.repository.js';
import { KnowledgeSources } from './knowledge-sources.service.js';
import { KnowledgeStale } from './knowledge-stale.service.js';
import { VersionPublisher } from './version-publisher.js';
export class KnowledgeModule {
}
KnowledgeModule = _ts_decorate([
    Module({
        controllers: [
            KnowledgeDocumentsController,
            KnowledgeSearchController,
            KnowledgeSourcesController
        ],
        exports: [
            KnowledgeSearch
        ],
        imports: [
            AuditModule
        ],
        providers: [
            DocumentUploadInterceptor,
            DocumentVersionsRepository,
            EmbeddingModelsRepository,
            IngestionWorker,
            KnowledgeChunksRepository,
            KnowledgeClock,
            KnowledgeDocuments,
            KnowledgeDocumentsRepository,
            KnowledgeEmbedders,
            KnowledgeJobsRepository,
            KnowledgeModels,
            KnowledgeSearch,
            KnowledgeSources,
            KnowledgeSourcesRepository,
            KnowledgeStale,
            VersionPublisher
        ]
    })
], KnowledgeModule);

//# sourceMappingURL=knowledge.module.js.map