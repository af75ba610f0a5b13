import { OpenAIError } from '../protocol/openai-error.js';
import {
  Conversation,
  type ConversationItem,
  itemFromClient,
  itemNotFound,
  textOf,
} from './conversation.js';

const item = (id: string, text = id): ConversationItem => ({
  id,
  object: 'realtime.item',
  type: 'message',
  status: 'completed',
  role: 'user',
  content: [{ type: 'input_text', text }],
});

const errorOf = (run: () => unknown): OpenAIError => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(OpenAIError);
    return error as OpenAIError;
  }
  throw new Error('expected an OpenAIError');
};

const idsOf = (conversation: Conversation) => conversation.list().map((existing) => existing.id);

describe(Conversation.name, () => {
  it('appends by default and returns the id of the item before', () => {
    const conversation = new Conversation();
    expect(conversation.id).toMatch(/^conv_/);
    expect(conversation.lastItemId()).toBeNull();
    expect(conversation.insert(item('a'))).toBeNull();
    expect(conversation.insert(item('b'), null)).toBe('a');
    expect(idsOf(conversation)).toEqual(['a', 'b']);
    expect(conversation.lastItemId()).toBe('b');
  });

  it('inserts first for "root" and after a given previous item', () => {
    const conversation = new Conversation();
    conversation.insert(item('a'));
    conversation.insert(item('c'));
    expect(conversation.insert(item('first'), 'root')).toBeNull();
    expect(conversation.insert(item('b'), 'a')).toBe('a');
    expect(idsOf(conversation)).toEqual(['first', 'a', 'b', 'c']);
  });

  it('refuses an unknown previous item and a duplicate id, leaving the items unchanged', () => {
    const conversation = new Conversation();
    conversation.insert(item('a'));
    expect(errorOf(() => conversation.insert(item('b'), 'missing'))).toMatchObject({
      status: 400,
      type: 'invalid_request_error',
      code: 'item_not_found',
      param: 'previous_item_id',
      message: "Item with item_id 'missing' not found.",
    });
    expect(errorOf(() => conversation.insert(item('a')))).toMatchObject({
      code: 'duplicate_item_id',
      param: 'item.id',
    });
    expect(idsOf(conversation)).toEqual(['a']);
  });

  it('deletes an item and its audio, refusing an unknown id', () => {
    const conversation = new Conversation();
    conversation.insert(item('a'), undefined, { userAudioMs: 300, assistantAudioMs: 0 });
    expect(conversation.audioOf('a')).toEqual({ userAudioMs: 300, assistantAudioMs: 0 });
    conversation.delete('a');
    expect(conversation.get('a')).toBeUndefined();
    expect(conversation.audioOf('a')).toEqual({ userAudioMs: 0, assistantAudioMs: 0 });
    expect(errorOf(() => conversation.delete('a'))).toMatchObject(itemNotFound('a').toBody());
  });

  it('lists user turns as text, skipping other roles and item types', () => {
    const conversation = new Conversation();
    conversation.insert(item('typed', 'hello'));
    conversation.insert({ ...item('assistant'), role: 'assistant' });
    conversation.insert({
      ...item('spoken'),
      content: [{ type: 'input_audio', transcript: 'spoken words' }],
    });
    expect(conversation.userTurns().map((turn) => [turn.item.id, turn.text])).toEqual([
      ['typed', 'hello'],
      ['spoken', 'spoken words'],
    ]);
  });
});

describe(textOf.name, () => {
  it('joins text and transcripts, treating a null transcript as empty', () => {
    const message: ConversationItem = {
      ...item('m'),
      content: [
        { type: 'input_text', text: 'one' },
        { type: 'input_audio', transcript: null },
        { type: 'input_audio', transcript: 'two' },
      ],
    };
    expect(textOf(message)).toBe('one  two');
    expect(textOf({ ...message, content: undefined })).toBe('');
  });
});

describe(itemFromClient.name, () => {
  const withCall = () => {
    const conversation = new Conversation();
    conversation.insert(
      itemFromClient(
        { type: 'function_call', call_id: 'call_1', name: 'lookup', arguments: '{}' },
        conversation,
      ),
    );
    return conversation;
  };

  it('completes a message, keeping a client id or generating one', () => {
    const raw = { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'hi' }] };
    expect(itemFromClient({ ...raw, id: 'mine' }, new Conversation())).toEqual({
      id: 'mine',
      object: 'realtime.item',
      status: 'completed',
      type: 'message',
      role: 'user',
      content: [{ type: 'input_text', text: 'hi' }],
    });
    expect(itemFromClient({ ...raw, id: '' }, new Conversation()).id).toMatch(/^item_/);
  });

  it('accepts a function_call_output answering an existing function call', () => {
    expect(
      itemFromClient(
        { type: 'function_call_output', call_id: 'call_1', output: 'shipped' },
        withCall(),
      ),
    ).toMatchObject({ type: 'function_call_output', call_id: 'call_1', output: 'shipped' });
  });

  it('refuses a function_call_output whose call_id answers no function call', () => {
    const raw = { type: 'function_call_output', call_id: 'call_2', output: 'x' };
    expect(errorOf(() => itemFromClient(raw, withCall()))).toMatchObject({
      status: 400,
      code: 'invalid_value',
      param: 'item.call_id',
      message: "No tool call found for function call output with call_id 'call_2'.",
    });
  });

  it.each([
    ['no item', null, 'missing_required_parameter', 'item'],
    ['an unknown type', { type: 'note' }, 'invalid_value', 'item.type'],
    [
      'an unknown role',
      { type: 'message', role: 'bot', content: [] },
      'invalid_value',
      'item.role',
    ],
    [
      'content that is not a list',
      { type: 'message', role: 'user', content: 'hi' },
      'missing_required_parameter',
      'item.content',
    ],
    [
      'content not allowed for the role',
      {
        type: 'message',
        role: 'system',
        content: [{ type: 'input_text', text: 'a' }, { type: 'input_audio' }],
      },
      'invalid_value',
      'item.content[1].type',
    ],
    [
      'user text typed as assistant output',
      { type: 'message', role: 'user', content: [{ type: 'output_text', text: 'a' }] },
      'invalid_value',
      'item.content[0].type',
    ],
    [
      'a function call without arguments',
      { type: 'function_call', call_id: 'c', name: 'n' },
      'missing_required_parameter',
      'item.arguments',
    ],
    [
      'a function call output without output',
      { type: 'function_call_output', call_id: 'call_1' },
      'missing_required_parameter',
      'item.output',
    ],
  ])('refuses %s', (_label, raw, code, param) => {
    expect(errorOf(() => itemFromClient(raw, withCall()))).toMatchObject({
      status: 400,
      type: 'invalid_request_error',
      code,
      param,
    });
  });
});
