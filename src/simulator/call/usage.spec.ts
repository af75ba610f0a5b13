import { Conversation, type ConversationItem } from './conversation.js';
import {
  assistantAudioTokens,
  buildUsage,
  countInput,
  textTokens,
  userAudioTokens,
} from './usage.js';

const message = (
  id: string,
  role: 'user' | 'assistant' | 'system',
  content: ConversationItem['content'],
): ConversationItem => ({
  id,
  object: 'realtime.item',
  type: 'message',
  status: 'completed',
  role,
  content,
});

describe(textTokens.name, () => {
  it.each([
    ['', 0],
    ['a', 1],
    ['abcd', 1],
    ['abcde', 2],
    ['x'.repeat(400), 100],
  ])('counts %p as %p tokens (a token per 4 characters, rounded up)', (text, tokens) => {
    expect(textTokens(text)).toBe(tokens);
  });
});

describe(userAudioTokens.name, () => {
  it('counts a token per 100 ms, rounded to the nearest', () => {
    expect(userAudioTokens(0)).toBe(0);
    expect(userAudioTokens(1000)).toBe(10);
    expect(userAudioTokens(149)).toBe(1);
    expect(userAudioTokens(150)).toBe(2);
  });
});

describe(assistantAudioTokens.name, () => {
  it('counts a token per 50 ms, rounded to the nearest', () => {
    expect(assistantAudioTokens(1000)).toBe(20);
    expect(assistantAudioTokens(74)).toBe(1);
    expect(assistantAudioTokens(75)).toBe(2);
  });
});

describe(countInput.name, () => {
  it('counts only the instructions for an empty conversation', () => {
    expect(countInput('abcdefgh', new Conversation())).toEqual({ text: 2, audio: 0 });
    expect(countInput('', new Conversation())).toEqual({ text: 0, audio: 0 });
  });

  it('counts text items, function calls and outputs as text, and audio items as audio', () => {
    const conversation = new Conversation();
    conversation.insert(message('typed', 'user', [{ type: 'input_text', text: 'hello' }]));
    conversation.insert({
      id: 'call',
      object: 'realtime.item',
      type: 'function_call',
      status: 'completed',
      call_id: 'call_1',
      name: 'lookup',
      arguments: '{"a":1}',
    });
    conversation.insert({
      id: 'out',
      object: 'realtime.item',
      type: 'function_call_output',
      status: 'completed',
      call_id: 'call_1',
      output: 'ok',
    });
    conversation.insert(
      message('spoken', 'user', [{ type: 'input_audio', transcript: 'a long transcript here' }]),
      undefined,
      { userAudioMs: 1000, assistantAudioMs: 0 },
    );
    conversation.insert(
      message('said', 'assistant', [{ type: 'output_audio', transcript: 'a reply transcript' }]),
      undefined,
      { userAudioMs: 0, assistantAudioMs: 1000 },
    );
    // instructions 2 + "hello" 2 + "lookup{"a":1}" 4 + "ok" 1; audio 1000 ms user + 1000 ms assistant
    expect(countInput('abcdefgh', conversation)).toEqual({ text: 9, audio: 30 });
  });

  it('counts audio attached after insertion and stops counting a deleted item', () => {
    const conversation = new Conversation();
    conversation.insert(message('spoken', 'user', [{ type: 'input_audio', transcript: 'abcd' }]));
    expect(countInput('', conversation)).toEqual({ text: 1, audio: 0 });
    conversation.setAudio('spoken', { userAudioMs: 500, assistantAudioMs: 0 });
    expect(countInput('', conversation)).toEqual({ text: 0, audio: 5 });
    conversation.delete('spoken');
    expect(countInput('', conversation)).toEqual({ text: 0, audio: 0 });
  });
});

describe(buildUsage.name, () => {
  it('adds input and output, with nothing cached for a first response', () => {
    expect(buildUsage({ text: 100, audio: 70 }, undefined, { text: 5, audio: 40 })).toEqual({
      total_tokens: 215,
      input_tokens: 170,
      output_tokens: 45,
      input_token_details: {
        text_tokens: 100,
        audio_tokens: 70,
        image_tokens: 0,
        cached_tokens: 0,
        cached_tokens_details: { text_tokens: 0, audio_tokens: 0, image_tokens: 0 },
      },
      output_token_details: { text_tokens: 5, audio_tokens: 40 },
    });
  });

  it('caches what the previous response read, in whole blocks of 64 tokens', () => {
    const usage = buildUsage(
      { text: 200, audio: 70 },
      { text: 130, audio: 300 },
      {
        text: 0,
        audio: 0,
      },
    );
    expect(usage.input_token_details.cached_tokens_details).toEqual({
      text_tokens: 128,
      audio_tokens: 64,
      image_tokens: 0,
    });
    expect(usage.input_token_details.cached_tokens).toBe(192);
    expect(usage.input_tokens).toBe(270);
  });

  it('caches nothing below one block', () => {
    const usage = buildUsage(
      { text: 63, audio: 10 },
      { text: 63, audio: 10 },
      {
        text: 1,
        audio: 0,
      },
    );
    expect(usage.input_token_details.cached_tokens).toBe(0);
  });
});
