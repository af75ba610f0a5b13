function _ts_decorate(decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") {
        r = Reflect.decorate(decorators, target, key, desc);
    } else {
        for(var i = decorators.length - 1; i >= 0; i--){
            if (d = decorators[i]) {
                r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
            }
        }
    }
    return c > 3 && r && Object.defineProperty(target, key, r), r;
}
function _ts_metadata(metadataKey, metadataValue) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") {
        return Reflect.metadata(metadataKey, metadataValue);
    }
}
import { Injectable } from '@nestjs/common';
import { requesterPrincipal } from './pending-action.record.js';
import { PendingActionsRepository } from './pending-actions.repository.js';
export class ExecutedActions {
    constructor(pendingActions){
        this.tables = new Map();
        this.tables.set('act_', approvedActions(pendingActions));
    }
    register(idPrefix, table) {
        if (this.tables.has(idPrefix)) throw new Error(`executed actions with prefix ${idPrefix} are already registered`);
        this.tables.set(idPrefix, table);
    }
    tableOf(id) {
        for (const [prefix, table] of this.tables)if (id.startsWith(prefix)) return table;
        return undefined;
    }
}
ExecutedActions = _ts_decorate([
    Injectable(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof PendingActionsRepository === "undefined" ? Object : PendingActionsRepository
    ])
], ExecutedActions);
function approvedActions(actions) {
    return {
        async find (id) {
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
                state: row.status
            };
        },
        requestRollback: (id, actor, reason)=>actions.requestRollback(id, actor, reason),
        claimRollback: (id, reason, confirmer)=>actions.startRollback(id, reason, confirmer),
        finishRollback: (id, ok, payload, tx)=>actions.finishRollback(id, ok, payload, tx)
    };
}

//# sourceMappingURL=executed-actions.js.map