import { Injectable } from '@nestjs/common';

import type { Principal } from '../../common/auth/principal.js';
import { SessionTranscripts } from '../live-calls/index.js';
import { ApprovalQueue, type ApprovalListQuery } from './approval-queue.js';
import { actionView } from './pending-action.record.js';

/** How many lines of the conversation an approver sees next to an action. */
const TRANSCRIPT_LINES = 20;

/**
 * What approvers see of actions: never the raw arguments (`actionView`), only within the viewer's
 * scope (the queue applies it), and with the recent conversation for context.
 */
@Injectable()
export class ApprovalViews {
  constructor(
    private readonly queue: ApprovalQueue,
    private readonly transcripts: SessionTranscripts,
  ) {}

  async list(viewer: Principal, query: ApprovalListQuery) {
    const { items, nextCursor } = await this.queue.list(viewer, query);
    return { items: items.map(({ row, decisions }) => actionView(row, decisions)), nextCursor };
  }

  async detail(viewer: Principal, id: string) {
    const { row, decisions } = await this.queue.get(id, viewer);
    return {
      ...actionView(row, decisions),
      transcript: await this.transcripts.recent(row.session_id, TRANSCRIPT_LINES),
    };
  }

  async view(viewer: Principal, id: string) {
    const { row, decisions } = await this.queue.get(id, viewer);
    return actionView(row, decisions);
  }
}
