import { ApiProperty } from '@nestjs/swagger';

import { AUDIT_ENTRY_EXAMPLE, AuditEntryView } from '../../audit/index.js';

import { ADMIN_SESSION_EXAMPLE, AdminSessionView } from './admin-session.view.js';

class LatencySummaryView {
  @ApiProperty()
  turns!: number;

  @ApiProperty({ type: Number, nullable: true })
  p50Ms!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  p95Ms!: number | null;
}

class SessionLatencyView extends LatencySummaryView {
  @ApiProperty({ type: LatencySummaryView, description: "Switchboard's own share of each turn" })
  switchboard!: LatencySummaryView;
}

class SessionGroundingView {
  @ApiProperty({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description:
      'Per turn (`turn`, `turnId`), the knowledge `given`: its documents and versions, chunk ids, ' +
      'digest, and any withdrawal',
  })
  turns!: Record<string, unknown>[];
}

/** One session for operators: as stored, with its grounding, latency and audit timeline. */
export class AdminSessionDetailView extends AdminSessionView {
  @ApiProperty({ type: SessionGroundingView })
  grounding!: SessionGroundingView;

  @ApiProperty({ type: SessionLatencyView })
  latency!: SessionLatencyView;

  @ApiProperty({ type: [AuditEntryView] })
  timeline!: AuditEntryView[];
}

export const ADMIN_SESSION_DETAIL_EXAMPLE: AdminSessionDetailView = {
  ...ADMIN_SESSION_EXAMPLE,
  grounding: { turns: [] },
  latency: {
    turns: 2,
    p50Ms: 540,
    p95Ms: 612,
    switchboard: { turns: 2, p50Ms: 11, p95Ms: 18 },
  },
  timeline: [AUDIT_ENTRY_EXAMPLE],
};
