import type { AuditEntry } from '../audit/index.js';
import { sessionEventOf } from './session-event.js';

const entry = (action: string, data: Record<string, unknown>, subject = 'ses_1'): AuditEntry => ({
  seq: 7,
  at: '2026-12-04T00:00:00.000Z',
  actor: 'user:alice',
  action,
  subject,
  data,
  prevHash: 'p',
  hash: 'h',
});

describe(sessionEventOf.name, () => {
  it('gives a tool call its outcome and code, never its arguments', () => {
    expect(
      sessionEventOf(
        entry('tool.refused', {
          tool: 'lookup_order',
          toolCallId: 'call_1',
          code: 'INVALID_TOOL_ARGUMENTS',
          input: { orderNumber: '12' },
        }),
      ),
    ).toEqual({
      type: 'tool',
      tool: 'lookup_order',
      toolCallId: 'call_1',
      outcome: 'refused',
      code: 'INVALID_TOOL_ARGUMENTS',
    });
    expect(
      sessionEventOf(
        entry('tool.approval_requested', { tool: 'issue_refund', actionId: 'act_1', input: {} }),
      ),
    ).toMatchObject({ outcome: 'pending_approval', actionId: 'act_1' });
  });

  it('follows an action by its own entries, and says why a session ended', () => {
    expect(sessionEventOf(entry('action.executed', { result: 'x' }, 'act_1'))).toEqual({
      type: 'approval',
      actionId: 'act_1',
      status: 'executed',
    });
    expect(sessionEventOf(entry('session.revoked', { reason: 'budget', callId: 'c' }))).toEqual({
      type: 'ended',
      state: 'revoked',
      reason: 'budget',
    });
  });

  it('names the document versions given and withdrawn, without digests or chunk ids', () => {
    const given = sessionEventOf(
      entry('grounding.given', {
        digest: 'd',
        chunks: [
          { chunkId: '1', documentId: 'doc_a', version: 2, title: 'Returns', digest: 'x' },
          { chunkId: '2', documentId: 'doc_a', version: 2, title: 'Returns', digest: 'y' },
        ],
      }),
    );
    expect(given).toEqual({
      type: 'knowledge',
      given: [{ documentId: 'doc_a', version: 2, title: 'Returns' }],
    });
    expect(
      sessionEventOf(
        entry('grounding.withdrawn', {
          versions: [{ documentId: 'doc_a', version: 2, title: 'Returns', reason: 'retracted' }],
        }),
      ),
    ).toEqual({
      type: 'knowledge',
      withdrawn: [{ documentId: 'doc_a', version: 2, title: 'Returns', reason: 'retracted' }],
    });
  });

  it('keeps everything else from the page', () => {
    for (const action of [
      'session.opened',
      'session.tamper_detected',
      'grounding.answered',
      'api_key.created',
    ])
      expect(sessionEventOf(entry(action, { secret: 'x' }))).toBeUndefined();
  });
});
