import { createHash } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import { actorOf, type Principal } from '../../common/auth/principal.js';
import { newId } from '../../common/ids.js';
import { AppConfig } from '../../config/app-config.js';
import { extractDocument } from '../../knowledge/extract/index.js';
import type { DocumentFormat, ExtractedDocument } from '../../knowledge/index.js';
import { DatabaseNotifications } from '../../database/database-notifications.js';
import { AuditLog } from '../audit/index.js';
import { DocumentVersionsRepository } from './document-versions.repository.js';
import { dateOf, type DocumentFieldsDto } from './dto/document.dto.js';
import { IngestionWorker } from './ingestion-worker.js';
import {
  documentView,
  versionView,
  type KnowledgeDocumentRow,
} from './knowledge-document.record.js';
import { KNOWLEDGE_CHANGED } from './knowledge-changes.js';
import { KnowledgeDocumentsRepository } from './knowledge-documents.repository.js';
import { jobView, KnowledgeJobsRepository } from './knowledge-jobs.repository.js';
import { KnowledgeModels } from './knowledge-models.js';
import { isKnowledgeId } from './knowledge-ids.js';
import { KnowledgeSources } from './knowledge-sources.service.js';
import {
  DocumentBusyError,
  DocumentNotFoundError,
  DocumentNotReadyError,
  DocumentRetractedError,
  JobNotFoundError,
} from './knowledge.errors.js';

/** An upload: the raw content, plus how the client says to read it (JSON text only). */
export interface DocumentContent {
  readonly bytes: Uint8Array;
  readonly declaredFormat?: DocumentFormat;
  readonly fileName?: string;
}

/**
 * Uploads, new versions, retraction and review. The content is extracted while the request
 * waits, so a file that cannot be read is refused with its own 4xx and nothing is stored; a
 * readable one is stored as a version with its ingestion job(s) in one transaction and answered
 * 202. The version becomes visible only when the job is done (`IngestionWorker`).
 */
@Injectable()
export class KnowledgeDocuments {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly sources: KnowledgeSources,
    private readonly documents: KnowledgeDocumentsRepository,
    private readonly versions: DocumentVersionsRepository,
    private readonly jobs: KnowledgeJobsRepository,
    private readonly models: KnowledgeModels,
    private readonly worker: IngestionWorker,
    private readonly audit: AuditLog,
    private readonly notifications: DatabaseNotifications,
  ) {}

  async upload(
    principal: Principal,
    sourceId: string,
    content: DocumentContent,
    fields: DocumentFieldsDto,
  ) {
    await this.sources.managed(principal, sourceId);
    const extracted = await this.extract(content);
    const documentId = newId('doc');
    const title = titleOf(fields, extracted, content);
    const result = await this.dataSource.transaction(async (tx) => {
      await this.documents.insert(
        { id: documentId, sourceId, title, createdBy: actorOf(principal) },
        tx,
      );
      return this.addVersion(principal, documentId, content, extracted, fields, title, tx);
    });
    this.worker.kick();
    return { documentId, ...result };
  }

  async newVersion(
    principal: Principal,
    documentId: string,
    content: DocumentContent,
    fields: DocumentFieldsDto,
  ) {
    await this.managed(principal, documentId);
    const extracted = await this.extract(content);
    const result = await this.dataSource.transaction(async (tx) => {
      const doc = await this.documents.findForUpdate(documentId, tx);
      if (!doc) throw new DocumentNotFoundError(documentId);
      if (doc.retracted_at) throw new DocumentRetractedError(documentId);
      const open = await this.jobs.openFor(documentId, tx);
      if (open) throw new DocumentBusyError(documentId, open.id);
      return this.addVersion(
        principal,
        documentId,
        content,
        extracted,
        fields,
        titleOf(fields, extracted, content, doc.title),
        tx,
      );
    });
    this.worker.kick();
    return { documentId, ...result };
  }

  async retract(principal: Principal, documentId: string, reason: string | undefined) {
    await this.managed(principal, documentId);
    return this.dataSource.transaction(async (tx) => {
      const row = await this.documents.retract(documentId, actorOf(principal), reason ?? null, tx);
      if (!row) throw new DocumentRetractedError(documentId);
      await this.notifications.notify(
        KNOWLEDGE_CHANGED,
        { why: 'document_retracted', subject: documentId },
        tx,
      );
      await this.audit.append(
        {
          actor: actorOf(principal),
          action: 'knowledge.document_retracted',
          subject: documentId,
          data: { reason: reason ?? null },
        },
        tx,
      );
      return documentView(row);
    });
  }

  async review(principal: Principal, documentId: string, nextReview: string | null | undefined) {
    const nextReviewBy = dateOf(nextReview);
    const doc = await this.managed(principal, documentId);
    if (doc.retracted_at) throw new DocumentRetractedError(documentId);
    if (doc.current_version === null) throw new DocumentNotReadyError(documentId);
    const version = doc.current_version;
    await this.dataSource.transaction(async (tx) => {
      await this.versions.review(documentId, version, actorOf(principal), nextReviewBy, tx);
      await this.audit.append(
        {
          actor: actorOf(principal),
          action: 'knowledge.document_reviewed',
          subject: documentId,
          data: { version, nextReviewBy },
        },
        tx,
      );
    });
    return this.detail(principal, documentId);
  }

  async detail(principal: Principal, documentId: string) {
    const doc = await this.managed(principal, documentId);
    const versions = await this.versions.forDocument(documentId);
    return { ...documentView(doc), versions: versions.map(versionView) };
  }

  async list(principal: Principal, sourceId: string, cursor: string | undefined, limit: number) {
    await this.sources.managed(principal, sourceId);
    if (cursor !== undefined) {
      // Only a document of this source continues its list; any other cursor ends it.
      const at = isKnowledgeId(cursor) ? await this.documents.find(cursor) : undefined;
      if (at?.source_id !== sourceId) return { items: [], nextCursor: null };
    }
    const rows = await this.documents.forSource(sourceId, cursor, limit + 1);
    const items = rows.slice(0, limit).map(documentView);
    return { items, nextCursor: rows.length > limit ? items.at(-1)!.id : null };
  }

  /** A job of a document the principal manages, as the API shows it. */
  async job(principal: Principal, jobId: string) {
    const job = isKnowledgeId(jobId) ? await this.jobs.find(jobId) : undefined;
    if (!job) throw new JobNotFoundError(jobId);
    try {
      await this.managed(principal, job.document_id);
    } catch {
      throw new JobNotFoundError(jobId);
    }
    return jobView(job);
  }

  /** A document in a source the principal manages, or DOCUMENT_NOT_FOUND. */
  async managed(principal: Principal, documentId: string): Promise<KnowledgeDocumentRow> {
    const doc = isKnowledgeId(documentId) ? await this.documents.find(documentId) : undefined;
    if (!doc) throw new DocumentNotFoundError(documentId);
    try {
      await this.sources.managed(principal, doc.source_id);
    } catch {
      throw new DocumentNotFoundError(documentId);
    }
    return doc;
  }

  private extract(content: DocumentContent): Promise<ExtractedDocument> {
    const { maxUploadBytes, maxPdfPages } = this.config.knowledge;
    return extractDocument(
      { bytes: content.bytes, declaredFormat: content.declaredFormat, name: content.fileName },
      { maxBytes: maxUploadBytes, maxPages: maxPdfPages },
    );
  }

  private async addVersion(
    principal: Principal,
    documentId: string,
    content: DocumentContent,
    extracted: ExtractedDocument,
    fields: DocumentFieldsDto,
    title: string,
    tx: EntityManager,
  ) {
    const version = await this.documents.reserveVersion(documentId, tx);
    const sha256 = createHash('sha256').update(content.bytes).digest('hex');
    await this.versions.insert(
      {
        documentId,
        version,
        title,
        extracted,
        sha256,
        byteSize: content.bytes.byteLength,
        validFrom: dateOf(fields.validFrom),
        validUntil: dateOf(fields.validUntil),
        reviewBy: dateOf(fields.reviewBy),
        createdBy: actorOf(principal),
      },
      tx,
    );
    const jobIds: string[] = [];
    for (const model of await this.models.targets(tx)) {
      const id = newId('kjb');
      await this.jobs.insert(
        {
          id,
          kind: 'ingest',
          documentId,
          version,
          modelId: model.model_id,
          createdBy: actorOf(principal),
        },
        tx,
      );
      jobIds.push(id);
    }
    await this.audit.append(
      {
        actor: actorOf(principal),
        action: version === 1 ? 'knowledge.document_uploaded' : 'knowledge.version_uploaded',
        subject: documentId,
        data: {
          version,
          title,
          format: extracted.format,
          bytes: content.bytes.byteLength,
          sha256,
          jobs: jobIds,
        },
      },
      tx,
    );
    return { version, jobId: jobIds[0] };
  }
}

function titleOf(
  fields: DocumentFieldsDto,
  extracted: ExtractedDocument,
  content: DocumentContent,
  previous?: string,
): string {
  // The client's file name, without its control bytes and extension.
  const fromName = content.fileName
    // eslint-disable-next-line no-control-regex
    ?.replace(/[\u0000-\u001f\u007f]/g, '')
    .replace(/\.[^.]+$/, '')
    .trim();
  return (fields.title ?? extracted.title ?? previous ?? (fromName || 'Untitled')).slice(0, 300);
}
