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
import { AuditLog } from '../audit/index.js';
import { SessionsRepository, SessionsService } from '../sessions/index.js';
import { ChargesInFlight } from './charges-in-flight.js';
export class ResponseBudget {
    constructor(repository, config, inFlight, sessions, audit){
        this.repository = repository;
        this.config = config;
        this.inFlight = inFlight;
        this.sessions = sessions;
        this.audit = audit;
    }
    /** Every budget that applies to the session, with what it has spent. */ scopes(tenantId, spend) {
        const { sessionBudgetUsd, userDailyBudgetUsd, tenantMonthlyBudgetUsd } = this.config.cost;
        return [
            {
                scope: 'session',
                spent: spend.sessionUsd,
                budget: sessionBudgetUsd
            },
            {
                scope: 'user_day',
                spent: spend.userDayUsd,
                budget: userDailyBudgetUsd
            },
            ...tenantId ? [
                {
                    scope: 'tenant_month',
                    spent: spend.tenantMonthUsd,
                    budget: tenantMonthlyBudgetUsd
                }
            ] : []
        ];
    }
    /** The tightest budget that cannot pay `nextResponseUsd`, or undefined if all can. */ shortfall(scopes, nextResponseUsd) {
        const tightest = scopes.reduce((a, b)=>b.budget - b.spent < a.budget - a.spent ? b : a);
        const remainingUsd = tightest.budget - tightest.spent;
        return remainingUsd < nextResponseUsd ? {
            ...tightest,
            remainingUsd,
            nextResponseUsd
        } : undefined;
    }
    /**
   * Before Switchboard starts a response: true when every budget can pay for it. If one cannot,
   * the session is ended (its call hung up) and nothing starts; an inactive call starts nothing.
   */ async allowsResponse(callId, nextResponseUsd) {
        // Every handler of the event that asked has run once this yields; then wait for the meter,
        // so the response that just ended is counted.
        await Promise.resolve();
        await this.inFlight.settled(callId);
        const active = await this.repository.activeSpendByCall(callId);
        if (!active) return false;
        const { session } = active;
        const scopes = this.scopes(session.tenantId, {
            ...active,
            sessionUsd: session.costUsd
        });
        const shortfall = this.shortfall(scopes, nextResponseUsd(session.config));
        if (!shortfall) return true;
        await this.endSession(session.id, shortfall);
        return false;
    }
    /** Ends a session whose budget cannot pay for its next response (audited with the figures). */ async endSession(sessionId, shortfall) {
        await this.audit.append({
            actor: 'system',
            action: 'session.budget_exceeded',
            subject: sessionId,
            data: {
                ...shortfall
            }
        });
        await this.sessions.end(sessionId, 'ended', `budget_exceeded:${shortfall.scope}`, 'system');
    }
}
ResponseBudget = _ts_decorate([
    Injectable(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof SessionsRepository === "undefined" ? Object : SessionsRepository,
        typeof AppConfig === "undefined" ? Object : AppConfig,
        typeof ChargesInFlight === "undefined" ? Object : ChargesInFlight,
        typeof SessionsService === "undefined" ? Object : SessionsService,
        typeof AuditLog === "undefined" ? Object : AuditLog
    ])
], ResponseBudget);

//# sourceMappingURL=response-budget.js.map