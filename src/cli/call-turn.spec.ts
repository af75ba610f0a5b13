import { CallTurn } from './call-turn.js';

const settled = async (turn: CallTurn) => {
  let done = false;
  void turn.answered.then(() => (done = true));
  await new Promise((resolve) => setImmediate(resolve));
  return done;
};

describe(CallTurn.name, () => {
  it('waits past a tool round and is answered by the response that speaks', async () => {
    const sut = new CallTurn();
    sut.responseDone({
      status: 'completed',
      output: [{ type: 'function_call', call_id: 'call_1' }],
    });
    expect(await settled(sut)).toBe(false);
    sut.responseDone({ status: 'completed', output: [{ type: 'message', role: 'assistant' }] });
    expect(await settled(sut)).toBe(true);
    expect(sut.toolCallIds).toEqual(['call_1']);
    expect(sut.unfinished).toBeUndefined();
  });

  it('is answered by a response that did not complete, and says why', async () => {
    const sut = new CallTurn();
    sut.responseDone({
      status: 'cancelled',
      status_details: { reason: 'turn_detected' },
      output: [],
    });
    expect(await settled(sut)).toBe(true);
    expect(sut.unfinished).toBe('cancelled: turn_detected');
  });

  it('takes a response without a body as a completed tool round', async () => {
    const sut = new CallTurn();
    sut.responseDone(undefined);
    expect(await settled(sut)).toBe(false);
  });
});
