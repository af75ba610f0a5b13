import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { filter, Observable, Subject } from 'rxjs';
import { Webhook } from 'standardwebhooks';

import type { Principal } from '../../common/auth/principal.js';
import { visibilityScope } from '../../common/auth/visibility-scope.js';
import { newId } from '../../common/ids.js';
import { AppConfig } from '../../config/app-config.js';
import { DatabaseNotifications } from '../../database/database-notifications.js';

export type ApprovalEventType =
  | 'approval.created'
  | 'approval.escalated'
  | 'approval.decided'
  | 'action.settled'
  | 'action.rolled_back';

export interface ApprovalEvent {
  readonly type: ApprovalEventType;
  readonly actionId: string;
  readonly tool: string;
  readonly status: string;
  /** Whose action it is; staff (JWT) approvers only see their own tenant's. */
  readonly tenantId: string | null;
  readonly at: string;
}

const CHANNEL = 'approval_events';

declare module '../../database/database-notifications.js' {
  interface NotificationChannels {
    /** What changed in the approval queue, for every replica's SSE stream. */
    approval_events: ApprovalEvent;
  }
}
const WEBHOOK_ATTEMPTS = 4;

/**
 * Tells approvers what changed: a stream every replica serves (`GET /v1/admin/approvals/stream`,
 * fed through NOTIFY so an approver connected anywhere sees every change), and an optional
 * signed webhook (Standard Webhooks), sent once by the replica that made the change.
 */
@Injectable()
export class ApprovalEvents implements OnModuleInit {
  private readonly logger = new Logger(ApprovalEvents.name);
  private readonly subject = new Subject<ApprovalEvent>();
  private readonly webhook?: Webhook;

  constructor(
    private readonly notifications: DatabaseNotifications,
    private readonly config: AppConfig,
  ) {
    const { webhookUrl, webhookSecret } = config.approvals;
    if (webhookUrl && webhookSecret) this.webhook = new Webhook(webhookSecret);
  }

  async onModuleInit(): Promise<void> {
    await this.notifications.listen(CHANNEL, (event) => this.subject.next(event));
  }

  /** The events `principal` may see (its tenant scope), as they happen on any replica. */
  streamFor(principal: Principal): Observable<ApprovalEvent> {
    const scope = visibilityScope(principal);
    return this.subject.pipe(filter((event) => scope.allows(event.tenantId)));
  }

  /** Never fails the caller: the change it reports has already been committed. */
  async publish(event: Omit<ApprovalEvent, 'at'>): Promise<void> {
    const full: ApprovalEvent = { ...event, at: new Date().toISOString() };
    try {
      await this.notifications.notify(CHANNEL, full);
    } catch (error) {
      this.logger.error(
        { err: (error as Error).message, event: full.type },
        'Could not publish an approval event',
      );
    }
    void this.sendWebhook(full);
  }

  private async sendWebhook(event: ApprovalEvent): Promise<void> {
    const url = this.config.approvals.webhookUrl;
    if (!this.webhook || !url) return;
    const id = newId('msg');
    const body = JSON.stringify({ type: event.type, timestamp: event.at, data: event });
    for (let attempt = 1; attempt <= WEBHOOK_ATTEMPTS; attempt++) {
      const timestamp = new Date();
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'webhook-id': id,
            'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
            'webhook-signature': this.webhook.sign(id, timestamp, body),
          },
          body,
          signal: AbortSignal.timeout(5_000),
        });
        if (response.ok) return;
        if (response.status < 500 && response.status !== 429) break; // the receiver refuses it
      } catch {
        // network error: retry below
      }
      await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt).unref());
    }
    this.logger.warn(
      { url, event: event.type, actionId: event.actionId },
      'Approval webhook not delivered',
    );
  }
}
