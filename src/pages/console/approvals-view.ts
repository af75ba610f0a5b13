/**
 * Approvals: the queue (live), one action in full, and its decision. The approver sees exactly
 * what they approve (redacted arguments, the digest they send back, the policy that parked it,
 * the conversation's last lines) and what happened after.
 */
import { SessionEvents } from '../../client/session-events.js';
import { api, ApiError, currentCredential } from './console-api.js';
import { byId, h, timeLeft } from './dom.js';

interface Action {
  id: string;
  tool: string;
  status: string;
  statusReason: string | null;
  sessionId: string;
  toolCallId: string;
  requester: string;
  tenantId: string | null;
  arguments: Record<string, unknown>;
  digest: string;
  policy: string;
  approvalsRequired: number;
  approvals: number;
  createdAt: string;
  expiresAt: string;
  result: unknown;
  error: { code: string; message: string } | null;
  decisions: { approver: string; decision: string; comment: string | null; at: string }[];
  transcript?: { role: string; text: string; at: string }[];
}

const STATUSES = [
  'pending',
  'approved',
  'executed',
  'failed',
  'rejected',
  'expired',
  'rolled_back',
];

export class ApprovalsView {
  private selected?: string;
  private stream?: SessionEvents;
  private countdown?: ReturnType<typeof setInterval>;
  private refreshing?: ReturnType<typeof setTimeout>;
  /** Set once another area (or sign-out) took over: late answers must not touch the page. */
  private hidden = false;
  /** What the approver's last decision on each action came to: kept across live redraws. */
  private readonly said = new Map<string, string>();
  /** Each open() draws only if no later one started meanwhile (its answer would be staler). */
  private opens = 0;

  constructor(private readonly root: HTMLElement) {}

  async show(): Promise<void> {
    const filter = h(
      'select',
      { id: 'approval-status' },
      ...STATUSES.map((s) => h('option', { value: s }, s)),
    );
    filter.addEventListener('change', () => void this.refresh());
    this.root.replaceChildren(
      h('h2', {}, 'Approvals'),
      h('div', { class: 'row' }, h('label', { for: 'approval-status' }, 'Status'), filter),
      h('p', { id: 'approvals-status', role: 'status', 'aria-live': 'polite' }),
      h('table', { id: 'approvals-table' }),
      h('section', { id: 'approval-detail', 'aria-live': 'polite' }),
    );
    await this.refresh();
    if (!this.hidden) this.follow();
  }

  hide(): void {
    this.hidden = true;
    this.stream?.stop();
    clearInterval(this.countdown);
    clearTimeout(this.refreshing);
  }

  /** The queue changes on any replica: refresh on each event, a few at a time. */
  private follow(): void {
    this.stream?.stop();
    this.stream = new SessionEvents({
      url: `${location.origin}/v1/admin/approvals/stream`,
      getToken: currentCredential,
      onEvent: (event) => {
        clearTimeout(this.refreshing);
        this.refreshing = setTimeout(() => {
          void this.refresh();
          // Redrawn in place: the approver's focus stays where it is.
          if (event.data.actionId === this.selected && this.selected)
            void this.open(this.selected, false);
        }, 100);
      },
      onEnd: (end) => {
        if (this.hidden || end.why === 'stopped') return;
        const line = document.getElementById('approvals-status');
        if (line)
          line.textContent = 'The queue is no longer live: reload the page to follow it again.';
      },
    });
  }

  private async refresh(): Promise<void> {
    const status = byId<HTMLSelectElement>('approval-status').value;
    if (this.hidden) return;
    const { items } = await api<{ items: Action[] }>(
      'GET',
      `/v1/admin/approvals?status=${status}&limit=100`,
    );
    const table = document.getElementById('approvals-table');
    if (this.hidden || !table) return;
    table.replaceChildren(
      h(
        'caption',
        {},
        `${items.length} ${status} action${items.length === 1 ? '' : 's'}, oldest first`,
      ),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ...['Tool', 'Requester', 'Tenant', 'Status', 'Approvals', 'Expires', ''].map((c) =>
            h('th', { scope: 'col' }, c),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        ...items.map((action) => {
          const open = h('button', { type: 'button', 'data-action-id': action.id }, 'Open');
          open.addEventListener('click', () => void this.open(action.id));
          return h(
            'tr',
            { 'data-action-id': action.id },
            h('td', {}, action.tool),
            h('td', {}, action.requester),
            h('td', {}, action.tenantId ?? '—'),
            h('td', { class: action.status }, action.status),
            h('td', {}, `${action.approvals} of ${action.approvalsRequired}`),
            h('td', {}, action.status === 'pending' ? timeLeft(action.expiresAt) : '—'),
            h('td', {}, open),
          );
        }),
      ),
    );
  }

  private async open(id: string, focus = true): Promise<void> {
    this.selected = id;
    const mine = ++this.opens;
    const action = await api<Action>('GET', `/v1/admin/approvals/${id}`);
    if (this.hidden || mine !== this.opens) return;
    const detail = byId('approval-detail');
    const expires = h('dd', { id: 'approval-expires' }, timeLeft(action.expiresAt));
    clearInterval(this.countdown);
    if (action.status === 'pending')
      this.countdown = setInterval(() => (expires.textContent = timeLeft(action.expiresAt)), 1000);
    const parts: (HTMLElement | null)[] = [
      h('h3', { tabindex: '-1' }, `${action.tool} · ${action.status}`),
      h(
        'dl',
        {},
        ...pairs([
          ['Requested by', action.requester],
          ['Tenant', action.tenantId ?? '—'],
          ['Session', action.sessionId],
          ['Why it waits', action.policy],
          ['Approvals', `${action.approvals} of ${action.approvalsRequired}`],
        ]),
        h('dt', {}, 'Expires in'),
        expires,
        h('dt', {}, 'Digest you approve'),
        h('dd', {}, h('code', { id: 'approval-digest' }, action.digest)),
      ),
      h('h4', {}, 'Arguments (redacted where the tool says so)'),
      h('pre', { id: 'approval-arguments' }, JSON.stringify(action.arguments, null, 2)),
      h('h4', {}, 'The conversation, last lines'),
      h(
        'ol',
        { id: 'approval-transcript' },
        ...(action.transcript ?? []).map((line) =>
          h('li', {}, h('strong', {}, `${line.role}: `), line.text),
        ),
      ),
      action.decisions.length ? h('h4', {}, 'Decisions') : null,
      action.decisions.length
        ? h(
            'ul',
            {},
            ...action.decisions.map((d) =>
              h('li', {}, `${d.decision} by ${d.approver}${d.comment ? `: ${d.comment}` : ''}`),
            ),
          )
        : null,
      outcome(action),
      this.controls(action),
      h('p', { id: 'decision-status', role: 'status' }, this.said.get(action.id)),
    ];
    detail.replaceChildren(...parts.filter((part): part is HTMLElement => part !== null));
    if (focus) detail.querySelector('h3')?.focus();
  }

  private controls(action: Action): HTMLElement | null {
    if (action.status === 'pending') {
      const comment = h('input', { id: 'approve-comment', type: 'text', maxlength: '500' });
      const reason = h('input', { id: 'reject-reason', type: 'text', maxlength: '500' });
      const approve = h('button', { type: 'button' }, 'Approve');
      const reject = h('button', { type: 'button', class: 'danger' }, 'Reject');
      approve.addEventListener(
        'click',
        () =>
          void this.decide(action.id, 'approve', {
            digest: action.digest,
            ...(comment.value ? { comment: comment.value } : {}),
          }),
      );
      reject.addEventListener(
        'click',
        () => void this.decide(action.id, 'reject', { reason: reason.value }),
      );
      return h(
        'div',
        { class: 'decide' },
        h(
          'div',
          { class: 'row' },
          h('label', { for: 'approve-comment' }, 'Comment (optional)'),
          comment,
          approve,
        ),
        h(
          'div',
          { class: 'row' },
          h('label', { for: 'reject-reason' }, 'Reason the caller may hear'),
          reason,
          reject,
        ),
      );
    }
    if (action.status === 'executed') {
      const reason = h('input', { id: 'rollback-reason', type: 'text', maxlength: '500' });
      const rollback = h('button', { type: 'button', class: 'danger' }, 'Roll back');
      rollback.addEventListener(
        'click',
        () => void this.decide(action.id, 'rollback', { reason: reason.value }),
      );
      return h(
        'div',
        { class: 'row' },
        h('label', { for: 'rollback-reason' }, 'Why roll it back'),
        reason,
        rollback,
      );
    }
    return null;
  }

  private async decide(
    id: string,
    what: 'approve' | 'reject' | 'rollback',
    body: Record<string, string>,
  ): Promise<void> {
    const path =
      what === 'rollback'
        ? `/v1/admin/actions/${id}/rollback`
        : `/v1/admin/approvals/${id}/${what}`;
    // Kept for this action before anything redraws it: the live queue may do so at any moment.
    try {
      await api('POST', path, body);
      this.said.set(
        id,
        what === 'approve' ? 'Approved.' : what === 'reject' ? 'Rejected.' : 'Rolled back.',
      );
    } catch (error) {
      this.said.set(
        id,
        error instanceof ApiError ? `${error.code}: ${error.message}` : String(error),
      );
    }
    await this.refresh();
    await this.open(id);
  }
}

function pairs(entries: [string, string][]): HTMLElement[] {
  return entries.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]);
}

/** What happened after the decision: executed with its result, failed and why, rolled back. */
function outcome(action: Action): HTMLElement | null {
  if (action.error)
    return h('p', { class: 'failed' }, `Failed: ${action.error.code}: ${action.error.message}`);
  if (action.status === 'executed' || action.status === 'rolled_back')
    return h(
      'div',
      {},
      h('h4', {}, action.status === 'executed' ? 'Result' : 'Rolled back'),
      h('pre', {}, JSON.stringify(action.result, null, 2)),
    );
  if (action.statusReason) return h('p', {}, action.statusReason);
  return null;
}
