import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import { newId } from '../../common/ids.js';
import { AppConfig } from '../../config/app-config.js';
import type { Embedder, TokenCounter } from '../../knowledge/index.js';
import { AuditLog } from '../audit/index.js';
import { DocumentVersionsRepository } from './document-versions.repository.js';
import {
  EmbeddingModelsRepository,
  type EmbeddingModelRow,
} from './embedding-models.repository.js';
import { KnowledgeChunksRepository, type ModelScope } from './knowledge-chunks.repository.js';
import { KnowledgeEmbedders, type EmbedderUse } from './knowledge-embedders.js';
import { KnowledgeJobsRepository } from './knowledge-jobs.repository.js';

const UNDEFINED_TABLE = '42P01';

/**
 * Which embedding model retrieval uses, and the switch to another. The configured model is
 * registered at boot: on a fresh store it becomes `active`; when it differs from the active one it
 * starts `building`, a re-embedding job is queued for every current version, and retrieval stays
 * on the old model until the last of them is done, when the new model takes over and the old
 * model's vectors are dropped, all in one transaction. Vectors of two models are never compared.
 */
@Injectable()
export class KnowledgeModels implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(KnowledgeModels.name);
  private registered?: Promise<void>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly models: EmbeddingModelsRepository,
    private readonly versions: DocumentVersionsRepository,
    private readonly jobs: KnowledgeJobsRepository,
    private readonly chunks: KnowledgeChunksRepository,
    private readonly embedders: KnowledgeEmbedders,
    private readonly audit: AuditLog,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.ensureRegistered();
    } catch (error) {
      // Started with migrations pending (SWITCHBOARD_RUN_MIGRATIONS=false): /ready says so, and
      // the worker registers the model once the tables exist. Anything else is a real fault.
      if ((error as { code?: string }).code !== UNDEFINED_TABLE) throw error;
      this.logger.warn(
        'Knowledge tables are missing (migrations pending); the embedding model is registered later',
      );
    }
  }

  /** Registers the configured model unless that already happened (the worker calls it each pass). */
  async ensureRegistered(): Promise<void> {
    this.registered ??= this.register(this.config.knowledge.modelId).catch((error: unknown) => {
      this.registered = undefined;
      throw error;
    });
    await this.registered;
  }

  /** After every `beforeApplicationShutdown`: the ingestion worker has stopped using them. */
  async onApplicationShutdown(): Promise<void> {
    await this.embedders.closeAll();
  }

  embedder(modelId: string, use?: EmbedderUse): Embedder {
    return this.embedders.embedder(modelId, use);
  }

  tokenCounter(modelId: string): Promise<TokenCounter> {
    return this.embedders.tokenCounter(modelId);
  }

  /** The model retrieval uses, or undefined before any is registered. */
  async active(tx?: EntityManager): Promise<ModelScope | undefined> {
    const row = (await this.models.all(tx)).find((m) => m.status === 'active');
    return row && { modelId: row.model_id, dimension: row.dimension };
  }

  /** The models a new version must be embedded with: the active one and one being built. */
  async targets(tx: EntityManager): Promise<EmbeddingModelRow[]> {
    return (await this.models.all(tx)).filter((m) => m.status !== 'retired');
  }

  async status(modelId: string, tx?: EntityManager): Promise<EmbeddingModelRow | undefined> {
    return (await this.models.all(tx)).find((m) => m.model_id === modelId);
  }

  /** Registers `modelId` (see the class comment); safe when replicas boot at once. */
  private async register(modelId: string): Promise<void> {
    const dimension = await this.embedders.prepare(modelId);
    await this.chunks.ensureVectorIndex({ modelId, dimension });
    await this.dataSource.transaction(async (tx) => {
      await this.models.lock(tx);
      const rows = await this.models.all(tx);
      const active = rows.find((m) => m.status === 'active');
      const mine = rows.find((m) => m.model_id === modelId);
      if (!active) {
        await this.models.insert(modelId, dimension, 'active', tx);
        await this.audit.append(
          {
            actor: 'system',
            action: 'knowledge.model_activated',
            subject: modelId,
            data: { dimension, previous: null },
          },
          tx,
        );
        return;
      }
      if (active.model_id === modelId || mine?.status === 'building') return;
      await this.models.insert(modelId, dimension, 'building', tx);
      const versions = await this.versions.current(tx);
      for (const v of versions) {
        await this.jobs.insert(
          {
            id: newId('kjb'),
            kind: 'reembed',
            documentId: v.document_id,
            version: v.version,
            modelId,
            createdBy: 'system',
          },
          tx,
        );
      }
      await this.audit.append(
        {
          actor: 'system',
          action: 'knowledge.model_changed',
          subject: modelId,
          data: { from: active.model_id, dimension, versions: versions.length },
        },
        tx,
      );
      this.logger.log(
        { from: active.model_id, to: modelId, versions: versions.length },
        'Re-embedding knowledge for a new model',
      );
      await this.activateIfBuilt(modelId, tx);
    });
  }

  /** In `tx`: a building model with nothing left to embed takes over. */
  async activateIfBuilt(modelId: string, tx: EntityManager): Promise<void> {
    const row = await this.status(modelId, tx);
    if (row?.status !== 'building' || (await this.jobs.anyOpenFor(modelId, tx))) return;
    const retired = await this.models.activate(modelId, tx);
    for (const old of retired) await this.chunks.deleteModel(old, tx);
    await this.audit.append(
      {
        actor: 'system',
        action: 'knowledge.model_activated',
        subject: modelId,
        data: { dimension: row.dimension, previous: retired[0] ?? null },
      },
      tx,
    );
  }
}
