import { Injectable } from '@nestjs/common';

import type { Principal } from '../../common/auth/principal.js';
import { isServable, staleness, type FreshnessFacts } from '../../knowledge/index.js';
import {
  DocumentVersionsRepository,
  type VersionFactsRow,
} from './document-versions.repository.js';
import { KnowledgeAccess } from './knowledge-access.policy.js';
import { KnowledgeClock } from './knowledge-clock.js';

/** The most current versions one stale report looks at. */
const SCAN_LIMIT = 5000;

/** What editors must look at: current text that is stale now or becomes stale soon. */
@Injectable()
export class KnowledgeStale {
  constructor(
    private readonly versions: DocumentVersionsRepository,
    private readonly clock: KnowledgeClock,
  ) {}

  async report(principal: Principal, withinDays: number) {
    const now = this.clock.now();
    const rows = await this.versions.currentWithFacts(
      KnowledgeAccess.of(principal).managedSources('s.tenant_id'),
      SCAN_LIMIT,
    );
    const items = rows
      .map((row) => ({ row, facts: factsOf(row) }))
      .map(({ row, facts }) => ({ row, facts, report: staleness(facts, now, withinDays) }))
      .filter(({ report }) => report.reasons.length > 0)
      .sort((a, b) => a.report.dueAt!.getTime() - b.report.dueAt!.getTime())
      .map(({ row, facts, report }) => ({
        documentId: row.document_id,
        version: row.version,
        title: row.title,
        sourceId: row.source_id,
        sourceName: row.source_name,
        reasons: report.reasons,
        dueAt: report.dueAt,
        servedToCallers: isServable(facts, now),
      }));
    return { asOf: now, withinDays, items };
  }
}

function factsOf(row: VersionFactsRow): FreshnessFacts {
  return {
    retractedAt: row.retracted_at,
    version: row.version,
    currentVersion: row.current_version,
    createdAt: row.created_at,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    reviewBy: row.review_by,
    reviewedAt: row.reviewed_at,
    maxAgeDays: row.max_age_days,
    reviewEveryDays: row.review_every_days,
    reviewOverdue: row.review_overdue,
  };
}
