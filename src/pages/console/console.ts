/**
 * The operator console (`/console`): sign in with an operator API key or a staff JWT, then work.
 * Which areas appear is the server's decision: each is shown only when the credential may read
 * it (the API answers 403 otherwise), so the console never restates the access rules.
 */
import { ApprovalsView } from './approvals-view.js';
import { ApiError, mayRead, signedIn, signIn, signOut } from './console-api.js';
import { byId, h } from './dom.js';

interface Area {
  readonly id: string;
  readonly label: string;
  /** A read the credential must be allowed to make for the area to appear. */
  readonly probe: string;
  readonly view: (root: HTMLElement) => { show(): Promise<void>; hide(): void };
}

const AREAS: readonly Area[] = [
  {
    id: 'approvals',
    label: 'Approvals',
    probe: '/v1/admin/approvals?limit=1',
    view: (root) => new ApprovalsView(root),
  },
];

let current: { hide(): void } | undefined;
/** One sign-in at a time: a second submit while the areas are probed is ignored. */
let entering = false;

async function start(): Promise<void> {
  byId('sign-in').addEventListener('submit', (event) => {
    event.preventDefault();
    const input = byId<HTMLInputElement>('credential');
    signIn(input.value);
    // The secret does not stay in the page once it is used.
    input.value = '';
    void enter();
  });
  byId('sign-out').addEventListener('click', () => {
    current?.hide();
    signOut();
    showSignIn('Signed out.');
  });
  if (signedIn()) await enter();
  else showSignIn();
}

async function enter(): Promise<void> {
  if (entering) return;
  entering = true;
  try {
    await enterAreas();
  } finally {
    entering = false;
  }
}

async function enterAreas(): Promise<void> {
  let allowed: Area[];
  try {
    allowed = [];
    for (const area of AREAS) if (await mayRead(area.probe)) allowed.push(area);
  } catch (error) {
    signOut();
    const why = error instanceof ApiError ? `${error.code}: ${error.message}` : String(error);
    return showSignIn(`Sign-in failed (${why}).`);
  }
  byId('sign-in-section').hidden = true;
  byId('signed-in').hidden = false;
  const nav = byId('areas');
  nav.replaceChildren(
    ...allowed.map((area) => {
      const button = h('button', { type: 'button', 'data-area': area.id }, area.label);
      button.addEventListener('click', () => void open(area));
      return button;
    }),
  );
  if (allowed.length === 0) {
    byId('work').replaceChildren(
      h('p', {}, 'This credential may not use any area of the console.'),
    );
    return;
  }
  await open(allowed[0]);
}

async function open(area: Area): Promise<void> {
  current?.hide();
  for (const button of byId('areas').querySelectorAll('button'))
    button.setAttribute('aria-current', String(button.dataset.area === area.id));
  const view = area.view(byId('work'));
  current = view;
  await view.show();
}

function showSignIn(message = ''): void {
  byId('sign-in-section').hidden = false;
  byId('signed-in').hidden = true;
  byId('work').replaceChildren();
  byId('sign-in-message').textContent = message;
  byId('credential').focus();
}

void start().catch((error: unknown) => {
  byId('work').replaceChildren(
    h('p', { role: 'alert' }, String((error as Error)?.message ?? error)),
  );
});
