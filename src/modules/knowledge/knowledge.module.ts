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
import { KnowledgeScopeSizes } from './knowledge-scope-sizes.js';
import { KnowledgeSearch } from './knowledge-search.service.js';
import { KnowledgeSourcesController } from './knowledge-sources.controller.js';
import { KnowledgeSourcesRepository } from './knowledge-sources.repository.js';
import { KnowledgeSources } from './knowledge-sources.service.js';
import { KnowledgeStale } from './knowledge-stale.service.js';
import { VersionPublisher } from './version-publisher.js';

/**
 * Knowledge for editors and callers: sources, uploads and versions, the durable ingestion worker,
 * the embedding model and its changes, freshness reports and hybrid search. The pipeline itself
 * (extract, chunk, embed, freshness, rank) is framework-free, in `src/knowledge`.
 */
@Module({
  controllers: [
    KnowledgeDocumentsController,
    KnowledgeSearchController,
    KnowledgeSourcesController,
  ],
  exports: [KnowledgeClock, KnowledgeSearch],
  imports: [AuditModule],
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
    KnowledgeScopeSizes,
    KnowledgeSources,
    KnowledgeSourcesRepository,
    KnowledgeStale,
    VersionPublisher,
  ],
})
export class KnowledgeModule {}
