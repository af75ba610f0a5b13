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
import { Injectable, Logger } from '@nestjs/common';
import { AuditLog } from '../audit/index.js';
import { SessionsRepository, SessionsService } from '../sessions/index.js';
import { ToolRegistry } from '../tools/index.js';
import { VoiceConversation, VoiceEvents } from '../voice/index.js';
import { ChargesInFlight } from './charges-in-flight.js';
import { ResponseBudget } from './response-budget.js';
/** At this share of any budget, the session is warned (audited) once. */ const WARNING_SHARE = 0.8;
/** At this share, tools marked `costly` are switched off for the rest of the session. */ const COSTLY_TOOLS_OFF_SHARE = 0.9;
export class CostMeter {
    constructor(repository, sessions, audit, events, conversation, registry, budget, inFlight){
        this.repository = repository;
        this.sessions = sessions;
        this.audit = audit;
        this.events = events;
        this.conversation = conversation;
        this.registry = registry;
        this.budget = budget;
        this.inFlight = inFlight;
        this.logger = new Logger(CostMeter.name);
    }
    onModuleInit() {
        this.unsubscribe = this.events.on('call.charged', (charged)=>{
            // Registered synchronously, so a budget check started by the same event waits for it.
            this.inFlight.add(charged.callId, this.meter(charged).catch((error)=>this.logger.error({
                    callId: charged.callId,
                    err: error.message
                }, 'Metering usage failed')));
        });
    }
    onApplicationShutdown() {
        this.unsubscribe?.();
    }
    async meter({ callId, price, nextResponseUsd }) {
        const session = await this.sessions.findByCall(callId);
        if (!session || session.state !== 'active') return;
        const spend = await this.repository.addCharge(session.id, price(session.config));
        if (!spend) return;
        await this.enforce(session, spend, callId, nextResponseUsd(session.config));
    }
    async enforce(session, spend, callId, nextResponseUsd) {
        const scopes = this.budget.scopes(session.tenantId, spend);
        const shortfall = this.budget.shortfall(scopes, nextResponseUsd);
        // Ended before the response that would cross the budget, not after it.
        if (shortfall) return this.budget.endSession(session.id, shortfall);
        const worst = scopes.reduce((a, b)=>b.spent / b.budget > a.spent / a.budget ? b : a);
        const share = worst.spent / worst.budget;
        if (share >= WARNING_SHARE && !spend.budgetWarned) {
            await this.repository.markBudgetWarned(session.id);
            await this.audit.append({
                actor: 'system',
                action: 'session.budget_warning',
                subject: session.id,
                data: {
                    ...worst
                }
            });
        }
        if (share >= COSTLY_TOOLS_OFF_SHARE) await this.disableCostlyTools(session.id, callId, {
            ...worst
        });
    }
    /**
   * Once per session: drops costly tools from the stored config (so the tamper guard defends the
   * reduced set) and tells the model, in one `session.update`.
   */ async disableCostlyTools(sessionId, callId, worst) {
        const costly = this.registry.all().filter((tool)=>tool.costly).map((tool)=>tool.name);
        if (costly.length === 0) return;
        const config = await this.repository.withdrawCostlyTools(sessionId, costly);
        if (!config) return;
        this.conversation.applySession(callId, config);
        await this.audit.append({
            actor: 'system',
            action: 'session.costly_tools_disabled',
            subject: sessionId,
            data: {
                ...worst,
                tools: costly
            }
        });
    }
}
CostMeter = _ts_decorate([
    Injectable(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof SessionsRepository === "undefined" ? Object : SessionsRepository,
        typeof SessionsService === "undefined" ? Object : SessionsService,
        typeof AuditLog === "undefined" ? Object : AuditLog,
        typeof VoiceEvents === "undefined" ? Object : VoiceEvents,
        typeof VoiceConversation === "undefined" ? Object : VoiceConversation,
        typeof ToolRegistry === "undefined" ? Object : ToolRegistry,
        typeof ResponseBudget === "undefined" ? Object : ResponseBudget,
        typeof ChargesInFlight === "undefined" ? Object : ChargesInFlight
    ])
], CostMeter);

//# sourceMappingURL=cost-meter.js.map