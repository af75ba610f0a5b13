import { errorFromResponse } from './errors.js';

/** What `POST /v1/sessions` answers (the parts a page uses). */
export interface SessionView {
  readonly id: string;
  readonly agent: string;
  /** The voice API the agent profile chose: the page does not need to care. */
  readonly api: 'realtime' | 'live';
  readonly mode: 'proxy' | 'ephemeral';
  readonly state: string;
  readonly endReason: string | null;
  readonly expiresAt: string;
  readonly typedText: { readonly supported: boolean; readonly pageStartsResponse: boolean };
  readonly connect: {
    readonly sdpUrl?: string;
    readonly clientSecretUrl?: string;
    readonly callUrl?: string;
  };
}

/**
 * The few Switchboard routes a page calls, with the app user's token. Every failure becomes a
 * `SwitchboardError` carrying the server's stable code. DOM-free: the CLI uses it under Node.
 */
export class SwitchboardApi {
  constructor(
    private readonly baseUrl: string,
    private readonly getToken: () => string | Promise<string>,
    private readonly fetchFn: typeof fetch = (...args) => fetch(...args),
  ) {}

  url(path: string): string {
    return `${this.baseUrl.replace(/\/+$/, '')}${path}`;
  }

  async openSession(agent?: string, mode?: 'proxy' | 'ephemeral'): Promise<SessionView> {
    const body = JSON.stringify({ ...(agent ? { agent } : {}), ...(mode ? { mode } : {}) });
    return (
      await this.call('POST', '/v1/sessions', 'Opening the session', body, 'application/json')
    ).json() as Promise<SessionView>;
  }

  async getSession(id: string): Promise<SessionView> {
    return (
      await this.call('GET', `/v1/sessions/${id}`, 'Reading the session')
    ).json() as Promise<SessionView>;
  }

  /** Proxy mode: the offer goes to Switchboard, which answers with OpenAI's answer. */
  async exchangeSdp(session: SessionView, offer: string): Promise<string> {
    const path = session.connect.sdpUrl ?? `/v1/sessions/${session.id}/sdp`;
    return (await this.call('POST', path, 'Connecting the call', offer, 'application/sdp')).text();
  }

  /** Ephemeral mode: the one short-lived secret, and where to post the offer with it. */
  async mintClientSecret(
    session: SessionView,
  ): Promise<{ value: string; expiresAt: string; callsUrl: string }> {
    const path = session.connect.clientSecretUrl ?? `/v1/sessions/${session.id}/client-secret`;
    return (await this.call('POST', path, 'Minting the client secret')).json() as Promise<{
      value: string;
      expiresAt: string;
      callsUrl: string;
    }>;
  }

  /** Ephemeral mode: tells Switchboard which call the page created. */
  async bindCall(session: SessionView, callId: string): Promise<SessionView> {
    const path = session.connect.callUrl ?? `/v1/sessions/${session.id}/call`;
    const body = JSON.stringify({ callId });
    const res = await this.call('POST', path, 'Binding the call', body, 'application/json');
    return res.json() as Promise<SessionView>;
  }

  /** Ends the session (the server hangs up the call); an already ended one is not an error. */
  async endSession(id: string): Promise<void> {
    await this.call('DELETE', `/v1/sessions/${id}`, 'Ending the session');
  }

  private async call(
    method: string,
    path: string,
    doing: string,
    body?: string,
    contentType?: string,
  ): Promise<Response> {
    const headers: Record<string, string> = { authorization: `Bearer ${await this.getToken()}` };
    if (contentType) headers['content-type'] = contentType;
    const res = await this.fetchFn(this.url(path), { method, headers, body });
    if (!res.ok) throw await errorFromResponse(res, doing);
    return res;
  }
}
