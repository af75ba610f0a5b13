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
import { AppConfig } from '../../config/app-config.js';
import { ToolAccessPolicy, ToolRegistry } from '../tools/index.js';
import { ToolCallsRepository } from './tool-calls.repository.js';
import { SessionBudgetSpentError, SessionNotActiveError, ToolDisabledNearBudgetError, ToolNotAllowedError, ToolRateLimitedError, UnknownToolError } from './tool-calls.errors.js';
export class ToolCallPolicy {
    constructor(registry, access, toolCalls, config){
        this.registry = registry;
        this.access = access;
        this.toolCalls = toolCalls;
        this.config = config;
    }
    async admit(request) {
        const tool = this.lookup(request.name);
        this.checkSession(request.session, tool);
        this.checkAllowed(request, tool);
        await this.checkRateLimit(request, tool);
        return tool;
    }
    lookup(name) {
        const tool = this.registry.get(name);
        if (!tool) throw new UnknownToolError(name, this.registry.suggest(name));
        return tool;
    }
    checkSession(session, tool) {
        if (session.state !== 'active') throw new SessionNotActiveError(session.id, session.state);
        if (session.costUsd >= this.config.cost.sessionBudgetUsd) throw new SessionBudgetSpentError(session.id);
        if (tool.costly && session.costlyToolsDisabled) throw new ToolDisabledNearBudgetError(tool.name);
    }
    /**
   * The caller's roles, the roles the session was opened with, and the session's config (what its
   * agent profile offered those roles) must all allow it: the model was offered nothing else.
   */ checkAllowed({ principal, session }, tool) {
        // The stored config is JSON from the database: a row without tools, or a nameless entry,
        // offers nothing rather than failing the call.
        const stored = session.config.tools;
        const offered = (stored ?? []).flatMap((definition)=>definition.name ? [
                definition.name
            ] : []);
        const reason = this.access.allows(session.roles, tool.name) ? this.access.refusal(principal.roles, tool.name, offered) : 'role';
        if (reason) throw new ToolNotAllowedError(tool.name, reason, session.agent);
    }
    async checkRateLimit(request, tool) {
        const { perSession, perUser } = tool.rateLimit;
        const windows = [
            {
                scope: 'session',
                key: request.session.id,
                window: perSession
            },
            {
                scope: 'user',
                key: request.principal.id,
                window: perUser
            }
        ];
        if (!perSession && !perUser) return;
        // A retry of an already-recorded call is answered from the record, so it never counts.
        if (await this.toolCalls.find(request.session.id, request.toolCallId)) return;
        // A cheap early refusal; the claim re-checks atomically, so bursts cannot slip past.
        for (const { scope, key, window } of windows){
            if (!window) continue;
            const used = await this.toolCalls.countRecent(scope, key, tool.name, window.windowSeconds);
            if (used >= window.limit) throw rateLimitedError(tool.name, {
                scope,
                ...window
            });
        }
    }
}
ToolCallPolicy = _ts_decorate([
    Injectable(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof ToolRegistry === "undefined" ? Object : ToolRegistry,
        typeof ToolAccessPolicy === "undefined" ? Object : ToolAccessPolicy,
        typeof ToolCallsRepository === "undefined" ? Object : ToolCallsRepository,
        typeof AppConfig === "undefined" ? Object : AppConfig
    ])
], ToolCallPolicy);
/** The windows the claim re-checks atomically. */ export function rateWindows(tool) {
    const { perSession, perUser } = tool.rateLimit;
    return [
        ...perSession ? [
            {
                scope: 'session',
                ...perSession
            }
        ] : [],
        ...perUser ? [
            {
                scope: 'user',
                ...perUser
            }
        ] : []
    ];
}
export function rateLimitedError(tool, window) {
    return new ToolRateLimitedError(tool, window.scope, window.limit, window.windowSeconds);
}

//# sourceMappingURL=tool-call.policy.js.map