/**
 * The console's one way to the API, with the operator's credential. The credential lives in this
 * module and in session storage (it survives a reload of this tab, nothing more), never in local
 * storage, a URL or the DOM.
 */
const STORAGE_KEY = 'switchboard.console.credential';

let credential = sessionStorage.getItem(STORAGE_KEY) ?? '';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function signedIn(): boolean {
  return credential !== '';
}

export function signIn(value: string): void {
  credential = value.trim();
  sessionStorage.setItem(STORAGE_KEY, credential);
}

export function signOut(): void {
  credential = '';
  sessionStorage.removeItem(STORAGE_KEY);
}

export function currentCredential(): string {
  return credential;
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { authorization: `Bearer ${credential}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  if (!res.ok) {
    const detail = typeof parsed.detail === 'string' ? parsed.detail : `HTTP ${res.status}`;
    throw new ApiError(res.status, String(parsed.code ?? `HTTP_${res.status}`), detail);
  }
  return parsed as T;
}

/** Whether the credential may read `path` at all: the server's own rules decide what to show. */
export async function mayRead(path: string): Promise<boolean> {
  try {
    await api('GET', path);
    return true;
  } catch (error) {
    if (error instanceof ApiError && (error.status === 403 || error.status === 404)) return false;
    throw error;
  }
}
