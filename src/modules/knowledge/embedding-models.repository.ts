import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

export type ModelStatus = 'active' | 'building' | 'retired';

export interface EmbeddingModelRow {
  readonly model_id: string;
  readonly dimension: number;
  readonly status: ModelStatus;
  readonly created_at: Date;
  readonly activated_at: Date | null;
  readonly retired_at: Date | null;
}

/**
 * The only place the `knowledge_embedding_models` table is read or written. At most one model is
 * `active` (a unique index says so): retrieval uses it alone. A newly configured model is
 * `building` until every current version has its vectors, then takes over in one transaction.
 */
@Injectable()
export class EmbeddingModelsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async all(tx?: EntityManager): Promise<EmbeddingModelRow[]> {
    return (await (tx ?? this.dataSource).query(
      `SELECT * FROM knowledge_embedding_models ORDER BY created_at, model_id`,
    )) as EmbeddingModelRow[];
  }

  /** Takes the table lock, so two replicas booting with a new model register it once. */
  async lock(tx: EntityManager): Promise<void> {
    await tx.query(`LOCK TABLE knowledge_embedding_models IN SHARE ROW EXCLUSIVE MODE`);
  }

  async insert(modelId: string, dimension: number, status: ModelStatus, tx: EntityManager) {
    await tx.query(
      `INSERT INTO knowledge_embedding_models (model_id, dimension, status, activated_at)
       VALUES ($1, $2, $3, CASE WHEN $3 = 'active' THEN now() END)
       ON CONFLICT (model_id) DO UPDATE SET status = EXCLUDED.status, dimension = EXCLUDED.dimension,
         retired_at = NULL`,
      [modelId, dimension, status],
    );
  }

  /** `modelId` becomes the active model and the previous one retires, in `tx`. */
  async activate(modelId: string, tx: EntityManager): Promise<string[]> {
    const [retired] = (await tx.query(
      `UPDATE knowledge_embedding_models SET status = 'retired', retired_at = now()
       WHERE status = 'active' AND model_id <> $1 RETURNING model_id`,
      [modelId],
    )) as [{ model_id: string }[], number];
    await tx.query(
      `UPDATE knowledge_embedding_models SET status = 'active', activated_at = now()
       WHERE model_id = $1`,
      [modelId],
    );
    return retired.map((r) => r.model_id);
  }
}
