/** POSTs an SDP offer the way Switchboard's server does: multipart with a standard key. */ export async function createCallMultipart(sim, offer, session, apiKey = sim.apiKey) {
    const form = new FormData();
    form.set('sdp', new Blob([
        offer
    ], {
        type: 'application/sdp'
    }));
    if (session) form.set('session', new Blob([
        JSON.stringify(session)
    ], {
        type: 'application/json'
    }));
    return fetch(`${sim.url}/v1/realtime/calls`, {
        method: 'POST',
        headers: {
            authorization: `Bearer ${apiKey}`
        },
        body: form
    });
}
export function callIdFrom(res) {
    const location = res.headers.get('location') ?? '';
    return location.split('/').pop() ?? '';
}
export async function simPost(sim, path, body, apiKey = sim.apiKey) {
    return fetch(`${sim.url}${path}`, {
        method: 'POST',
        headers: {
            authorization: `Bearer ${apiKey}`,
            'content-type': 'application/json'
        },
        body: body === undefined ? undefined : JSON.stringify(body)
    });
}
export async function inspectCall(sim, callId) {
    const res = await fetch(`${sim.url}/__sim/calls/${callId}`, {
        headers: {
            authorization: `Bearer ${sim.apiKey}`
        }
    });
    return await res.json();
}

//# sourceMappingURL=simulator-http.js.map