import type { DelegatedTask, DelegatedToolResult } from '../../modules/delegations/index.js';
import { OrderDeskDelegate } from './order-desk.delegate.js';

/** A task whose tool answers as given, recording what the handler did. */
function taskSaying(words: string, answer: DelegatedToolResult) {
  const done: string[] = [];
  const task: DelegatedTask = {
    sessionId: 'ses_1',
    delegationId: 'dlg_1',
    agent: 'live_desk',
    transcript: [
      { role: 'user', text: 'Hi, order 99999 arrived.' },
      { role: 'assistant', text: 'Good to hear.' },
      { role: 'user', text: words },
    ],
    callTool: async (name, args) => {
      done.push(`call ${name} ${JSON.stringify(args)}`);
      return answer;
    },
    think: (text) => done.push(`think ${text}`),
    say: (text) => done.push(`say ${text}`),
  };
  return { task, done };
}

describe(OrderDeskDelegate.name, () => {
  const sut = new OrderDeskDelegate();

  it('looks up the order the caller named last and says its status', async () => {
    const { task, done } = taskSaying('And where is 10042?', {
      status: 'succeeded',
      output: { ok: true, result: { status: 'shipped', items: [{ name: 'Enamel mug' }] } },
    });
    await sut.handle(task);
    expect(done).toEqual([
      'think Looking up order 10042 for the caller.',
      'call lookup_order {"orderNumber":"10042"}',
      'say Order 10042 is shipped (Enamel mug).',
    ]);
  });

  it('says the refusal the pipeline gave, in its words', async () => {
    const { task, done } = taskSaying('where is 10042', {
      status: 'refused',
      output: {
        ok: false,
        error: { code: 'ORDER_NOT_FOUND', message: 'There is no order 10042.' },
      },
    });
    await sut.handle(task);
    expect(done.at(-1)).toBe('say There is no order 10042.');
  });

  it('asks for the number when the caller gave none, calling nothing', async () => {
    const { task, done } = taskSaying('where is my parcel', { status: 'failed', output: {} });
    await sut.handle(task);
    expect(done).toEqual(['say Which order number should I look up?']);
  });
});
