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
import { Histogram } from 'prom-client';
import { MetricsRegistry } from '../../metrics/index.js';
import { RealtimeEventBus } from '../../realtime/index.js';
import { SessionsRepository, SessionsService } from '../../sessions/index.js';
/** Kept per session; older turns fall off. */ const SAMPLES_KEPT = 500;
/** What the caller perceives as the answer starting; a function call is not an answer yet. */ const FIRST_OUTPUT = new Set([
    'response.output_audio_transcript.delta',
    'response.output_text.delta'
]);
export class LatencyMeter {
    constructor(repository, sessions, bus, metrics){
        this.repository = repository;
        this.sessions = sessions;
        this.bus = bus;
        this.speechEnded = new Map();
        /** Own time spent so far in each call's current turn. */ this.ownTime = new Map();
        this.histogram = new Histogram({
            name: 'switchboard_turn_latency_seconds',
            help: 'End of user speech to the first response output, per turn, by agent profile',
            labelNames: [
                'agent'
            ],
            buckets: [
                0.1,
                0.2,
                0.3,
                0.5,
                0.75,
                1,
                1.5,
                2,
                3,
                5,
                10
            ],
            registers: [
                metrics
            ]
        });
        this.ownHistogram = new Histogram({
            name: 'switchboard_turn_own_time_seconds',
            help: 'Time Switchboard itself spent inside a turn (tool pipeline, injection), by agent profile',
            labelNames: [
                'agent'
            ],
            buckets: [
                0.005,
                0.01,
                0.025,
                0.05,
                0.1,
                0.25,
                0.5,
                1,
                2.5,
                5,
                10
            ],
            registers: [
                metrics
            ]
        });
    }
    /** Adds time Switchboard spent on the call's current turn (only counted inside a turn). */ addOwnTime(callId, ms) {
        if (!this.speechEnded.has(callId)) return;
        this.ownTime.set(callId, (this.ownTime.get(callId) ?? 0) + ms);
    }
    onModuleInit() {
        this.unsubscribe = this.bus.on('sideband.event', ({ callId, event })=>this.observe(callId, event));
    }
    onApplicationShutdown() {
        this.unsubscribe?.();
    }
    observe(callId, event) {
        if (event.type === 'input_audio_buffer.speech_stopped') {
            this.speechEnded.set(callId, performance.now());
            this.ownTime.delete(callId);
            return;
        }
        if (!FIRST_OUTPUT.has(event.type)) return;
        const start = this.speechEnded.get(callId);
        if (start === undefined) return;
        this.speechEnded.delete(callId);
        const ownMs = Math.round(this.ownTime.get(callId) ?? 0);
        this.ownTime.delete(callId);
        return this.record(callId, Math.round(performance.now() - start), ownMs);
    }
    async record(callId, latencyMs, ownMs) {
        const session = await this.sessions.findByCall(callId);
        if (!session) return;
        this.histogram.observe({
            agent: session.agent
        }, latencyMs / 1000);
        this.ownHistogram.observe({
            agent: session.agent
        }, ownMs / 1000);
        await this.repository.recordTurn(session.id, latencyMs, ownMs, SAMPLES_KEPT);
    }
}
LatencyMeter = _ts_decorate([
    Injectable(),
    _ts_metadata("design:type", Function),
    _ts_metadata("design:paramtypes", [
        typeof SessionsRepository === "undefined" ? Object : SessionsRepository,
        typeof SessionsService === "undefined" ? Object : SessionsService,
        typeof RealtimeEventBus === "undefined" ? Object : RealtimeEventBus,
        typeof MetricsRegistry === "undefined" ? Object : MetricsRegistry
    ])
], LatencyMeter);

//# sourceMappingURL=latency-meter.js.map