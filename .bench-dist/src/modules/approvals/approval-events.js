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
import { filter, Subject } from 'rxjs';
import { Webhook } from 'standardwebhooks';
import { visibilityScope } from '../../common/auth/visibility-scope.js';
import { newId } from '../../common/ids.js';
import { AppConfig } from '../../config/app-config.js';
import { DatabaseNotifications } from '../../database/database-notifications.js';
const CHANNEL = 'approval_events';
const WEBHOOK_ATTEMPTS = 4;
export class ApprovalEvents {
    constructor(notifications, config){
        this.notifications = notifications;
        this.config = config;
        this.logger = new Logger(ApprovalEvents.name);
        this.subject = new Subject();
        const { webhookUrl, webhookSecret } = config.approvals;
        if (webhookUrl && webhookSecret) this.webhook = new Webhook(webhookSecret);
    }
    async onModuleInit() {
        await this.notifications.listen(CHANNEL, (event)=>this.subject.next(event));
    }
    /** The events `principal` may see (its tenant scope), as they happen on any replica. */ streamFor(principal) {
        const scope = visibilityScope(principal);
        return this.subject.pipe(filter((event)=>scope.allows(event.tenantId)));
    }
    /** Never fails the caller: the change it reports has already been committed. */ async publish(event) {
        const full = {
            ...event,
            at: new Date().toISOString()
        };
        try {
            await this.notifications.notify(CHANNEL, full);
        } catch (error) {
            this.logger.error({
                err: error.message,
                event: full.type
            }, 'Could not publish an approval event');
        }
        void this.sendWebhook(full);
    }
    async sendWebhook(event) {
        const url = this.config.approvals.webhookUrl;
        if (!this.webhook || !url) return;
        const id = newId('msg');
        const body = JSON.stringify({
            type: event.type,
            timestamp: event.at,
            data: event
        });
        for(let attempt = 1; attempt <= WEBHOOK_ATTEMPTS; attempt++){
            const timestamp = new Date();
            try {
                const response = await fetch(url, {
                    method: 'POST',
                    headers: {
                        'content-type': 'application/json',
                        'webhook-id': id,
                        'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
                        'webhook-signature': this.webhook.sign(id, timestamp, body)
                    },
                    body,
                    signal: AbortSignal.timeout(5_000)
                });
                if (response.ok) return;
                if (response.status < 500 && response.status !== 429) break; // the receiver refuses it
            } catch  {
            // network error: retry below
            }
            await new Promise((resolve)=>setTimeout(resolve, 250 * 2 ** attempt).unref());
        }
        this.logger.warn({
            url,
            event: event.type,
            actionId: event.actionId
        }, 'Approval webhook not delivered');
    }
}
ApprovalEvents = _ts_decorate([
    Injectable(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof DatabaseNotifications === "undefined" ? Object : DatabaseNotifications,
        typeof AppConfig === "undefined" ? Object : AppConfig
    ])
], ApprovalEvents);

//# sourceMappingURL=approval-events.js.map