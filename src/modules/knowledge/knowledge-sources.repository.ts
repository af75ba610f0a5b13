import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import type { WhereClause } from '../../database/where-clause.js';
import type { KnowledgeSourceRow, SourceSettings } from './knowledge-source.record.js';

/** The only place the `knowledge_sources` table is read or written. */
@Injectable()
export class KnowledgeSourcesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(
    source: SourceSettings & { id: string; tenantId: string | null; createdBy: string },
    tx: EntityManager,
  ): Promise<KnowledgeSourceRow> {
    const [row] = (await tx.query(
      `INSERT INTO knowledge_sources (id, tenant_id, name, allowed_roles, max_age_days,
         review_every_days, review_overdue, trust_tier, recency_half_life_days, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
      [
        source.id,
        source.tenantId,
        source.name,
        source.allowedRoles,
        source.maxAgeDays,
        source.reviewEveryDays,
        source.reviewOverdue,
        source.trustTier,
        source.recencyHalfLifeDays,
        source.createdBy,
      ],
    )) as KnowledgeSourceRow[];
    return row;
  }

  async update(
    id: string,
    settings: SourceSettings,
    tx: EntityManager,
  ): Promise<KnowledgeSourceRow> {
    const [rows] = (await tx.query(
      `UPDATE knowledge_sources SET name = $2, allowed_roles = $3, max_age_days = $4,
         review_every_days = $5, review_overdue = $6, trust_tier = $7,
         recency_half_life_days = $8, updated_at = now()
       WHERE id = $1 RETURNING *`,
      [
        id,
        settings.name,
        settings.allowedRoles,
        settings.maxAgeDays,
        settings.reviewEveryDays,
        settings.reviewOverdue,
        settings.trustTier,
        settings.recencyHalfLifeDays,
      ],
    )) as [KnowledgeSourceRow[], number];
    return rows[0];
  }

  async find(id: string, tx?: EntityManager): Promise<KnowledgeSourceRow | undefined> {
    const [row] = (await (tx ?? this.dataSource).query(
      `SELECT * FROM knowledge_sources WHERE id = $1`,
      [id],
    )) as KnowledgeSourceRow[];
    return row;
  }

  /** Locks the source until `tx` ends (settings changes are taken one at a time). */
  async findForUpdate(id: string, tx: EntityManager): Promise<KnowledgeSourceRow | undefined> {
    const [row] = (await tx.query(`SELECT * FROM knowledge_sources WHERE id = $1 FOR UPDATE`, [
      id,
    ])) as KnowledgeSourceRow[];
    return row;
  }

  /** Sources matching `where`, oldest first. */
  async list(where: WhereClause, limit: number): Promise<KnowledgeSourceRow[]> {
    const limitParam = where.next(limit);
    return (await this.dataSource.query(
      `SELECT * FROM knowledge_sources ${where.toSql()} ORDER BY created_at, id LIMIT ${limitParam}`,
      where.params,
    )) as KnowledgeSourceRow[];
  }

  /** The ids of the sources matching `where` (the caller's readable scope). */
  async ids(where: WhereClause): Promise<string[]> {
    const rows = (await this.dataSource.query(
      `SELECT id FROM knowledge_sources ${where.toSql()}`,
      where.params,
    )) as { id: string }[];
    return rows.map((r) => r.id);
  }

  /** The cursor condition of `list`: sources after the one with id `?`. */
  static readonly AFTER =
    '(created_at, id) > (SELECT created_at, id FROM knowledge_sources WHERE id = ?)';
}
