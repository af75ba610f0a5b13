import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import type { Principal } from '../../common/auth/principal.js';
import { requesterPrincipal } from './pending-action.record.js';
import { PendingActionsRepository } from './pending-actions.repository.js';

/** An executed tool call as a rollback sees it, whichever table recorded it. */
export interface ExecutedAction {
  readonly id: string;
  readonly tool: string;
  readonly arguments: Record<string, unknown>;
  readonly result: unknown;
  readonly requester: Principal;
  readonly sessionId: string;
  readonly toolCallId: string;
  /** `executed`, or where a rollback got to. */
  readonly state: string;
}

/** The rollback steps over one table, each one conditional UPDATE in that table's repository. */
export interface ExecutedActionTable {
  find(id: string): Promise<ExecutedAction | undefined>;
  /** Records the first request; returns who asked first. */
  requestRollback(id: string, actor: string, reason: string): Promise<string | null>;
  /** True for exactly one caller; a confirmer must differ from whoever requested. */
  claimRollback(id: string, reason: string, confirmer: string | null): Promise<boolean>;
  finishRollback(id: string, ok: boolean, payload: unknown, tx: EntityManager): Promise<void>;
}

/**
 * Finds the table that recorded an executed action, by its id prefix. Approved actions live in
 * `pending_actions` (`act_…`, this module's own); a module that records executions elsewhere
 * registers its table here (tool-calls registers `tc_…`), so this module never touches it.
 */
@Injectable()
export class ExecutedActions {
  private readonly tables = new Map<string, ExecutedActionTable>();

  constructor(pendingActions: PendingActionsRepository) {
    this.tables.set('act_', approvedActions(pendingActions));
  }

  register(idPrefix: string, table: ExecutedActionTable): void {
    if (this.tables.has(idPrefix))
      throw new Error(`executed actions with prefix ${idPrefix} are already registered`);
    this.tables.set(idPrefix, table);
  }

  tableOf(id: string): ExecutedActionTable | undefined {
    for (const [prefix, table] of this.tables) if (id.startsWith(prefix)) return table;
    return undefined;
  }
}

function approvedActions(actions: PendingActionsRepository): ExecutedActionTable {
  return {
    async find(id) {
      const row = await actions.find(id);
      if (!row) return undefined;
      return {
        id: row.id,
        tool: row.tool,
        arguments: row.arguments,
        result: row.result,
        requester: requesterPrincipal(row),
        sessionId: row.session_id,
        toolCallId: row.tool_call_id,
        state: row.status,
      };
    },
    requestRollback: (id, actor, reason) => actions.requestRollback(id, actor, reason),
    claimRollback: (id, reason, confirmer) => actions.startRollback(id, reason, confirmer),
    finishRollback: (id, ok, payload, tx) => actions.finishRollback(id, ok, payload, tx),
  };
}
