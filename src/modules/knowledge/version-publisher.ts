import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import { DatabaseNotifications } from '../../database/database-notifications.js';
import { AuditLog } from '../audit/index.js';
import { DocumentVersionsRepository } from './document-versions.repository.js';
import { KNOWLEDGE_CHANGED } from './knowledge-changes.js';
import { KnowledgeChunksRepository, type ChunkOwner } from './knowledge-chunks.repository.js';
import { KnowledgeDocumentsRepository } from './knowledge-documents.repository.js';
import type { KnowledgeJobRow } from './knowledge-jobs.repository.js';
import { KnowledgeJobsRepository } from './knowledge-jobs.repository.js';
import { KnowledgeModels } from './knowledge-models.js';
import { KnowledgeSourcesRepository } from './knowledge-sources.repository.js';

type JobError = { code: string; message: string };

/**
 * How a finished job changes what callers can read, each in one transaction. A version becomes
 * the document's current one when its last job is done and the active model's job succeeded: the
 * switch, the supersession of the old version and the removal of its chunks commit together, so a
 * search sees either the old text or the new. A finished re-embedding may hand retrieval over to
 * the new model (`KnowledgeModels.activateIfBuilt`).
 */
@Injectable()
export class VersionPublisher {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly documents: KnowledgeDocumentsRepository,
    private readonly versions: DocumentVersionsRepository,
    private readonly sources: KnowledgeSourcesRepository,
    private readonly chunks: KnowledgeChunksRepository,
    private readonly jobs: KnowledgeJobsRepository,
    private readonly models: KnowledgeModels,
    private readonly audit: AuditLog,
    private readonly notifications: DatabaseNotifications,
  ) {}

  /** Where the job's chunks belong (the tenant is copied onto them for filtering). */
  async owner(job: KnowledgeJobRow): Promise<ChunkOwner> {
    const doc = await this.documents.find(job.document_id);
    const source = doc && (await this.sources.find(doc.source_id));
    if (!doc || !source)
      throw new Error(`Document ${job.document_id} disappeared during ingestion`);
    return {
      documentId: doc.id,
      version: job.version,
      sourceId: source.id,
      tenantId: source.tenant_id,
      modelId: job.model_id,
    };
  }

  async done(job: KnowledgeJobRow, workerId: string, chunks: number): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      if (!(await this.jobs.finish(job.id, workerId, { status: 'ready' }, tx))) return;
      if (job.kind === 'reembed') return this.models.activateIfBuilt(job.model_id, tx);
      await this.publishIfComplete(job, tx, chunks);
    });
  }

  async fail(job: KnowledgeJobRow, workerId: string, error: JobError): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      if (!(await this.jobs.finish(job.id, workerId, { status: 'failed', error }, tx))) return;
      await this.recordFailure(job, error, tx);
    });
  }

  /** A job the claim itself failed (its workers kept dying): record it like any failure. */
  async failed(job: KnowledgeJobRow, error: JobError): Promise<void> {
    await this.dataSource.transaction((tx) => this.recordFailure(job, error, tx));
  }

  private async recordFailure(job: KnowledgeJobRow, error: JobError, tx: EntityManager) {
    await this.audit.append(
      {
        actor: 'system',
        action: 'knowledge.ingestion_failed',
        subject: job.document_id,
        data: { jobId: job.id, version: job.version, model: job.model_id, error },
      },
      tx,
    );
    if (job.kind === 'reembed') return this.models.activateIfBuilt(job.model_id, tx);
    const active = await this.models.active(tx);
    if (active?.modelId === job.model_id)
      await this.versions.markFailed(job.document_id, job.version, tx);
    else await this.publishIfComplete(job, tx);
  }

  private async publishIfComplete(job: KnowledgeJobRow, tx: EntityManager, chunks?: number) {
    const { document_id: documentId, version } = job;
    if (await this.jobs.anyOpenForVersion(documentId, version, tx)) return;
    const active = await this.models.active(tx);
    if (!active || !(await this.jobs.readyFor(documentId, version, active.modelId, tx))) return;
    const row = await this.versions.find(documentId, version, tx);
    if (!row || row.status !== 'processing') return;
    const count =
      active.modelId === job.model_id && chunks !== undefined
        ? chunks
        : await this.chunks.countStored(documentId, version, active.modelId, tx);
    await this.versions.markReady(documentId, version, count, tx);
    if (!(await this.documents.publish(documentId, version, row.title, tx))) return;
    const superseded = await this.versions.supersedeOlder(documentId, version, tx);
    await this.chunks.deleteVersions(documentId, superseded, tx);
    if (superseded.length > 0)
      await this.notifications.notify(
        KNOWLEDGE_CHANGED,
        { why: 'version_published', subject: documentId },
        tx,
      );
    await this.audit.append(
      {
        actor: 'system',
        action: 'knowledge.version_published',
        subject: documentId,
        data: { version, chunks: count, superseded },
      },
      tx,
    );
  }
}
