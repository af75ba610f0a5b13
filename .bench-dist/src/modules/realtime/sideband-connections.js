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
import WebSocket from 'ws';
import { CallNotFoundUpstreamError } from '../voice/index.js';
import { OpenAIEndpoint } from './openai-endpoint.js';
import { RealtimeEventBus } from './realtime-event-bus.js';
const BACKOFF_START_MS = 200;
const BACKOFF_MAX_MS = 5000;
const MAX_RECONNECTS = 8;
export class SidebandConnections {
    constructor(endpoint, bus){
        this.endpoint = endpoint;
        this.bus = bus;
        this.logger = new Logger(SidebandConnections.name);
        this.sockets = new Map();
        this.wanted = new Set();
    }
    /** Opens the sideband for `callId`; resolves once connected (rejects if the call is unknown). */ async open(callId) {
        this.wanted.add(callId);
        try {
            await this.connect(callId, 0);
        } catch (error) {
            this.wanted.delete(callId);
            throw error;
        }
    }
    /** Whether this replica is keeping the call's sideband (open or reconnecting). */ isWanted(callId) {
        return this.wanted.has(callId);
    }
    isOpen(callId) {
        return this.sockets.get(callId)?.readyState === WebSocket.OPEN;
    }
    /**
   * Sends a client event on the call's sideband; false if it is not connected right now or the
   * event could not be sent (logged). Never throws: callers are event handlers.
   */ send(callId, event) {
        const socket = this.sockets.get(callId);
        if (socket?.readyState !== WebSocket.OPEN) return false;
        const failed = (error)=>this.logger.warn({
                callId,
                type: event.type,
                err: error.message
            }, 'Sideband send failed');
        try {
            // The callback reports a write that fails later, once the socket has taken the frame.
            socket.send(JSON.stringify(event), (error)=>{
                if (error) failed(error);
            });
            return true;
        } catch (error) {
            failed(error);
            return false;
        }
    }
    close(callId) {
        const known = this.wanted.delete(callId);
        this.sockets.get(callId)?.close(1000, 'session ended');
        this.sockets.delete(callId);
        if (known) this.bus.emit('sideband.closed', {
            callId
        });
    }
    onApplicationShutdown() {
        for (const callId of [
            ...this.wanted
        ])this.close(callId);
    }
    connect(callId, attempt) {
        this.sockets.get(callId)?.terminate();
        this.sockets.delete(callId);
        const url = `${this.endpoint.baseUrl.replace(/^http/, 'ws')}/realtime?call_id=${encodeURIComponent(callId)}`;
        const socket = new WebSocket(url, {
            headers: {
                authorization: `Bearer ${this.endpoint.apiKey}`
            }
        });
        return new Promise((resolve, reject)=>{
            socket.once('unexpected-response', (_req, res)=>{
                socket.terminate();
                reject(res.statusCode === 404 ? new CallNotFoundUpstreamError(`OpenAI does not know call ${callId}`) : new Error(`sideband upgrade refused with HTTP ${res.statusCode}`));
            });
            socket.on('error', reject); // after open, a no-op: 'close' follows and drives reconnection
            socket.once('open', ()=>{
                // Closed while connecting: the call is no longer ours to watch.
                if (!this.wanted.has(callId)) {
                    socket.close(1000, 'session ended');
                    reject(new Error(`sideband for ${callId} was closed while connecting`));
                    return;
                }
                this.sockets.set(callId, socket);
                this.bus.emit('sideband.connected', {
                    callId,
                    reconnect: attempt > 0
                });
                resolve();
            });
            socket.on('message', (data)=>this.dispatch(callId, data.toString()));
            socket.on('close', ()=>this.onClose(callId, socket));
        });
    }
    dispatch(callId, text) {
        let event;
        try {
            event = JSON.parse(text);
        } catch  {
            this.logger.warn({
                callId
            }, 'Ignoring a sideband message that is not JSON');
            return;
        }
        if (typeof event?.type !== 'string') {
            this.logger.warn({
                callId
            }, 'Ignoring a sideband message without a type');
            return;
        }
        this.bus.emit('sideband.event', {
            callId,
            event
        });
        const byType = `server:${event.type}`;
        this.bus.emit(byType, {
            callId,
            event
        });
    }
    onClose(callId, socket) {
        if (this.sockets.get(callId) !== socket) return;
        this.sockets.delete(callId);
        if (this.wanted.has(callId)) void this.reconnect(callId);
    }
    async reconnect(callId) {
        for(let attempt = 1; attempt <= MAX_RECONNECTS && this.wanted.has(callId); attempt++){
            const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_START_MS * 2 ** (attempt - 1));
            await new Promise((resolve)=>setTimeout(resolve, delay).unref());
            if (!this.wanted.has(callId)) return;
            try {
                await this.connect(callId, attempt);
                this.logger.log({
                    callId,
                    attempt
                }, 'Sideband reconnected');
                return;
            } catch (error) {
                if (error instanceof CallNotFoundUpstreamError) break;
                this.logger.warn({
                    callId,
                    attempt,
                    err: error.message
                }, 'Sideband reconnect failed');
            }
        }
        this.wanted.delete(callId);
        this.bus.emit('sideband.lost', {
            callId,
            reason: 'reconnect_failed'
        });
    }
}
SidebandConnections = _ts_decorate([
    Injectable(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof OpenAIEndpoint === "undefined" ? Object : OpenAIEndpoint,
        typeof RealtimeEventBus === "undefined" ? Object : RealtimeEventBus
    ])
], SidebandConnections);

//# sourceMappingURL=sideband-connections.js.map