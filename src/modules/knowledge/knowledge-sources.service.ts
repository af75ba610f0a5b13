import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

import { actorOf, type Principal } from '../../common/auth/principal.js';
import { newId } from '../../common/ids.js';
import { DatabaseNotifications } from '../../database/database-notifications.js';
import { AuditLog } from '../audit/index.js';
import type { CreateSourceDto, UpdateSourceDto } from './dto/source.dto.js';
import { KnowledgeAccess } from './knowledge-access.policy.js';
import { KNOWLEDGE_CHANGED } from './knowledge-changes.js';
import { isKnowledgeId } from './knowledge-ids.js';
import {
  sourceView,
  type KnowledgeSourceRow,
  type SourceSettings,
} from './knowledge-source.record.js';
import { KnowledgeSourcesRepository } from './knowledge-sources.repository.js';
import { SourceNameTakenError, SourceNotFoundError } from './knowledge.errors.js';

const UNIQUE_VIOLATION = '23505';

/** Editors' sources: created, changed and listed within what the editor manages. */
@Injectable()
export class KnowledgeSources {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sources: KnowledgeSourcesRepository,
    private readonly audit: AuditLog,
    private readonly notifications: DatabaseNotifications,
  ) {}

  async create(principal: Principal, body: CreateSourceDto): Promise<{ id: string }> {
    const tenantId = KnowledgeAccess.of(principal).tenantForNewSource(body.tenantId);
    const settings = settingsFrom(body);
    const id = newId('src');
    await this.writing(settings.name, async (tx) => {
      await this.sources.insert({ ...settings, id, tenantId, createdBy: actorOf(principal) }, tx);
      await this.audit.append(
        {
          actor: actorOf(principal),
          action: 'knowledge.source_created',
          subject: id,
          data: { tenantId, ...settings },
        },
        tx,
      );
    });
    return { id };
  }

  async update(principal: Principal, id: string, body: UpdateSourceDto) {
    return this.writing(body.name ?? '', async (tx) => {
      const current = isKnowledgeId(id) ? await this.sources.findForUpdate(id, tx) : undefined;
      if (!current || !KnowledgeAccess.of(principal).manages(current.tenant_id))
        throw new SourceNotFoundError(id);
      const settings = settingsFrom({ ...settingsOf(current), ...definedOnly(body) });
      const row = await this.sources.update(id, settings, tx);
      await this.notifications.notify(
        KNOWLEDGE_CHANGED,
        { why: 'source_updated', subject: id },
        tx,
      );
      await this.audit.append(
        {
          actor: actorOf(principal),
          action: 'knowledge.source_updated',
          subject: id,
          data: { changes: definedOnly(body) },
        },
        tx,
      );
      return sourceView(row);
    });
  }

  /** A source the principal manages, or SOURCE_NOT_FOUND (never "exists but not yours"). */
  async managed(principal: Principal, id: string, tx?: EntityManager): Promise<KnowledgeSourceRow> {
    const row = isKnowledgeId(id) ? await this.sources.find(id, tx) : undefined;
    if (!row || !KnowledgeAccess.of(principal).manages(row.tenant_id))
      throw new SourceNotFoundError(id);
    return row;
  }

  async list(principal: Principal, cursor: string | undefined, limit: number) {
    // A cursor outside the caller's scope ends the list, exactly as an unknown one does.
    if (cursor !== undefined && !(await this.managed(principal, cursor).catch(() => undefined)))
      return { items: [], nextCursor: null };
    const where = KnowledgeAccess.of(principal)
      .managedSources()
      .add(KnowledgeSourcesRepository.AFTER, cursor);
    const rows = await this.sources.list(where, limit + 1);
    const items = rows.slice(0, limit).map(sourceView);
    return { items, nextCursor: rows.length > limit ? items.at(-1)!.id : null };
  }

  private async writing<T>(name: string, work: (tx: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION)
        throw new SourceNameTakenError(name);
      throw error;
    }
  }
}

function settingsFrom(
  body: Partial<SourceSettings> & Pick<SourceSettings, 'name' | 'allowedRoles'>,
): SourceSettings {
  return {
    name: body.name.trim(),
    allowedRoles: [...new Set(body.allowedRoles)].sort(),
    maxAgeDays: body.maxAgeDays ?? null,
    reviewEveryDays: body.reviewEveryDays ?? null,
    reviewOverdue: body.reviewOverdue ?? 'exclude',
    trustTier: body.trustTier ?? 'standard',
    recencyHalfLifeDays: body.recencyHalfLifeDays ?? null,
  };
}

function settingsOf(row: KnowledgeSourceRow): SourceSettings {
  return {
    name: row.name,
    allowedRoles: row.allowed_roles,
    maxAgeDays: row.max_age_days,
    reviewEveryDays: row.review_every_days,
    reviewOverdue: row.review_overdue,
    trustTier: row.trust_tier,
    recencyHalfLifeDays: row.recency_half_life_days,
  };
}

/** The fields a PATCH body sets (null clears a setting; absent leaves it). */
function definedOnly<T extends object>(body: T): Partial<T> {
  return Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) as Partial<T>;
}
