/**
 * The demo page: sign in as a seeded demo user, talk or type to an agent, and watch what
 * Switchboard decides. It uses the browser client exactly as any page would (the build maps this
 * import to the served `/client/switchboard.js`); the token lives in this page's memory only.
 */
import { connectVoice, type EndedEvent, type VoiceCall } from '../../client/index.js';

interface DemoUser {
  id: string;
  name: string;
  tryThis: string[];
}
interface DemoSetup {
  signIn: boolean;
  simulator: boolean;
  users: DemoUser[];
  agents: { name: string; api: 'realtime' | 'live' }[];
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const show = (element: HTMLElement, visible: boolean) => (element.hidden = !visible);

let token = '';
let call: VoiceCall | undefined;

async function start(): Promise<void> {
  const res = await fetch('/v1/demo');
  if (!res.ok) return fail('This server has no demo (SWITCHBOARD_DEMO is off).');
  const setup = (await res.json()) as DemoSetup;
  if (setup.simulator) {
    $('backend').textContent =
      'Running on the built-in Realtime simulator: scripted replies, no OpenAI key needed.';
    show($('backend'), true);
  }
  const agents = $<HTMLSelectElement>('agent');
  for (const agent of setup.agents)
    agents.append(
      new Option(`${agent.name} (${agent.api === 'live' ? 'GPT-Live' : 'Realtime'})`, agent.name),
    );
  if (setup.signIn) {
    const users = $<HTMLSelectElement>('demo-user');
    for (const user of setup.users) users.append(new Option(user.name, user.id));
    show($('demo-sign-in'), true);
    $('demo-sign-in').addEventListener('submit', (event) => {
      event.preventDefault();
      void signIn(users.value, setup.users);
    });
  } else {
    show($('token-sign-in'), true);
    $('token-sign-in').addEventListener('submit', (event) => {
      event.preventDefault();
      token = $<HTMLInputElement>('token').value.trim();
      if (token) signedIn('Using the pasted token.', []);
    });
  }
  $('connect').addEventListener('click', () => void connect());
  $('hangup').addEventListener('click', () => void call?.hangup().catch(() => undefined));
  $('mute').addEventListener('click', toggleMute);
  $('type-form').addEventListener('submit', (event) => {
    event.preventDefault();
    sendTyped();
  });
}

async function signIn(user: string, users: DemoUser[]): Promise<void> {
  const res = await fetch('/v1/demo/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user }),
  });
  const body = (await res.json()) as { token?: string; detail?: string };
  if (!res.ok || !body.token) return fail(body.detail ?? `Sign-in failed (HTTP ${res.status}).`);
  token = body.token;
  const chosen = users.find((candidate) => candidate.id === user);
  signedIn(`Signed in as ${chosen?.name ?? user}.`, chosen?.tryThis ?? []);
}

function signedIn(text: string, tryThis: string[]): void {
  const line = $('signed-in');
  line.textContent = text;
  show(line, true);
  const list = $('try-this');
  list.replaceChildren(...tryThis.map((phrase) => item(`Try: “${phrase}”`)));
  $<HTMLButtonElement>('connect').disabled = false;
}

async function connect(): Promise<void> {
  clearError();
  $<HTMLButtonElement>('connect').disabled = true;
  setStatus('Connecting…');
  try {
    call = await connectVoice({
      getToken: () => token,
      agent: $<HTMLSelectElement>('agent').value,
      audioElement: $<HTMLAudioElement>('voice'),
    });
  } catch (error) {
    $<HTMLButtonElement>('connect').disabled = false;
    setStatus('Not connected.');
    return fail((error as Error).message);
  }
  const typed = call.session?.typedText.supported ?? false;
  show($('type-form'), typed);
  show($('speech-only'), !typed);
  show($('hangup'), true);
  show($('mute'), true);
  show($('connect'), false);
  // Connect is gone: keyboard focus moves to what replaced it, not to the top of the page.
  $('hangup').focus();
  setStatus('Connected: talk, or type below.');
  call.on(
    'state',
    (state) => state === 'reconnecting' && setStatus('Connection unsteady: reconnecting…'),
  );
  call.on(
    'state',
    (state) => state === 'connected' && setStatus('Connected: talk, or type below.'),
  );
  call.on('transcript', ({ id, role, text, final }) => {
    const line = upsert($('transcript'), `line-${id}`);
    line.className = final ? '' : 'partial';
    line.replaceChildren(who(role === 'user' ? 'You' : 'Agent'), document.createTextNode(text));
  });
  call.on('tool', (tool) => {
    const line = upsert(
      $('activity'),
      tool.actionId ? `action-${tool.actionId}` : `tool-${tool.toolCallId}`,
    );
    line.dataset.tool = tool.tool;
    if (tool.actionId) line.dataset.actionId = tool.actionId;
    line.className = tool.outcome;
    const outcome =
      tool.outcome === 'pending_approval'
        ? 'waiting for approval'
        : tool.outcome === 'refused'
          ? `refused (${tool.code})`
          : tool.outcome === 'failed'
            ? `failed (${tool.code ?? 'error'})`
            : 'done';
    line.replaceChildren(who(tool.tool), document.createTextNode(outcome));
  });
  call.on('approval', ({ actionId, status }) => {
    const line = upsert($('activity'), `action-${actionId}`);
    line.dataset.actionId = actionId;
    const tool = line.dataset.tool ?? 'action';
    // Delivered says the agent was told the outcome, whichever it was: keep the outcome shown.
    const words =
      status === 'delivered'
        ? `${line.dataset.outcome ?? 'decided'} (the agent was told)`
        : (APPROVAL_WORDS[status] ?? status);
    if (status !== 'delivered') {
      line.className = status;
      line.dataset.outcome = words;
    }
    line.replaceChildren(who(tool), document.createTextNode(words));
  });
  call.on('knowledge', ({ given, withdrawn }) => {
    for (const doc of given ?? [])
      $('activity').append(
        item(`Knowledge used: ${doc.title} (version ${doc.version})`, 'knowledge'),
      );
    for (const doc of withdrawn ?? [])
      $('activity').append(item(`Knowledge withdrawn: ${doc.title} (${doc.reason})`, 'withdrawn'));
  });
  call.on('warning', ({ reason }) =>
    $('activity').append(item(`Budget: ${reason.replace(/_/g, ' ')}`, 'warning')),
  );
  call.on('error', (error) => fail(error.message));
  call.on('ended', (ended) => {
    call = undefined;
    // The next call starts unmuted: so does the button.
    $('mute').setAttribute('aria-pressed', 'false');
    $('mute').textContent = 'Mute';
    setStatus(`Call ended: ${whyEnded(ended)}`);
    show($('type-form'), false);
    show($('speech-only'), false);
    show($('hangup'), false);
    show($('mute'), false);
    show($('connect'), true);
    $<HTMLButtonElement>('connect').disabled = false;
    $('connect').focus();
  });
}

function sendTyped(): void {
  const input = $<HTMLInputElement>('text');
  try {
    call?.sendText(input.value);
    input.value = '';
  } catch (error) {
    fail((error as Error).message);
  }
}

function toggleMute(): void {
  if (!call) return;
  call.mute(!call.muted);
  $('mute').setAttribute('aria-pressed', String(call.muted));
  $('mute').textContent = call.muted ? 'Unmute' : 'Mute';
}

const APPROVAL_WORDS: Record<string, string> = {
  pending: 'waiting for approval',
  approved: 'approved, running…',
  rejected: 'rejected by an approver',
  expired: 'approval expired',
  escalated: 'escalated to another approver',
  cancelled: 'cancelled',
  executed: 'approved and done',
  failed: 'approved, but it failed',
  rolled_back: 'rolled back',
};

function whyEnded({ reason, by, state }: EndedEvent): string {
  if (by === 'page') return 'you hung up.';
  if (reason === 'network_lost') return 'the connection was lost.';
  if (state === 'revoked') return `an operator ended it (${reason}).`;
  if (reason === 'user_ended') return 'you hung up.';
  if (reason === 'max_duration') return 'it reached its maximum duration.';
  if (reason === 'idle') return 'nobody spoke for too long.';
  if (reason.startsWith('budget_exceeded'))
    return `its budget was spent (${reason.split(':')[1] ?? 'session'}).`;
  if (reason.startsWith('tamper')) return 'the page changed what only the server may set.';
  return `${reason.replace(/_/g, ' ')}.`;
}

function setStatus(text: string): void {
  $('status').textContent = text;
}

function fail(message: string): void {
  const box = $('error');
  box.textContent = message;
  show(box, true);
}

function clearError(): void {
  show($('error'), false);
}

function upsert(list: HTMLElement, id: string): HTMLLIElement {
  const existing = document.getElementById(id);
  if (existing instanceof HTMLLIElement) return existing;
  const line = document.createElement('li');
  line.id = id;
  list.append(line);
  return line;
}

function item(text: string, className = ''): HTMLLIElement {
  const line = document.createElement('li');
  line.textContent = text;
  line.className = className;
  return line;
}

function who(name: string): HTMLElement {
  const label = document.createElement('span');
  label.className = 'who';
  label.textContent = `${name}: `;
  return label;
}

void start().catch((error: unknown) => fail(String((error as Error)?.message ?? error)));
