export const LIVE_STATES = [
    'created',
    'connecting',
    'active'
];
export function toSessionRecord(row) {
    return {
        id: row.id,
        userId: row.user_id,
        tenantId: row.tenant_id,
        roles: row.roles,
        agent: row.agent,
        mode: row.mode,
        responseStart: row.response_start,
        state: row.state,
        endReason: row.end_reason,
        callId: row.call_id,
        config: row.config,
        limits: row.limits,
        createdAt: row.created_at,
        connectBy: row.connect_by,
        expiresAt: row.expires_at,
        connectedAt: row.connected_at,
        endedAt: row.ended_at,
        clientSecretExpiresAt: row.client_secret_expires_at,
        costUsd: Number(row.cost_usd),
        usage: row.usage,
        turnLatenciesMs: row.turn_latencies_ms,
        turnOwnMs: row.turn_own_ms,
        costlyToolsDisabled: row.costly_tools_disabled
    };
}
/** What an app user sees of their session. */ export function publicView(session) {
    const base = `/v1/sessions/${session.id}`;
    return {
        id: session.id,
        agent: session.agent,
        mode: session.mode,
        state: session.state,
        endReason: session.endReason,
        createdAt: session.createdAt.toISOString(),
        expiresAt: session.expiresAt.toISOString(),
        connectBy: session.connectBy.toISOString(),
        connect: session.mode === 'proxy' ? {
            sdpUrl: `${base}/sdp`
        } : {
            clientSecretUrl: `${base}/client-secret`,
            callUrl: `${base}/call`
        }
    };
}

//# sourceMappingURL=session.record.js.map