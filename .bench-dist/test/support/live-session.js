import { SessionsService } from '../../src/modules/sessions/sessions.service.js';
import { eventually, inspectSimCall } from './session-client.js';
import { WeriftBrowser } from './werift-browser.js';
/**
 * `connectedBrowser` for any bearer token and open body: a user without a tenant claim, another
 * tenant, another agent profile. The session is `active` when this returns; close the browser.
 */ export async function liveSessionOf(sut, token, body = {}) {
    const call = (path, init)=>fetch(`${sut.url}${path}`, {
            ...init,
            headers: {
                authorization: `Bearer ${token}`,
                ...init.headers
            }
        });
    const opened = await call('/v1/sessions', {
        method: 'POST',
        headers: {
            'content-type': 'application/json'
        },
        body: JSON.stringify(body)
    });
    if (opened.status !== 201) throw new Error(`open answered ${opened.status}`);
    const { id } = await opened.json();
    const browser = new WeriftBrowser();
    const answer = await call(`/v1/sessions/${id}/sdp`, {
        method: 'POST',
        headers: {
            'content-type': 'application/sdp'
        },
        body: await browser.offer()
    });
    await browser.accept(await answer.text());
    await browser.stream.next('session.created');
    const callId = (await sut.app.get(SessionsService).getAny(id)).callId;
    await eventually(async ()=>(await inspectSimCall(sut, callId)).sidebands === 1, 20_000);
    expect((await sut.app.get(SessionsService).getAny(id)).state).toBe('active');
    return {
        token,
        id,
        callId,
        browser
    };
}

//# sourceMappingURL=live-session.js.map