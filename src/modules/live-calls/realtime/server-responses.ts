import { randomBytes } from 'node:crypto';

import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';

import {
  RealtimeEventBus,
  type RealtimeServerEvent,
  type ServerEventOf,
  SidebandConnections,
  responseTagOf,
  SidebandTags,
} from '../../realtime/index.js';
import { realtimeConfigOf } from '../../voice/index.js';
import { GovernedCalls, type GovernedCall } from './governed-calls.js';
import { ResponseBudget } from '../response-budget.js';
import { RealtimePricing } from './realtime-pricing.js';
import { TamperGuard } from './tamper-guard.js';

/** Why Switchboard starts a response (logged; grounding will hook in per reason). */
export type ResponseReason = 'user_turn' | 'tool_outputs' | 'action_outcome' | 'limit_warning';

export interface ResponseRequest {
  readonly reason: ResponseReason;
  /** Per-response overrides (e.g. the exact words of a limit warning). */
  readonly response?: { readonly instructions?: string };
  /**
   * Items to add to the conversation right before the response starts (tagged by the caller),
   * e.g. the system message an approval outcome is told with: they and their reply go together.
   */
  readonly items?: readonly Record<string, unknown>[];
  /** The caller's item a `user_turn` answers. */
  readonly turnItemId?: string;
}

type Items = readonly Record<string, unknown>[];

/** What a preparation gives a turn's response: items to add first, and what to do once sent. */
export interface PreparedTurn {
  readonly items: Items;
  /** Called once the items went out (not for a preparation a newer turn replaced). */
  readonly sent?: () => void;
}

/**
 * Prepares the response to a caller's turn (knowledge grounding): resolves, within its own
 * latency budget, with items to add right before that response; the response waits for it.
 */
export type TurnPreparer = (callId: string, turnItemId: string) => Promise<PreparedTurn>;

/** A preparation under way for a queued `user_turn`. */
interface Preparation {
  done: boolean;
  prepared?: PreparedTurn;
}

interface InFlight {
  readonly request: ResponseRequest;
  readonly eventId: string;
  /** Its `metadata.switchboard` tag. */
  readonly tag: string;
  /** `GovernedCall.foreignSeen` when it was sent: any foreign item after that taints it. */
  readonly foreignSeen: number;
}

/** Per call: what is queued, what was sent, and whether any response is running. */
interface CallResponses {
  readonly queue: ResponseRequest[];
  /** A response is running (ours or not); `unknown` after a refusal said one is. */
  active?: string;
  inFlight?: InFlight;
  checking: boolean;
  /** Tags of responses sent and not yet seen starting: each is accepted once, then it is spent. */
  readonly issued: Set<string>;
  /** Queued user turns whose preparation has not settled hold their response back. */
  readonly preparations: Map<ResponseRequest, Preparation>;
  stopListening?: () => void;
}

const COLLISION = 'conversation_already_has_active_response';
/**
 * The longest any preparation may hold a turn (a preparer keeps its own, shorter budget; this is
 * the backstop for one that hangs, e.g. on the database): then it is answered without.
 */
export const PREPARATION_CAP_MS = 6000;

/**
 * The one place Switchboard starts the model's responses (`response.create` on the sideband).
 * A request waits while any response runs (OpenAI allows one at a time), while a foreign item the
 * page slipped in still stands, and until every budget can pay for a response in full. Each is
 * tagged in `metadata`, so the tamper guard can tell it from the page's. One that starts after a
 * foreign item appeared is cancelled and started again once the item is gone: the model never
 * answers from what the page smuggled in. In `server` sessions each user turn is answered here.
 */
@Injectable()
export class ServerResponses implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ServerResponses.name);
  private readonly byCall = new Map<string, CallResponses>();
  private readonly unsubscribe: (() => void)[] = [];
  private preparer?: TurnPreparer;

  constructor(
    private readonly bus: RealtimeEventBus,
    private readonly sidebands: SidebandConnections,
    private readonly tags: SidebandTags,
    private readonly calls: GovernedCalls,
    private readonly budget: ResponseBudget,
    private readonly tamper: TamperGuard,
    private readonly pricing: RealtimePricing,
  ) {}

  onModuleInit(): void {
    this.unsubscribe.push(
      this.bus.on('sideband.event', ({ callId, event }) => this.observe(callId, event)),
      // Events missed while reconnecting cannot be replayed: start from a clean slate.
      this.bus.on('sideband.connected', ({ callId, reconnect }) => {
        const state = this.byCall.get(callId);
        if (!reconnect || !state) return;
        state.active = undefined;
        state.inFlight = undefined;
        void this.pump(callId);
      }),
      this.bus.on('sideband.closed', ({ callId }) => this.forget(callId)),
      this.bus.on('sideband.lost', ({ callId }) => this.forget(callId)),
    );
  }

  onApplicationShutdown(): void {
    for (const stop of this.unsubscribe) stop();
    for (const callId of [...this.byCall.keys()]) this.forget(callId);
  }

  /** Every user turn's response waits for `preparer` first (one preparer: grounding). */
  prepareTurnsWith(preparer: TurnPreparer): () => void {
    this.preparer = preparer;
    return () => {
      if (this.preparer === preparer) this.preparer = undefined;
    };
  }

  /** Asks for one response in the call; it starts as soon as it may. */
  request(callId: string, request: ResponseRequest): void {
    const state = this.stateOf(callId);
    // Two turns spoken while the model talks need one answer, not two: prepared for the latest.
    const queuedTurn =
      request.reason === 'user_turn'
        ? state.queue.find((r) => r.reason === 'user_turn')
        : undefined;
    if (!queuedTurn) state.queue.push(request);
    if (request.reason === 'user_turn' && request.turnItemId)
      this.prepare(callId, state, queuedTurn ?? request, request.turnItemId);
    void this.pump(callId);
  }

  private prepare(
    callId: string,
    state: CallResponses,
    request: ResponseRequest,
    turnItemId: string,
  ): void {
    const preparer = this.preparer;
    if (!preparer) return;
    const preparation: Preparation = { done: false };
    state.preparations.set(request, preparation);
    let cap: NodeJS.Timeout | undefined;
    const capped = new Promise<PreparedTurn>((resolve) => {
      cap = setTimeout(() => resolve({ items: [] }), PREPARATION_CAP_MS);
      cap.unref();
    });
    Promise.race([preparer(callId, turnItemId), capped])
      .then((prepared) => {
        preparation.prepared = prepared;
      })
      .catch((error: unknown) =>
        // The turn is answered without what failed to be prepared.
        this.logger.error({ callId, err: (error as Error).message }, 'Preparing a turn failed'),
      )
      .finally(() => {
        clearTimeout(cap);
        preparation.done = true;
        void this.pump(callId);
      });
  }

  private observe(callId: string, event: RealtimeServerEvent): void {
    const call = this.calls.get(callId);
    if (event.type === 'response.created') return this.onCreated(callId, event, call);
    if (event.type === 'response.done') {
      const state = this.byCall.get(callId);
      if (!state) return;
      state.active = undefined;
      void this.pump(callId);
      return;
    }
    if (event.type === 'error') return this.onError(callId, event);
    if (call?.responseStart === 'server' && isUserMessageAdded(event))
      this.request(callId, { reason: 'user_turn', turnItemId: event.item?.id });
  }

  private onCreated(
    callId: string,
    event: ServerEventOf<'response.created'>,
    call: GovernedCall | undefined,
  ): void {
    const response = event.response;
    const state = this.stateOf(callId);
    state.active = response?.id ?? 'unknown';
    // Ours only with a tag this replica issued and has not seen used: the page sees every tag in
    // `response.created`, so a tag is spent the first time it appears.
    const tag = responseTagOf(response);
    const own =
      tag !== undefined && state.issued.delete(tag) && this.tags.isOwnResponse(callId, response);
    if (!own) {
      if (call?.responseStart === 'server') this.tamper.cancelForeignResponse(callId, response);
      return;
    }
    const inFlight = state.inFlight;
    if (inFlight?.tag !== tag) return;
    state.inFlight = undefined;
    const tainted = call && (call.foreignSeen !== inFlight.foreignSeen || call.foreign.size > 0);
    if (!tainted) return;
    // It may have read a foreign item: stop it before it speaks, and ask again once it is gone.
    this.sidebands.send(callId, { type: 'response.cancel', response_id: response?.id });
    state.queue.unshift(inFlight.request);
    this.logger.warn({ callId, reason: inFlight.request.reason }, 'Restarting a tainted response');
  }

  private onError(callId: string, event: ServerEventOf<'error'>): void {
    const { error } = event;
    const state = this.byCall.get(callId);
    const inFlight = state?.inFlight;
    if (!state || !inFlight || error?.event_id !== inFlight.eventId) return;
    state.inFlight = undefined;
    state.issued.delete(inFlight.tag); // it never started, so no one has seen it
    if (error.code === COLLISION) {
      // One we did not see start is running; ours goes after its response.done.
      state.active ??= 'unknown';
      state.queue.unshift(inFlight.request);
      return;
    }
    this.logger.error(
      { callId, reason: inFlight.request.reason, code: error.code, err: error.message },
      'OpenAI refused a response Switchboard started',
    );
  }

  private async pump(callId: string): Promise<void> {
    const state = this.byCall.get(callId);
    if (!state || !this.mayStart(callId, state)) return;
    state.checking = true;
    let allowed = false;
    try {
      allowed = await this.budget.allowsResponse(callId, (session) =>
        this.pricing.nextResponseUsd(callId, realtimeConfigOf(session)),
      );
      // Not affordable (the session is being ended) or not active: nothing more starts.
      if (!allowed) {
        state.queue.length = 0;
        state.preparations.clear();
      }
    } catch (error) {
      // Deny unless allowed: the request waits for the next chance (the next response.done).
      this.logger.error({ callId, err: (error as Error).message }, 'Budget check failed');
    } finally {
      state.checking = false;
    }
    if (allowed && this.mayStart(callId, state)) this.send(callId, state);
  }

  private mayStart(callId: string, state: CallResponses): boolean {
    const call = this.calls.get(callId);
    const head = state.queue[0];
    return (
      head !== undefined &&
      state.preparations.get(head)?.done !== false &&
      // While the sideband reconnects nothing is sent (and lost): its reconnect pumps again.
      this.sidebands.isOpen(callId) &&
      !state.checking &&
      !state.inFlight &&
      !state.active &&
      !(call && call.foreign.size > 0)
    );
  }

  private send(callId: string, state: CallResponses): void {
    const next = state.queue.shift()!;
    const prepared = state.preparations.get(next)?.prepared;
    state.preparations.delete(next);
    const { items: own, ...request } = next;
    const items = [...(own ?? []), ...(prepared?.items ?? [])];
    // Sent once: a request that is retried later (a collision, a taint) does not add them again.
    let allSent = true;
    for (const item of items)
      allSent = this.sidebands.send(callId, { type: 'conversation.item.create', item }) && allSent;
    if (allSent && prepared?.items.length) prepared.sent?.();
    const eventId = `sbresp_${randomBytes(9).toString('base64url')}`;
    const metadata = this.tags.responseMetadata(callId);
    const tag = responseTagOf({ metadata })!;
    state.issued.add(tag);
    const sent = this.sidebands.send(callId, {
      type: 'response.create',
      event_id: eventId,
      response: { ...request.response, metadata },
    });
    if (!sent) {
      this.logger.warn({ callId, reason: request.reason }, 'Sideband closed; no response started');
      return;
    }
    state.inFlight = {
      request,
      eventId,
      tag,
      foreignSeen: this.calls.get(callId)?.foreignSeen ?? 0,
    };
  }

  private stateOf(callId: string): CallResponses {
    let state = this.byCall.get(callId);
    if (!state) {
      state = { queue: [], checking: false, issued: new Set(), preparations: new Map() };
      state.stopListening = this.calls.get(callId)?.onForeignCleared(() => void this.pump(callId));
      this.byCall.set(callId, state);
    }
    return state;
  }

  private forget(callId: string): void {
    this.byCall.get(callId)?.stopListening?.();
    this.byCall.delete(callId);
  }
}

function isUserMessageAdded(
  event: RealtimeServerEvent,
): event is ServerEventOf<'conversation.item.added'> {
  return (
    event.type === 'conversation.item.added' &&
    // The wire is not bound by the SDK's types: an event without its item is not a user turn.
    event.item?.type === 'message' &&
    event.item.role === 'user'
  );
}
