import { SwitchboardError } from '../client/errors.js';
import { CallOutput, describeFailure, type CallLine } from './test-call-output.js';

const URL_ = 'http://127.0.0.1:3000';

function printed(lines: CallLine[], json = false): string[] {
  const out: string[] = [];
  const sut = new CallOutput(json, (text) => out.push(text), URL_);
  for (const line of lines) sut.line(line);
  return out;
}

describe(CallOutput.name, () => {
  it('prints one readable line per thing', () => {
    expect(
      printed([
        { type: 'session', id: 'ses_1', agent: 'default', api: 'realtime' },
        { type: 'you', text: 'where is order 10042' },
        { type: 'tool', tool: 'lookup_order', toolCallId: 'call_1', outcome: 'executed' },
        { type: 'tool', tool: 'issue_refund', outcome: 'refused', code: 'TOOL_NOT_ALLOWED' },
        { type: 'tool', tool: 'issue_refund', outcome: 'pending_approval', actionId: 'act_1' },
        { type: 'approval', actionId: 'act_1', status: 'approved' },
        { type: 'knowledge', given: [{ title: 'Returns policy', version: 2 }] },
        { type: 'knowledge', withdrawn: [{ title: 'Returns', version: 1, reason: 'superseded' }] },
        { type: 'warning', reason: 'budget_warning' },
        { type: 'assistant', text: 'It shipped.' },
        { type: 'ended', state: 'revoked', reason: 'abuse' },
        { type: 'ended', state: 'ended', reason: 'user_ended' },
      ]),
    ).toEqual([
      'session: ses_1 (agent default, realtime)\n',
      'you: where is order 10042\n',
      'tool lookup_order: executed\n',
      'tool issue_refund: refused TOOL_NOT_ALLOWED\n',
      'tool issue_refund: pending_approval act_1\n',
      'approval act_1: approved\n',
      'knowledge: Returns policy v2\n',
      'knowledge withdrawn: Returns v1 (superseded)\n',
      'warning: budget_warning\n',
      'assistant: It shipped.\n',
      'ended: abuse (revoked)\n',
      'ended: user_ended\n',
    ]);
  });

  it('prints one JSON object per line with --json', () => {
    const line: CallLine = { type: 'tool', tool: 'lookup_order', outcome: 'executed' };
    expect(printed([line], true).map((text) => JSON.parse(text) as unknown)).toEqual([line]);
  });

  it('reports a failure on stderr, and on stdout too with --json', () => {
    const out: string[] = [];
    const err: string[] = [];
    const sut = new CallOutput(true, (text) => out.push(text), URL_);
    const error = new SwitchboardError('SESSION_LIMIT_REACHED', 'Too many.', 429);
    expect(sut.failure(error, (text) => err.push(text)).code).toBe('SESSION_LIMIT_REACHED');
    expect(err).toEqual(['cli: SESSION_LIMIT_REACHED: Too many.\n']);
    expect(out.map((text) => JSON.parse(text) as unknown)).toEqual([
      { type: 'error', code: 'SESSION_LIMIT_REACHED', message: 'Too many.' },
    ]);
  });
});

describe(describeFailure.name, () => {
  it('names what kept Switchboard from answering', () => {
    const refused = new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } });
    expect(describeFailure(refused, URL_)).toEqual({
      code: 'SWITCHBOARD_UNREACHABLE',
      message: `Switchboard is not reachable at ${URL_} (ECONNREFUSED).`,
    });
    const slow = Object.assign(new Error('aborted'), { name: 'TimeoutError' });
    expect(describeFailure(slow, URL_).code).toBe('SWITCHBOARD_TIMEOUT');
    expect(describeFailure(new Error('boom'), URL_)).toEqual({
      code: 'CALL_FAILED',
      message: 'boom',
    });
  });
});
