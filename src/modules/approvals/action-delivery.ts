import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';

import { DatabaseNotifications } from '../../database/database-notifications.js';
import { AuditLog } from '../audit/index.js';
import { SessionsService } from '../sessions/index.js';
import { VoiceCalls, VoiceConversation } from '../voice/index.js';
import { SETTLED, type PendingActionRow } from './pending-action.record.js';
import { PendingActionsRepository } from './pending-actions.repository.js';

const SETTLED_NOTICE = 'action_settled';

declare module '../../database/database-notifications.js' {
  interface NotificationChannels {
    /** An action's outcome is ready (its id); the replica owning the call's sideband tells it. */
    action_settled: string;
  }
}

/**
 * The voice loop: once an action is settled and its session is still live, the outcome is told
 * to the caller through the model (`VoiceConversation.tell`). Only the replica that holds the
 * call's control channel can do that, so the others pass the
 * word on by NOTIFY; `delivered_at` is claimed by one statement, so it is said once. An ended
 * session keeps the outcome for the app (`GET /v1/sessions/{id}/actions`).
 */
@Injectable()
export class ActionDelivery implements OnModuleInit {
  private readonly logger = new Logger(ActionDelivery.name);

  constructor(
    private readonly actions: PendingActionsRepository,
    private readonly sessions: SessionsService,
    private readonly voice: VoiceCalls,
    private readonly conversation: VoiceConversation,
    private readonly notifications: DatabaseNotifications,
    private readonly audit: AuditLog,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.notifications.listen(SETTLED_NOTICE, (actionId) => {
      void this.deliver(actionId, false).catch((error: unknown) =>
        this.logger.error(
          { actionId, err: (error as Error).message },
          'Delivering an outcome failed',
        ),
      );
    });
  }

  async deliver(actionId: string, passOn = true): Promise<boolean> {
    const row = await this.actions.find(actionId);
    if (!row || !SETTLED.includes(row.status) || row.delivered_at) return false;
    const session = await this.sessions.find(row.session_id);
    if (!session?.callId || session.state !== 'active') return false;
    if (!this.voice.isConnected(session.callId)) {
      if (passOn && this.notifications.crossProcess)
        await this.notifications
          .notify(SETTLED_NOTICE, actionId)
          .catch((error: unknown) =>
            this.logger.error(
              { actionId, err: (error as Error).message },
              'Could not pass an outcome on',
            ),
          );
      return false;
    }
    if (!(await this.actions.claimDelivery(actionId))) return false;
    this.conversation.tell(session.callId, { reason: 'action_outcome', text: outcomeText(row) });
    await this.audit.append({
      actor: 'system',
      action: 'action.delivered',
      subject: actionId,
      data: { sessionId: session.id, status: row.status },
    });
    return true;
  }
}

/** What the model is told; it phrases it for the caller. */
export function outcomeText(row: PendingActionRow): string {
  const about = `Update on the request that waited for approval (${row.tool}, ${row.id}):`;
  switch (row.status) {
    case 'executed':
      return `${about} it was approved and done. Result: ${JSON.stringify(row.result)}. Tell the caller.`;
    case 'rejected':
      return `${about} an approver rejected it${row.status_reason ? ` (${row.status_reason})` : ''}. It was not done. Tell the caller.`;
    case 'expired':
      return `${about} nobody approved it in time, so it was not done. Tell the caller.`;
    case 'cancelled':
      return `${about} it was cancelled and not done. Tell the caller.`;
    default:
      if (row.error?.code === 'EXECUTION_INTERRUPTED')
        return `${about} it was approved, but its execution was interrupted, so it is not certain whether it took effect. A person will check. Tell the caller.`;
      return `${about} it was approved but failed (${row.error?.code ?? 'error'}). Tell the caller it did not go through.`;
  }
}
