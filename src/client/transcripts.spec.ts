import { type TranscriptEvent, Transcripts } from './transcripts.js';

function feed(events: Record<string, unknown>[]): TranscriptEvent[] {
  const seen: TranscriptEvent[] = [];
  const transcripts = new Transcripts((event) => seen.push(event));
  for (const event of events) transcripts.observe(event);
  return seen;
}

describe('Transcripts', () => {
  it('shows a typed Realtime message once, whole, and ignores assistant and non-text items', () => {
    expect(
      feed([
        {
          type: 'conversation.item.added',
          item: {
            id: 'it_1',
            type: 'message',
            role: 'user',
            content: [{ type: 'input_text', text: 'Hello' }],
          },
        },
        {
          type: 'conversation.item.added',
          item: { id: 'it_2', type: 'message', role: 'user', content: [{ type: 'input_audio' }] },
        },
        { type: 'conversation.item.added', item: { id: 'it_3', type: 'function_call', name: 'x' } },
        { type: 'response.output_text.delta', item_id: 'it_4', delta: 'Hi' },
        { type: 'response.output_text.done', item_id: 'it_4', text: 'Hi!' },
      ]),
    ).toEqual([
      { id: 'it_1', role: 'user', text: 'Hello', final: true },
      { id: 'it_4', role: 'assistant', text: 'Hi', final: false },
      { id: 'it_4', role: 'assistant', text: 'Hi!', final: true },
    ]);
  });

  it('groups GPT-Live deltas into one line per speaker run, final when the other speaks or the session closes', () => {
    expect(
      feed([
        { type: 'session.input_transcript.delta', delta: 'Where is ' },
        { type: 'session.input_transcript.delta', delta: 'my order?' },
        { type: 'session.output_transcript.delta', delta: 'It shipped.' },
        { type: 'session.closed', reason: 'close_requested' },
      ]),
    ).toEqual([
      { id: 'live_user_1', role: 'user', text: 'Where is ', final: false },
      { id: 'live_user_1', role: 'user', text: 'Where is my order?', final: false },
      { id: 'live_user_1', role: 'user', text: 'Where is my order?', final: true },
      { id: 'live_assistant_2', role: 'assistant', text: 'It shipped.', final: false },
      { id: 'live_assistant_2', role: 'assistant', text: 'It shipped.', final: true },
    ]);
  });

  it('ignores events that are not transcripts, or lack what a line needs', () => {
    expect(
      feed([
        { type: 'response.done' },
        { type: 'response.output_audio_transcript.delta', delta: 'no item id' },
        { type: 'session.output_transcript.delta', delta: '' },
      ]),
    ).toEqual([]);
  });
});
