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
import { SessionTranscripts } from '../live-calls/index.js';
import { ApprovalQueue } from './approval-queue.js';
import { actionView } from './pending-action.record.js';
/** How many lines of the conversation an approver sees next to an action. */ const TRANSCRIPT_LINES = 20;
export class ApprovalViews {
    constructor(queue, transcripts){
        this.queue = queue;
        this.transcripts = transcripts;
    }
    async list(viewer, query) {
        const { items, nextCursor } = await this.queue.list(viewer, query);
        return {
            items: items.map(({ row, decisions })=>actionView(row, decisions)),
            nextCursor
        };
    }
    async detail(viewer, id) {
        const { row, decisions } = await this.queue.get(id, viewer);
        return {
            ...actionView(row, decisions),
            transcript: await this.transcripts.recent(row.session_id, TRANSCRIPT_LINES)
        };
    }
    async view(viewer, id) {
        const { row, decisions } = await this.queue.get(id, viewer);
        return actionView(row, decisions);
    }
}
ApprovalViews = _ts_decorate([
    Injectable(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof ApprovalQueue === "undefined" ? Object : ApprovalQueue,
        typeof SessionTranscripts === "undefined" ? Object : SessionTranscripts
    ])
], ApprovalViews);

//# sourceMappingURL=approval-views.js.map