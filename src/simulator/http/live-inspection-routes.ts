import type { LiveSession } from '../live/live-session.js';
import { sendJson } from './http-io.js';
import type { Route } from './router.js';

/** `/__sim/live/*`: Live sessions as tests inspect them (off unless the simulator enables it). */

function summary(session: LiveSession) {
  return {
    id: session.id,
    kind: session.kind,
    state: session.state,
    created_at: session.startedAt,
    model: session.resource.model,
    closed_reason: session.closedReason ?? null,
    muted: session.muted,
    sidebands: [...session.sinks].filter((sink) => sink.via === 'sideband').length,
  };
}

const listSessions: Route = {
  method: 'GET',
  pattern: /^\/__sim\/live\/sessions$/,
  async handle(ctx, req, res) {
    ctx.keys.authenticateStandard(req.headers.authorization);
    sendJson(res, 200, { data: ctx.live.all().map(summary) });
  },
};

const getSession: Route = {
  method: 'GET',
  pattern: /^\/__sim\/live\/sessions\/([^/]+)$/,
  async handle(ctx, req, res, [sessionId]) {
    ctx.keys.authenticateStandard(req.headers.authorization);
    const session = ctx.live.find(sessionId) ?? ctx.live.live(sessionId);
    sendJson(res, 200, {
      ...summary(session),
      session: session.resource,
      appended: session.appended,
      delegations: [...session.delegations.keys()],
      audio: session.audioStats,
      events: session.log,
    });
  },
};

export const liveInspectionRoutes: readonly Route[] = [listSessions, getSession];
