import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import type { KnowledgeDocumentRow } from './knowledge-document.record.js';

/** The only place the `knowledge_documents` table is read or written. */
@Injectable()
export class KnowledgeDocumentsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    doc: { id: string; sourceId: string; title: string; createdBy: string },
    tx: EntityManager,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO knowledge_documents (id, source_id, title, created_by) VALUES ($1, $2, $3, $4)`,
      [doc.id, doc.sourceId, doc.title, doc.createdBy],
    );
  }

  async find(id: string, tx?: EntityManager): Promise<KnowledgeDocumentRow | undefined> {
    const [row] = (await (tx ?? this.dataSource).query(
      `SELECT * FROM knowledge_documents WHERE id = $1`,
      [id],
    )) as KnowledgeDocumentRow[];
    return row;
  }

  /** Locks the document until `tx` ends: versions of one document are numbered one at a time. */
  async findForUpdate(id: string, tx: EntityManager): Promise<KnowledgeDocumentRow | undefined> {
    const [row] = (await tx.query(`SELECT * FROM knowledge_documents WHERE id = $1 FOR UPDATE`, [
      id,
    ])) as KnowledgeDocumentRow[];
    return row;
  }

  /** The next version number, reserved under the row lock of `tx`. */
  async reserveVersion(id: string, tx: EntityManager): Promise<number> {
    const [rows] = (await tx.query(
      `UPDATE knowledge_documents SET latest_version = latest_version + 1, updated_at = now()
       WHERE id = $1 RETURNING latest_version`,
      [id],
    )) as [{ latest_version: number }[], number];
    return rows[0].latest_version;
  }

  /**
   * Makes `version` the visible one, in the caller's transaction (with the old version's
   * supersession and chunk removal), unless a newer version was published first.
   */
  async publish(id: string, version: number, title: string, tx: EntityManager): Promise<boolean> {
    const [rows] = (await tx.query(
      `UPDATE knowledge_documents SET current_version = $2, title = $3, updated_at = now()
       WHERE id = $1 AND (current_version IS NULL OR current_version < $2) RETURNING id`,
      [id, version, title],
    )) as [unknown[], number];
    return rows.length === 1;
  }

  async retract(
    id: string,
    by: string,
    reason: string | null,
    tx: EntityManager,
  ): Promise<KnowledgeDocumentRow | undefined> {
    const [rows] = (await tx.query(
      `UPDATE knowledge_documents SET retracted_at = now(), retracted_by = $2,
         retraction_reason = $3, updated_at = now()
       WHERE id = $1 AND retracted_at IS NULL RETURNING *`,
      [id, by, reason],
    )) as [KnowledgeDocumentRow[], number];
    return rows[0];
  }

  /** The documents of a source, oldest first, after the cursor id. */
  async forSource(sourceId: string, after: string | undefined, limit: number) {
    return (await this.dataSource.query(
      `SELECT * FROM knowledge_documents WHERE source_id = $1
         AND ($2::text IS NULL
              OR (created_at, id) > (SELECT created_at, id FROM knowledge_documents WHERE id = $2))
       ORDER BY created_at, id LIMIT $3`,
      [sourceId, after ?? null, limit],
    )) as KnowledgeDocumentRow[];
  }
}
