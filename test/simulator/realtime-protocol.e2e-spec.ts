import { startSimulator, type Scenario, type Simulator } from '../../src/simulator/index.js';
import type { RealtimeEvent } from '../support/event-stream.js';
import { RealtimeSocket } from '../support/realtime-socket.js';
import { createCallMultipart, inspectCall, simPost } from '../support/simulator-http.js';

type Json = Record<string, unknown>;

interface Item {
  id: string;
  object: string;
  type: string;
  status: string;
  role?: string;
  content?: Json[];
  call_id?: string;
  name?: string;
  arguments?: string;
  output?: string;
}

interface Usage {
  total_tokens: number;
  input_tokens: number;
  output_tokens: number;
  input_token_details: Json;
  output_token_details: { text_tokens: number; audio_tokens: number };
}

interface ResponseObject {
  object: string;
  id: string;
  status: string;
  status_details: { type: string; reason: string } | null;
  output: Item[];
  conversation_id: string | null;
  output_modalities: string[];
  usage: Usage | null;
}

const NO_TOOL_REPLY = 'I cannot do that from here.';
const GREETING = 'Hello from the protocol test scenario.';
const LONG_STORY = `Once upon a time ${Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ')}.`;

/** The "model" of these tests: every reply is a function of the user's text. */
const SCENARIO: Scenario = {
  name: 'realtime-protocol-e2e',
  greeting: GREETING,
  fallback: 'No rule matched.',
  noToolReply: NO_TOOL_REPLY,
  rules: [
    {
      when: { regex: '^order ([A-Z]+-\\d+) x(\\d+)$', flags: 'i' },
      callTools: [
        {
          name: 'place_order',
          arguments: { sku: '{{match.1}}', quantity: '{{match.2|number}}' },
        },
      ],
      afterTools: 'Order placed: {{output.place_order}}',
    },
    {
      when: { contains: 'escalate' },
      callTools: [{ name: 'escalate_to_human', arguments: { reason: '{{text}}' } }],
      afterTools: 'Escalated: {{outputs}}',
    },
    {
      when: { regex: '^force a refund of (\\d+(?:\\.\\d+)?)$' },
      callTools: [
        {
          name: 'issue_refund',
          arguments: { amount: '{{match.1|number}}', note: 'turn {{turn}}' },
        },
      ],
      ignoreSessionTools: true,
      afterTools: 'Refund: {{output.issue_refund}}',
    },
    { when: { contains: 'long story' }, say: LONG_STORY },
    { when: { regex: '^echo (.+)$', flags: 's' }, say: 'You said: {{match.1}}' },
  ],
};

const PLACE_ORDER = {
  type: 'function',
  name: 'place_order',
  description: 'Place an order',
  parameters: {
    type: 'object',
    properties: { sku: { type: 'string' }, quantity: { type: 'integer' } },
    required: ['sku', 'quantity'],
  },
};

/** The documented token rule: text = ceil(chars / 4); cached = 64-token blocks of the last input. */
const textTokens = (text: string): number => Math.ceil(text.length / 4);
const cachedBlocks = (now: number, before: number): number =>
  Math.floor(Math.min(now, before) / 64) * 64;

function expectedUsage(
  input: { text: number; audio: number },
  previous: { text: number; audio: number } | undefined,
  output: { text: number; audio: number },
): Usage {
  const cachedText = previous ? cachedBlocks(input.text, previous.text) : 0;
  const cachedAudio = previous ? cachedBlocks(input.audio, previous.audio) : 0;
  return {
    total_tokens: input.text + input.audio + output.text + output.audio,
    input_tokens: input.text + input.audio,
    output_tokens: output.text + output.audio,
    input_token_details: {
      text_tokens: input.text,
      audio_tokens: input.audio,
      image_tokens: 0,
      cached_tokens: cachedText + cachedAudio,
      cached_tokens_details: {
        text_tokens: cachedText,
        audio_tokens: cachedAudio,
        image_tokens: 0,
      },
    },
    output_token_details: { text_tokens: output.text, audio_tokens: output.audio },
  };
}

const responseOf = (event: RealtimeEvent): ResponseObject => event.response as ResponseObject;
const itemOf = (event: RealtimeEvent): Item => event.item as Item;

function openAIError(
  code: string | null,
  param: string | null,
  message: unknown = expect.any(String),
) {
  return { error: { message, type: 'invalid_request_error', param, code } };
}

describe('simulator: the Realtime protocol over HTTP and WebSocket', () => {
  let sim: Simulator;
  /** The simulator's clock for ephemeral keys; tests move it forward. */
  let clock = Date.now();
  const opened: RealtimeSocket[] = [];

  beforeAll(async () => {
    sim = await startSimulator({
      inspection: true,
      scenario: SCENARIO,
      speechMsPerChar: 50,
      timeScale: 0.05,
      now: () => clock,
    });
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((socket) => socket.closeAndWait()));
  });

  afterAll(async () => {
    await sim?.close();
  });

  /** A plain `?model=` session, greeted; closed after the test. */
  async function openSession(model = 'gpt-realtime'): Promise<{
    socket: RealtimeSocket;
    created: RealtimeEvent;
    conversation: RealtimeEvent;
  }> {
    const socket = await RealtimeSocket.open(sim.url, `model=${model}`, sim.apiKey);
    opened.push(socket);
    const created = await socket.stream.next('session.created');
    const conversation = await socket.stream.next('conversation.created');
    return { socket, created, conversation };
  }

  /** Adds a user `input_text` message and waits until the conversation holds it. */
  async function userSays(socket: RealtimeSocket, text: string): Promise<Item> {
    socket.send({
      type: 'conversation.item.create',
      item: { type: 'message', role: 'user', content: [{ type: 'input_text', text }] },
    });
    const done = await socket.stream.next(
      'conversation.item.done',
      (e) => (itemOf(e).content?.[0] as { text?: string } | undefined)?.text === text,
    );
    return itemOf(done);
  }

  /** `response.create`, then every event from its `response.created` to its `response.done`. */
  async function respond(
    socket: RealtimeSocket,
    response?: Json,
  ): Promise<{ response: ResponseObject; events: RealtimeEvent[] }> {
    socket.send({ type: 'response.create', ...(response ? { response } : {}) });
    return awaitResponse(socket);
  }

  async function awaitResponse(
    socket: RealtimeSocket,
  ): Promise<{ response: ResponseObject; events: RealtimeEvent[] }> {
    const created = await socket.stream.next('response.created');
    const id = responseOf(created).id;
    const done = await socket.stream.next('response.done', (e) => responseOf(e).id === id);
    const { events } = socket.stream;
    return {
      response: responseOf(done),
      events: events.slice(events.indexOf(created), events.indexOf(done) + 1),
    };
  }

  async function updateSession(socket: RealtimeSocket, session: Json): Promise<RealtimeEvent> {
    socket.send({ type: 'session.update', session: { type: 'realtime', ...session } });
    return socket.stream.next('session.updated');
  }

  async function mintKey(seconds: number): Promise<{ value: string; expires_at: number }> {
    const res = await simPost(sim, '/v1/realtime/client_secrets', {
      expires_after: { anchor: 'created_at', seconds },
      session: { type: 'realtime', instructions: 'From the key.' },
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { value: string; expires_at: number };
  }

  async function postSdp(apiKey: string, body: string, contentType = 'application/sdp') {
    return fetch(`${sim.url}/v1/realtime/calls`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': contentType },
      body,
    });
  }

  describe('a plain WebSocket session', () => {
    it('greets with session.created then conversation.created, with the model from the query', async () => {
      const { socket, created, conversation } = await openSession('gpt-realtime-2');
      expect(socket.stream.types().slice(0, 2)).toEqual([
        'session.created',
        'conversation.created',
      ]);
      expect(created.event_id).toMatch(/^event_/);
      expect(created.session).toMatchObject({
        type: 'realtime',
        object: 'realtime.session',
        id: expect.stringMatching(/^sess_/),
        model: 'gpt-realtime-2',
        output_modalities: ['audio'],
        tools: [],
        tool_choice: 'auto',
        audio: {
          input: { turn_detection: { type: 'server_vad', create_response: true } },
          output: { voice: 'alloy' },
        },
      });
      expect(conversation.conversation).toEqual({
        id: expect.stringMatching(/^conv_/),
        object: 'realtime.conversation',
      });
    });

    it('streams text turns in the GA event order, with usage and cached tokens by the documented rule', async () => {
      const { socket, conversation } = await openSession();
      const instructions = 'Answer briefly.';
      await updateSession(socket, { instructions });

      // Turn 1: long enough (> 64 tokens) for the next response to read part of it from the cache.
      const phrase = 'the quick brown fox jumps over the lazy dog '.repeat(6).trim();
      const user1 = `echo ${phrase}`;
      const userItem = await userSays(socket, user1);
      const first = await respond(socket);
      const reply1 = `You said: ${phrase}`;

      const types = first.events.map((e) => e.type);
      const audioDeltas = types.filter((t) => t === 'response.output_audio.delta').length;
      const transcriptDeltas = first.events.filter(
        (e) => e.type === 'response.output_audio_transcript.delta',
      );
      expect(transcriptDeltas.length).toBeGreaterThan(1);
      expect(audioDeltas).toBe(transcriptDeltas.length);
      const collapsed = types
        .filter((t) => t !== 'response.output_audio.delta')
        .filter((t, i, all) => !(t.endsWith('.delta') && all[i - 1] === t));
      expect(collapsed).toEqual([
        'response.created',
        'rate_limits.updated',
        'response.output_item.added',
        'conversation.item.added',
        'response.content_part.added',
        'response.output_audio_transcript.delta',
        'response.output_audio.done',
        'response.output_audio_transcript.done',
        'response.content_part.done',
        'conversation.item.done',
        'response.output_item.done',
        'response.done',
      ]);

      const [created, rateLimits, itemAdded, convAdded, partAdded] = first.events;
      expect(responseOf(created)).toMatchObject({
        object: 'realtime.response',
        id: first.response.id,
        status: 'in_progress',
        output: [],
        conversation_id: (conversation.conversation as Json).id,
        output_modalities: ['audio'],
        usage: null,
      });
      expect(rateLimits.rate_limits).toEqual([
        expect.objectContaining({ name: 'requests' }),
        expect.objectContaining({ name: 'tokens' }),
      ]);
      expect(itemAdded).toMatchObject({ response_id: first.response.id, output_index: 0 });
      expect(itemOf(itemAdded)).toMatchObject({
        type: 'message',
        role: 'assistant',
        status: 'in_progress',
      });
      expect(convAdded.previous_item_id).toBe(userItem.id);
      expect(itemOf(convAdded).id).toBe(itemOf(itemAdded).id);
      expect(partAdded).toMatchObject({
        response_id: first.response.id,
        item_id: itemOf(itemAdded).id,
        output_index: 0,
        content_index: 0,
        part: { type: 'audio', transcript: '' },
      });
      expect(transcriptDeltas.map((e) => e.delta).join('')).toBe(reply1);
      for (const delta of first.events.filter((e) => e.type === 'response.output_audio.delta'))
        expect(Buffer.from(delta.delta as string, 'base64').length).toBeGreaterThan(0);
      expect(
        first.events.find((e) => e.type === 'response.output_audio_transcript.done')?.transcript,
      ).toBe(reply1);

      expect(first.response.status).toBe('completed');
      expect(first.response.status_details).toBeNull();
      expect(first.response.output).toEqual([
        {
          id: itemOf(itemAdded).id,
          object: 'realtime.item',
          type: 'message',
          status: 'completed',
          role: 'assistant',
          content: [{ type: 'output_audio', transcript: reply1 }],
        },
      ]);
      const input1 = { text: textTokens(instructions) + textTokens(user1), audio: 0 };
      expect(first.response.usage).toEqual(
        expectedUsage(input1, undefined, { text: textTokens(reply1), audio: reply1.length }),
      );
      expect(first.response.usage?.input_tokens).toBe(71);

      // Turn 2: the spoken reply counts as audio input now; 64 text tokens come from the cache.
      const user2 = 'echo second turn';
      await userSays(socket, user2);
      const second = await respond(socket);
      const reply2 = 'You said: second turn';
      const input2 = { text: input1.text + textTokens(user2), audio: reply1.length };
      expect(second.response.usage).toEqual(
        expectedUsage(input2, input1, { text: textTokens(reply2), audio: reply2.length }),
      );
      expect(second.response.usage?.input_token_details.cached_tokens).toBe(64);

      // Turn 3, text only for this response: output_text events, no audio, cached audio too.
      const user3 = 'echo third';
      await userSays(socket, user3);
      const third = await respond(socket, { output_modalities: ['text'] });
      const reply3 = 'You said: third';
      const thirdTypes = third.events.map((e) => e.type);
      expect(thirdTypes.filter((t) => t.includes('audio'))).toEqual([]);
      expect(thirdTypes.filter((t) => !t.endsWith('.delta'))).toEqual([
        'response.created',
        'rate_limits.updated',
        'response.output_item.added',
        'conversation.item.added',
        'response.content_part.added',
        'response.output_text.done',
        'response.content_part.done',
        'conversation.item.done',
        'response.output_item.done',
        'response.done',
      ]);
      const textDeltas = third.events.filter((e) => e.type === 'response.output_text.delta');
      expect(textDeltas.length).toBeGreaterThan(0);
      expect(textDeltas.map((e) => e.delta).join('')).toBe(reply3);
      expect(third.events.find((e) => e.type === 'response.content_part.added')?.part).toEqual({
        type: 'text',
        text: '',
      });
      expect(third.events.find((e) => e.type === 'response.output_text.done')?.text).toBe(reply3);
      expect(third.events.find((e) => e.type === 'response.content_part.done')?.part).toEqual({
        type: 'text',
        text: reply3,
      });
      expect(third.response.output_modalities).toEqual(['text']);
      expect(third.response.output[0].content).toEqual([{ type: 'output_text', text: reply3 }]);
      const input3 = {
        text: input2.text + textTokens(user3),
        audio: reply1.length + reply2.length,
      };
      expect(third.response.usage).toEqual(
        expectedUsage(input3, input2, { text: textTokens(reply3), audio: 0 }),
      );
      expect(third.response.usage?.input_token_details.cached_tokens_details).toEqual({
        text_tokens: 64,
        audio_tokens: 256,
        image_tokens: 0,
      });
    });

    it('says the greeting when no user turn exists yet', async () => {
      const { socket } = await openSession();
      const { response } = await respond(socket);
      expect(response.output[0].content).toEqual([{ type: 'output_audio', transcript: GREETING }]);
    });
  });

  describe('client errors as error events', () => {
    const MODEL = 'gpt-realtime-mini';
    let socket: RealtimeSocket;
    let sequence = 0;

    beforeAll(async () => {
      socket = await RealtimeSocket.open(sim.url, `model=${MODEL}`, sim.apiKey);
      await socket.stream.next('conversation.created');
    });

    afterAll(async () => {
      await socket?.closeAndWait();
    });

    /** A valid event still works, and no further error came with it. */
    async function expectUsable(afterError: RealtimeEvent): Promise<void> {
      const instructions = `still usable ${++sequence}`;
      const eventId = `evt_usable_${sequence}`;
      socket.send({
        type: 'session.update',
        event_id: eventId,
        session: { type: 'realtime', instructions },
      });
      const updated = await socket.stream.next(
        'session.updated',
        (e) => (e.session as Json).instructions === instructions,
      );
      expect(updated.event_id).not.toBe(eventId);
      expect((updated.session as Json).model).toBe(MODEL);
      const { events } = socket.stream;
      const between = events.slice(events.indexOf(afterError) + 1, events.indexOf(updated));
      expect(between.filter((e) => e.type === 'error')).toEqual([]);
    }

    const CASES: {
      name: string;
      event?: Json;
      raw?: string;
      code: string;
      param: string | null;
      message?: string | RegExp;
    }[] = [
      {
        name: 'invalid JSON',
        raw: '{"type": "session.update", ',
        code: 'invalid_json',
        param: null,
      },
      {
        name: 'an event without a type',
        event: { session: { type: 'realtime' } },
        code: 'invalid_event',
        param: null,
        message: "The 'type' field is missing.",
      },
      {
        name: 'an unknown event type',
        event: { type: 'session.delete' },
        code: 'invalid_value',
        param: 'type',
        message: /^Invalid value: 'session\.delete'\. Supported values are: .*'response\.create'/,
      },
      {
        name: 'session.update without session.type',
        event: { type: 'session.update', session: { instructions: 'No type.' } },
        code: 'missing_required_parameter',
        param: 'session.type',
      },
      {
        name: 'session.update with an unknown field',
        event: { type: 'session.update', session: { type: 'realtime', temperature: 0.7 } },
        code: 'unknown_parameter',
        param: 'session.temperature',
      },
      {
        name: 'session.update changing the model',
        event: { type: 'session.update', session: { type: 'realtime', model: 'gpt-realtime' } },
        code: 'invalid_value',
        param: 'session.model',
      },
      {
        name: 'response.cancel with nothing active',
        event: { type: 'response.cancel' },
        code: 'response_cancel_not_active',
        param: null,
      },
      {
        name: 'a function_call_output for an unknown call_id',
        event: {
          type: 'conversation.item.create',
          item: { type: 'function_call_output', call_id: 'call_nobodyMadeThis', output: '{}' },
        },
        code: 'invalid_value',
        param: 'item.call_id',
      },
      {
        name: 'conversation.item.retrieve of an unknown item',
        event: { type: 'conversation.item.retrieve', item_id: 'item_doesNotExist' },
        code: 'item_not_found',
        param: 'item_id',
      },
      {
        name: 'input_audio_buffer.commit with an empty buffer',
        event: { type: 'input_audio_buffer.commit' },
        code: 'input_audio_buffer_commit_empty',
        param: null,
      },
      {
        name: 'output_audio_buffer.clear on a WebSocket session',
        event: { type: 'output_audio_buffer.clear' },
        code: 'invalid_value',
        param: 'type',
      },
    ];

    it.each(CASES)('answers $name in OpenAI’s error shape and stays usable', async (c) => {
      const eventId = `evt_client_${++sequence}`;
      if (c.raw !== undefined) socket.ws.send(c.raw);
      else socket.send({ event_id: eventId, ...c.event });
      const error = await socket.stream.next('error');
      expect(error).toEqual({
        type: 'error',
        event_id: expect.stringMatching(/^event_/),
        error: {
          type: 'invalid_request_error',
          code: c.code,
          message:
            c.message instanceof RegExp
              ? expect.stringMatching(c.message)
              : (c.message ?? expect.any(String)),
          param: c.param,
          event_id: c.raw !== undefined ? null : eventId,
        },
      });
      await expectUsable(error);
    });

    it('refuses a second response.create while one is active; exactly one response.done follows', async () => {
      const start = socket.stream.events.length;
      socket.send({ type: 'response.create', event_id: 'evt_first_create' });
      socket.send({ type: 'response.create', event_id: 'evt_second_create' });
      const created = await socket.stream.next('response.created');
      const error = await socket.stream.next('error');
      expect(error.error).toEqual({
        type: 'invalid_request_error',
        code: 'conversation_already_has_active_response',
        message: expect.stringContaining(responseOf(created).id),
        param: null,
        event_id: 'evt_second_create',
      });
      const done = await socket.stream.next('response.done');
      expect(responseOf(done)).toMatchObject({ id: responseOf(created).id, status: 'completed' });
      // A later round trip proves nothing more came of the refused create.
      await expectUsable(error);
      const since = socket.stream.events.slice(start);
      expect(since.filter((e) => e.type === 'response.created')).toHaveLength(1);
      expect(since.filter((e) => e.type === 'response.done')).toHaveLength(1);
    });
  });

  describe('response.cancel', () => {
    it('stops a streaming reply: response.done is cancelled with reason client_cancelled', async () => {
      const { socket } = await openSession();
      await userSays(socket, 'tell me a long story');
      socket.send({ type: 'response.create' });
      const created = await socket.stream.next('response.created');
      const id = responseOf(created).id;
      await socket.stream.next('response.output_audio_transcript.delta');

      // A cancel naming another response is refused; the reply keeps streaming.
      socket.send({
        type: 'response.cancel',
        event_id: 'evt_wrong_cancel',
        response_id: 'resp_other',
      });
      const refused = await socket.stream.next('error');
      expect(refused.error).toMatchObject({
        code: 'response_cancel_not_active',
        event_id: 'evt_wrong_cancel',
      });

      socket.send({ type: 'response.cancel', event_id: 'evt_cancel', response_id: id });
      const done = await socket.stream.next('response.done');
      const response = responseOf(done);
      expect(response).toMatchObject({
        id,
        status: 'cancelled',
        status_details: { type: 'cancelled', reason: 'client_cancelled' },
      });
      const events = socket.stream.events.slice(socket.stream.events.indexOf(created));
      const said = events
        .filter((e) => e.type === 'response.output_audio_transcript.delta')
        .map((e) => e.delta)
        .join('');
      expect(said.length).toBeGreaterThan(0);
      expect(said.length).toBeLessThan(LONG_STORY.length);
      expect(events.map((e) => e.type)).not.toContain('response.output_audio_transcript.done');
      const itemDone = events.find((e) => e.type === 'response.output_item.done');
      expect(itemOf(itemDone!)).toMatchObject({ status: 'incomplete' });
      expect(response.output).toEqual([
        expect.objectContaining({
          status: 'incomplete',
          content: [{ type: 'output_audio', transcript: said }],
        }),
      ]);
      expect(events.filter((e) => e.type === 'error')).toEqual([refused]);

      // The session takes a new response at once.
      await userSays(socket, 'echo after the cancel');
      const next = await respond(socket);
      expect(next.response.status).toBe('completed');
      expect(next.response.output[0].content).toEqual([
        { type: 'output_audio', transcript: 'You said: after the cancel' },
      ]);
    });
  });

  describe('scenario tool calls', () => {
    it('calls a session tool with templated arguments, then says afterTools with the output', async () => {
      const { socket } = await openSession();
      const updated = await updateSession(socket, { tools: [PLACE_ORDER] });
      expect(updated.session).toMatchObject({ tools: [PLACE_ORDER], tool_choice: 'auto' });

      await userSays(socket, 'order ABC-7 x3');
      const call = await respond(socket);
      const args = '{"sku":"ABC-7","quantity":3}';
      expect(call.response.status).toBe('completed');
      expect(call.response.output).toEqual([
        {
          id: expect.stringMatching(/^fc_/),
          object: 'realtime.item',
          type: 'function_call',
          status: 'completed',
          call_id: expect.stringMatching(/^call_/),
          name: 'place_order',
          arguments: args,
        },
      ]);
      const [item] = call.response.output;
      expect(JSON.parse(item.arguments!)).toEqual({ sku: 'ABC-7', quantity: 3 });
      const added = call.events.find((e) => e.type === 'response.output_item.added');
      expect(itemOf(added!)).toMatchObject({ status: 'in_progress', arguments: '' });
      const deltas = call.events.filter((e) => e.type === 'response.function_call_arguments.delta');
      expect(deltas.map((e) => e.delta).join('')).toBe(args);
      expect(deltas.every((e) => e.call_id === item.call_id && e.item_id === item.id)).toBe(true);
      expect(
        call.events.find((e) => e.type === 'response.function_call_arguments.done'),
      ).toMatchObject({
        response_id: call.response.id,
        item_id: item.id,
        output_index: 0,
        call_id: item.call_id,
        name: 'place_order',
        arguments: args,
      });
      const itemDone = call.events.find((e) => e.type === 'response.output_item.done');
      expect(itemOf(itemDone!)).toEqual(item);
      expect(call.response.usage?.output_token_details).toEqual({
        text_tokens: textTokens(`place_order${args}`),
        audio_tokens: 0,
      });

      const output = '{"order_id":"ord_42","eta":"Tuesday"}';
      socket.send({
        type: 'conversation.item.create',
        item: { type: 'function_call_output', call_id: item.call_id, output },
      });
      const stored = await socket.stream.next('conversation.item.done');
      expect(itemOf(stored)).toMatchObject({
        type: 'function_call_output',
        call_id: item.call_id,
        output,
      });
      expect(stored.previous_item_id).toBe(item.id);
      const reply = await respond(socket);
      expect(reply.response.output[0].content).toEqual([
        { type: 'output_audio', transcript: `Order placed: ${output}` },
      ]);
    });

    it('replies with text when the rule’s tool is not in the session', async () => {
      const { socket } = await openSession();
      await updateSession(socket, { tools: [PLACE_ORDER] });
      await userSays(socket, 'please escalate this');
      const { response, events } = await respond(socket);
      expect(response.output).toEqual([
        expect.objectContaining({
          type: 'message',
          content: [{ type: 'output_audio', transcript: NO_TOOL_REPLY }],
        }),
      ]);
      expect(events.filter((e) => e.type.startsWith('response.function_call'))).toEqual([]);
    });

    it('calls a tool the session lacks when the rule says ignoreSessionTools', async () => {
      const { socket } = await openSession();
      await userSays(socket, 'force a refund of 12.5');
      const { response } = await respond(socket);
      expect(response.output).toEqual([
        expect.objectContaining({
          type: 'function_call',
          status: 'completed',
          name: 'issue_refund',
          arguments: '{"amount":12.5,"note":"turn 1"}',
        }),
      ]);
      socket.send({
        type: 'conversation.item.create',
        item: { type: 'function_call_output', call_id: response.output[0].call_id, output: 'ok' },
      });
      await socket.stream.next('conversation.item.done');
      const reply = await respond(socket, { output_modalities: ['text'] });
      expect(reply.response.output[0].content).toEqual([
        { type: 'output_text', text: 'Refund: ok' },
      ]);
    });

    it('makes no tool call with tool_choice none, for one response or for the session', async () => {
      const { socket } = await openSession();
      await updateSession(socket, { tools: [PLACE_ORDER] });
      await userSays(socket, 'order XYZ-1 x2');
      const forbidden = await respond(socket, { tool_choice: 'none' });
      expect(forbidden.response.output).toEqual([
        expect.objectContaining({
          type: 'message',
          content: [{ type: 'output_audio', transcript: NO_TOOL_REPLY }],
        }),
      ]);
      // The override held for that response only: the session's "auto" calls the tool.
      const allowed = await respond(socket);
      expect(allowed.response.output).toEqual([
        expect.objectContaining({ type: 'function_call', name: 'place_order' }),
      ]);

      const { socket: other } = await openSession();
      const updated = await updateSession(other, { tools: [PLACE_ORDER], tool_choice: 'none' });
      expect((updated.session as Json).tool_choice).toBe('none');
      await userSays(other, 'order XYZ-1 x2');
      const { response } = await respond(other);
      expect(response.output.map((item) => item.type)).toEqual(['message']);
    });
  });

  describe('HTTP errors in OpenAI’s shape', () => {
    it('refuses an unknown key with 401 invalid_api_key, showing only a masked key', async () => {
      const wrong = 'sk-wrong-key-0123456789';
      const res = await simPost(
        sim,
        '/v1/realtime/client_secrets',
        { session: { type: 'realtime' } },
        wrong,
      );
      expect(res.status).toBe(401);
      const body = (await res.json()) as { error: Json };
      expect(body).toEqual(
        openAIError(
          'invalid_api_key',
          null,
          expect.stringMatching(/^Incorrect API key provided: sk-wr\*{8}6789\./),
        ),
      );
      expect(JSON.stringify(body)).not.toContain(wrong);
    });

    it('refuses a request without Authorization with 401', async () => {
      const res = await fetch(`${sim.url}/v1/realtime/client_secrets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ session: { type: 'realtime' } }),
      });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual(
        openAIError(null, null, expect.stringContaining("You didn't provide an API key.")),
      );
    });

    it('answers an unknown route with 404 Invalid URL', async () => {
      const res = await simPost(sim, '/v1/nope', {});
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual(openAIError(null, null, 'Invalid URL (POST /v1/nope)'));
    });

    it.each([5, 7201])('refuses client_secrets with expires_after.seconds %i', async (seconds) => {
      const res = await simPost(sim, '/v1/realtime/client_secrets', {
        expires_after: { anchor: 'created_at', seconds },
        session: { type: 'realtime' },
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual(openAIError('invalid_value', 'expires_after.seconds'));
    });

    it.each([10, 7200])('mints an ek_ key for expires_after.seconds %i', async (seconds) => {
      const key = await mintKey(seconds);
      expect(key).toMatchObject({
        value: expect.stringMatching(/^ek_[0-9a-f]{32}$/),
        expires_at: Math.floor(clock / 1000) + seconds,
        session: { type: 'realtime', object: 'realtime.session', instructions: 'From the key.' },
      });
    });

    it('refuses client_secrets whose session lacks type', async () => {
      const res = await simPost(sim, '/v1/realtime/client_secrets', {
        session: { model: 'gpt-realtime' },
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual(openAIError('missing_required_parameter', 'session.type'));
    });

    it('mints a key with the default session when the body has no session (it is optional)', async () => {
      const res = await simPost(sim, '/v1/realtime/client_secrets', {});
      expect(res.status).toBe(200);
      const body = (await res.json()) as { value: string; expires_at: number; session: unknown };
      expect(body.value).toMatch(/^ek_/);
      expect(body.expires_at).toBe(Math.floor(clock / 1000) + 600);
      expect(body.session).toMatchObject({ type: 'realtime', model: 'gpt-realtime', tools: [] });
    });

    it('refuses POST /v1/realtime/calls with text/plain', async () => {
      const res = await postSdp(sim.apiKey, 'v=0', 'text/plain');
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual(openAIError('unsupported_content_type', null));
    });

    it('refuses application/sdp with a standard key', async () => {
      const res = await postSdp(sim.apiKey, 'v=0');
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual(openAIError('invalid_auth_for_content_type', null));
    });

    it('refuses multipart with an ek_ key with 403', async () => {
      const key = await mintKey(60);
      const res = await createCallMultipart(sim, 'v=0', { type: 'realtime' }, key.value);
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual(openAIError('ephemeral_key_not_allowed', null));
    });

    it('takes an ek_ key for application/sdp until it expires, then answers 401', async () => {
      const key = await mintKey(10);
      const notAnOffer = 'v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n';
      // Authentication passes; the offer itself is what is refused.
      const before = await postSdp(key.value, notAnOffer);
      expect(before.status).toBe(400);
      expect(await before.json()).toEqual(openAIError('invalid_offer', 'sdp'));

      clock += 9_000;
      const stillValid = await postSdp(key.value, notAnOffer);
      expect(stillValid.status).toBe(400);
      expect(((await stillValid.json()) as { error: Json }).error.code).toBe('invalid_offer');

      clock += 1_000;
      const expired = await postSdp(key.value, notAnOffer);
      expect(expired.status).toBe(401);
      expect(await expired.json()).toEqual(openAIError('invalid_api_key', null));
    });

    it('refuses a sideband for an unknown call_id with HTTP 404 call_id_not_found', async () => {
      const refused = await RealtimeSocket.refusal(
        sim.url,
        'call_id=rtc_00000000000000000000000000000000',
        {
          authorization: `Bearer ${sim.apiKey}`,
        },
      );
      expect(refused).toEqual({
        status: 404,
        body: {
          error: {
            message: 'No session found for the provided call_id',
            type: 'invalid_request_error',
            param: '',
            code: 'call_id_not_found',
          },
        },
      });
    });

    it('refuses a sideband with an ek_ key (403) but takes the standard key for the same call', async () => {
      await openSession('gpt-realtime-sideband-target');
      const call = sim.calls.all().find((c) => c.session.model === 'gpt-realtime-sideband-target');
      expect(call?.state).toBe('active');
      const key = await mintKey(60);
      const refused = await RealtimeSocket.refusal(sim.url, `call_id=${call!.id}`, {
        authorization: `Bearer ${key.value}`,
      });
      expect(refused).toEqual({
        status: 403,
        body: openAIError('ephemeral_key_not_allowed', null),
      });
      const sideband = await RealtimeSocket.open(sim.url, `call_id=${call!.id}`, sim.apiKey);
      opened.push(sideband);
      sideband.send({
        type: 'conversation.item.retrieve',
        item_id: 'item_none',
        event_id: 'evt_sb',
      });
      const error = await sideband.stream.next('error');
      expect((error.error as Json).event_id).toBe('evt_sb');
    });

    it('refuses a WebSocket with both model and call_id (400) or without a key (401)', async () => {
      const both = await RealtimeSocket.refusal(
        sim.url,
        'model=gpt-realtime&call_id=rtc_00000000000000000000000000000000',
        { authorization: `Bearer ${sim.apiKey}` },
      );
      expect(both).toEqual({ status: 400, body: openAIError('invalid_value', null) });
      const anonymous = await RealtimeSocket.refusal(sim.url, 'model=gpt-realtime', {});
      expect(anonymous).toEqual({ status: 401, body: openAIError(null, null) });
    });
  });

  describe('inspection routes', () => {
    async function simGet(path: string): Promise<Response> {
      return fetch(`${sim.url}${path}`, { headers: { authorization: `Bearer ${sim.apiKey}` } });
    }

    async function findCall(model: string): Promise<Json> {
      const res = await simGet('/__sim/calls');
      expect(res.status).toBe(200);
      const { data } = (await res.json()) as { data: Json[] };
      const call = data.find((c) => c.model === model);
      expect(call).toBeDefined();
      return call!;
    }

    it('lists the session', async () => {
      const { created } = await openSession('gpt-realtime-inspected');
      expect(await findCall('gpt-realtime-inspected')).toEqual({
        id: expect.stringMatching(/^rtc_/),
        kind: 'websocket',
        state: 'active',
        created_at: expect.any(Number),
        model: (created.session as Json).model,
        ended_reason: null,
        sidebands: 0,
      });
    });

    it('injects a spoken turn with /say, and server_vad answers it on its own', async () => {
      const { socket } = await openSession('gpt-realtime-say');
      const call = await findCall('gpt-realtime-say');
      const start = socket.stream.events.length;
      const text = 'echo spoken words';
      const res = await simPost(sim, `/__sim/calls/${String(call.id)}/say`, { text });
      expect(res.status).toBe(202);
      const { response, events } = await awaitResponse(socket);

      const turn = socket.stream.events.slice(start, start + 5);
      expect(turn.map((e) => e.type)).toEqual([
        'input_audio_buffer.speech_started',
        'input_audio_buffer.speech_stopped',
        'input_audio_buffer.committed',
        'conversation.item.added',
        'conversation.item.done',
      ]);
      const [started, stopped, committed, added] = turn;
      expect(stopped.item_id).toBe(started.item_id);
      expect(committed).toMatchObject({ item_id: started.item_id, previous_item_id: null });
      expect(itemOf(added)).toMatchObject({
        id: started.item_id,
        type: 'message',
        role: 'user',
        content: [{ type: 'input_audio', transcript: null }],
      });
      const speechMs = (stopped.audio_end_ms as number) - (started.audio_start_ms as number);
      expect(speechMs).toBeGreaterThan(0);

      expect(events[0]).toBe(socket.stream.events[start + 5]);
      expect(response.status).toBe('completed');
      const reply = 'You said: spoken words';
      expect(response.output[0].content).toEqual([{ type: 'output_audio', transcript: reply }]);
      // User audio: one token per 100 ms of the turn.
      expect(response.usage).toEqual(
        expectedUsage({ text: 0, audio: Math.round(speechMs / 100) }, undefined, {
          text: textTokens(reply),
          audio: reply.length,
        }),
      );
      const inspected = await inspectCall(sim, String(call.id));
      expect(inspected.state).toBe('active');
      expect(inspected.events).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            direction: 'out',
            event: expect.objectContaining({ type: 'input_audio_buffer.committed' }),
          }),
        ]),
      );
    });

    it('does not answer a said turn when create_response is false', async () => {
      const { socket } = await openSession('gpt-realtime-say-quiet');
      await updateSession(socket, {
        audio: { input: { turn_detection: { type: 'server_vad', create_response: false } } },
      });
      const call = await findCall('gpt-realtime-say-quiet');
      const start = socket.stream.events.length;
      const res = await simPost(sim, `/__sim/calls/${String(call.id)}/say`, { text: 'echo hi' });
      expect(res.status).toBe(202);
      const committed = await socket.stream.next('input_audio_buffer.committed');
      socket.send({ type: 'conversation.item.retrieve', item_id: committed.item_id });
      const retrieved = await socket.stream.next('conversation.item.retrieved');
      // The real API returns the item with its audio (issue 12): the turn's duration of silence.
      expect(itemOf(retrieved).content).toEqual([
        { type: 'input_audio', transcript: 'echo hi', audio: expect.any(String) },
      ]);
      const types = socket.stream.events.slice(start).map((e) => e.type);
      expect(types.filter((t) => t.startsWith('response.'))).toEqual([]);
    });

    it('validates /say: empty text is 400, an unknown call is 404', async () => {
      await openSession('gpt-realtime-say-invalid');
      const call = await findCall('gpt-realtime-say-invalid');
      const empty = await simPost(sim, `/__sim/calls/${String(call.id)}/say`, { text: ' ' });
      expect(empty.status).toBe(400);
      expect(await empty.json()).toEqual(openAIError('invalid_value', 'text'));
      const unknown = await simPost(sim, '/__sim/calls/rtc_unknown/say', { text: 'hi' });
      expect(unknown.status).toBe(404);
      expect(((await unknown.json()) as { error: Json }).error.code).toBe('call_id_not_found');
    });
  });
});

describe('simulator: without inspection, with a short maximum call duration', () => {
  let sim: Simulator;

  beforeAll(async () => {
    sim = await startSimulator({ scenario: SCENARIO, maxCallDurationMs: 300 });
  });

  afterAll(async () => {
    await sim?.close();
  });

  it('answers /__sim routes with 404', async () => {
    const list = await fetch(`${sim.url}/__sim/calls`, {
      headers: { authorization: `Bearer ${sim.apiKey}` },
    });
    expect(list.status).toBe(404);
    expect(await list.json()).toEqual(openAIError(null, null, 'Invalid URL (GET /__sim/calls)'));
    const say = await simPost(sim, '/__sim/calls/rtc_any/say', { text: 'hi' });
    expect(say.status).toBe(404);
    expect(await say.json()).toEqual(
      openAIError(null, null, 'Invalid URL (POST /__sim/calls/rtc_any/say)'),
    );
  });

  it('ends a session at maxCallDurationMs with a session_expired error and closes the socket', async () => {
    const opened = Date.now();
    const socket = await RealtimeSocket.open(sim.url, 'model=gpt-realtime', sim.apiKey);
    try {
      await socket.stream.next('session.created');
      const error = await socket.stream.next('error', () => true, 5_000);
      expect(Date.now() - opened).toBeGreaterThanOrEqual(250);
      expect(error).toEqual({
        type: 'error',
        event_id: expect.stringMatching(/^event_/),
        error: {
          type: 'invalid_request_error',
          code: 'session_expired',
          message: 'Your session hit the maximum duration of 0.3 seconds.',
          param: null,
          event_id: null,
        },
      });
      await new Promise<void>((resolve) =>
        socket.closed ? resolve() : socket.ws.once('close', () => resolve()),
      );
      expect(socket.closed?.code).toBe(1000);
      expect(sim.calls.all().map((call) => call.endedReason)).toEqual(['max_duration']);
    } finally {
      await socket.closeAndWait();
    }
  });
});
