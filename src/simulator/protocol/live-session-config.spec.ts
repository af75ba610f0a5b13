import type OpenAI from 'openai';

import {
  estimateTokens,
  LIVE_BUILT_IN_VOICES,
  LIVE_CLIENT_EVENT_TYPES,
  LIVE_HOSTED_TOOL_TYPES,
  LIVE_SERVER_EVENT_TYPES,
  type LiveBuiltInVoice,
  type LiveClientEventType,
  type LiveServerEventType,
  type LiveSession,
  type LiveTransport,
  resolveLiveSession,
  validateLiveSessionConfig,
  validateLiveSessionUpdate,
} from './live-session-config.js';
import { OpenAIError } from './openai-error.js';

type Json = Record<string, unknown>;

const errorOf = (run: () => unknown): OpenAIError => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(OpenAIError);
    return error as OpenAIError;
  }
  throw new Error('expected an OpenAIError');
};

const refusalOf = (run: () => unknown) => {
  const error = errorOf(run);
  expect(error.status).toBe(400);
  expect(error.type).toBe('invalid_request_error');
  return { code: error.code, param: error.param, message: error.message };
};

const validate = (session: unknown, transport: LiveTransport = 'webrtc') =>
  validateLiveSessionConfig(session, { transport, param: 'session' }).session;
const refusal = (session: unknown, transport: LiveTransport = 'webrtc') =>
  refusalOf(() => validate(session, transport));
const live = (extra: Json = {}) => ({ model: 'gpt-live-1', ...extra });
const start = (session: Json, transport: LiveTransport = 'webrtc') =>
  resolveLiveSession(validateLiveSessionConfig(session, { transport }), {
    id: 'live_123',
    expiresAt: 1_750_000_000,
  });

/** `/work/shared/reference/gpt-live.md` §1: the WebRTC create request. */
const DOCS_CREATE_REQUEST = {
  session: {
    model: 'gpt-live-1',
    instructions: '…',
    input: [{ type: 'message', role: 'developer', content: [{ type: 'input_text', text: '…' }] }],
    audio: { output: { voice: 'marin' } },
    delegation: { type: 'client' },
    client: {
      data_channel: {
        allowed_client_events: [],
        allowed_server_events: [{ type: 'session.output_transcript.delta' }],
      },
    },
    store: false,
  },
  transport: { type: 'webrtc', sdp: '<SDP offer>' },
};

/** §3: the Responses delegation config. */
const DOCS_RESPONSES_DELEGATION = {
  type: 'responses',
  responses: {
    model: 'gpt-5.5',
    instructions: 'Use tools when current information is required.',
    max_output_tokens: 2048,
    service_tier: 'priority',
    reasoning: { effort: 'medium', summary: 'auto' },
    text: { verbosity: 'low' },
    tools: [
      { type: 'web_search' },
      {
        type: 'function',
        name: 'get_weather',
        description: 'Get current weather for a location.',
        parameters: {
          type: 'object',
          properties: { location: { type: 'string' } },
          required: ['location'],
          additionalProperties: false,
        },
      },
    ],
    tool_choice: 'auto',
    parallel_tool_calls: true,
  },
};

const responses = (settings: Json = {}, extra: Json = {}) =>
  live({
    delegation: { type: 'responses', responses: { model: 'gpt-5.5', ...settings }, ...extra },
  });
const withTools = (tools: unknown[]) => responses({ tools });
const withChoice = (tool_choice: unknown) => responses({ tool_choice });
const question = { type: 'predicate', instructions: 'Did the caller ask for a refund?' };
const decisions = (extra: Json = {}) =>
  live({
    delegation: { type: 'decisions', decisions: { model: 'gpt-5.5', questions: [question] } },
    ...extra,
  });
const message = (role: string, part: Json = { text: 'hi' }) => ({ role, content: [part] });
const dataChannel = (channel: Json) => live({ client: { data_channel: channel } });

describe(validateLiveSessionConfig.name, () => {
  describe('the documented examples', () => {
    it('accepts the create request of the reference (§1) as it is', () => {
      const session = validate(DOCS_CREATE_REQUEST.session);
      expect(session).toEqual(DOCS_CREATE_REQUEST.session);
    });

    it('accepts the Responses delegation example (§3) on every transport', () => {
      const session = live({ delegation: DOCS_RESPONSES_DELEGATION });
      expect(validate(session, 'webrtc')).toEqual(session);
      expect(validate(session, 'websocket')).toEqual(session);
      expect(validate({ type: 'live', ...session }, 'sip')).toEqual({ type: 'live', ...session });
    });

    it('accepts the SIP accept body (§5)', () => {
      const accept = {
        session: {
          type: 'live',
          model: 'gpt-live-1',
          instructions: '…',
          delegation: { type: 'client' },
          audio: { output: { voice: 'cedar' } },
        },
      };
      expect(validate(accept.session, 'sip')).toEqual(accept.session);
    });

    it('keeps the validated types assignable to the SDK request types', () => {
      const session: OpenAI.Live.SessionConfig = validate(live(), 'websocket');
      expect(session.model).toBe('gpt-live-1');
    });
  });

  it('returns a deep copy, so later changes to the request do not leak in', () => {
    const request = { model: 'm', audio: { output: { voice: 'ash' } }, input: [message('user')] };
    const session = validate(request);
    request.audio.output.voice = 'nova';
    request.input[0].content[0].text = 'changed';
    expect(session.audio?.output?.voice).toBe('ash');
    expect(session.input?.[0].content[0].text).toBe('hi');
  });

  it('refuses a non-object as invalid_type', () => {
    expect(refusal([])).toEqual({
      code: 'invalid_type',
      param: 'session',
      message: "Invalid type for 'session': expected an object, but got an array instead.",
    });
  });

  it('names params under the given prefix, or bare with an empty prefix', () => {
    const run = (param: string) => () =>
      validateLiveSessionConfig({}, { transport: 'webrtc', param });
    expect(refusalOf(run('body.session')).param).toBe('body.session.model');
    expect(refusalOf(run(''))).toMatchObject({
      param: 'model',
      message: "Missing required parameter: 'model'.",
    });
  });

  describe('model', () => {
    it('is required', () => {
      expect(refusal({ instructions: 'x' })).toEqual({
        code: 'missing_required_parameter',
        param: 'session.model',
        message: "Missing required parameter: 'session.model'.",
      });
    });

    it('takes any non-empty string', () => {
      expect(validate(live({ model: 'gpt-live-1.1' })).model).toBe('gpt-live-1.1');
      expect(refusal({ model: '' })).toMatchObject({
        code: 'invalid_value',
        param: 'session.model',
      });
      expect(refusal({ model: 1 })).toMatchObject({ code: 'invalid_type', param: 'session.model' });
    });
  });

  describe('unknown fields', () => {
    it.each([
      ['session.foo', live({ foo: 1 })],
      ['session.turn_detection', live({ turn_detection: null })],
      ['session.tools', live({ tools: [] })],
      ['session.audio.input', live({ audio: { input: {} } })],
      ['session.audio.output.speed', live({ audio: { output: { speed: 1 } } })],
      ['session.audio.output.voice.name', live({ audio: { output: { voice: { id: 'v', name: 'x' } } } })],
      ['session.input[0].content[0].annotations', live({ input: [message('user', { text: 'x', annotations: [] })] })],
      ['session.client.data_channel.allowed_events', dataChannel({ allowed_events: 'all' })],
      ['session.client.data_channel.allowed_server_events[0].filter', dataChannel({ allowed_server_events: [{ type: 'error', filter: 1 }] })],
      ['session.delegation.turns', live({ delegation: { type: 'client', turns: 1 } })],
      ['session.delegation.responses.temperature', responses({ temperature: 1 })],
      ['session.delegation.responses.reasoning.budget', responses({ reasoning: { budget: 1 } })],
      ['session.delegation.responses.tools[0].returns', withTools([{ type: 'function', name: 'f', returns: {} }])],
      ['session.delegation.responses.tool_choice.server', withChoice({ type: 'function', name: 'f', server: 'x' })],
      ['session.delegation.decisions.questions[0].weight', live({ delegation: { type: 'decisions', decisions: { model: 'm', questions: [{ ...question, weight: 1 }] } } })],
      ['session.triggers[0].decisions.model', live({ triggers: [{ type: 'decisions', event_type: 'session.input_transcript.delta', decisions: { model: 'm', questions: [] } }] })],
    ])('refuses %s', (param, session) => {
      expect(refusal(session, 'webrtc')).toEqual({
        code: 'unknown_parameter',
        param,
        message: `Unknown parameter: '${param}'.`,
      });
    }); // prettier-ignore

    it('reports a misspelt required field as the typo, not as missing', () => {
      expect(refusal({ modle: 'gpt-live-1' })).toMatchObject({
        code: 'unknown_parameter',
        param: 'session.modle',
      });
    });
  });

  describe('audio.format', () => {
    it.each([
      { type: 'audio/pcm', rate: 16000 },
      { type: 'audio/pcm', rate: 24000 },
      { type: 'audio/pcmu', rate: 8000 },
      { type: 'audio/pcma', rate: 8000 },
    ])('accepts %j on a primary WebSocket', (format) => {
      expect(validate(live({ audio: { format } }), 'websocket').audio?.format).toEqual(format);
    });

    it.each([
      [{ type: 'audio/pcm', rate: 8000 }, 'session.audio.format.rate'],
      [{ type: 'audio/pcmu', rate: 16000 }, 'session.audio.format.rate'],
      [{ type: 'audio/opus', rate: 48000 }, 'session.audio.format.type'],
    ])('refuses %j', (format, param) => {
      const { code, message } = refusal(live({ audio: { format } }), 'websocket');
      expect({ code, param }).toEqual({ code: 'invalid_value', param });
      expect(message).toMatch(new RegExp(`^Invalid value for '${param}': .*Supported values are`));
    });

    it('requires the rate, as the types do', () => {
      expect(refusal(live({ audio: { format: { type: 'audio/pcm' } } }), 'websocket')).toEqual({
        code: 'missing_required_parameter',
        param: 'session.audio.format.rate',
        message: "Missing required parameter: 'session.audio.format.rate'.",
      });
    });

    it.each(['webrtc', 'sip'] as const)('is refused on %s, which negotiates media', (transport) => {
      const format = { type: 'audio/pcm', rate: 24000 };
      const session = {
        ...(transport === 'sip' && { type: 'live' }),
        ...live({ audio: { format } }),
      };
      const { code, param, message } = refusal(session, transport);
      expect({ code, param }).toEqual({ code: 'unknown_parameter', param: 'session.audio.format' });
      expect(message).toContain('WebRTC and SIP negotiate their media format');
    });
  });

  describe('audio.output.voice', () => {
    it('accepts every built-in voice and a custom voice id', () => {
      for (const voice of LIVE_BUILT_IN_VOICES) {
        expect(validate(live({ audio: { output: { voice } } })).audio?.output?.voice).toBe(voice);
      }
      const custom = { id: 'voice_123' };
      expect(validate(live({ audio: { output: { voice: custom } } })).audio?.output?.voice).toEqual(
        custom,
      );
    });

    it('refuses an unknown built-in name, listing the voices', () => {
      const { code, param, message } = refusal(live({ audio: { output: { voice: 'nova' } } }));
      expect({ code, param }).toEqual({
        code: 'invalid_value',
        param: 'session.audio.output.voice',
      });
      expect(message).toContain("'nova'");
      expect(message).toContain("'marin'");
      expect(message).toContain('custom voice');
    });

    it('refuses a custom voice without an id, and a voice of the wrong type', () => {
      expect(refusal(live({ audio: { output: { voice: {} } } }))).toMatchObject({
        code: 'missing_required_parameter',
        param: 'session.audio.output.voice.id',
      });
      expect(refusal(live({ audio: { output: { voice: { id: '' } } } }))).toMatchObject({
        code: 'invalid_value',
        param: 'session.audio.output.voice.id',
      });
      expect(refusal(live({ audio: { output: { voice: 7 } } }))).toMatchObject({
        code: 'invalid_type',
        param: 'session.audio.output.voice',
      });
    });
  });

  describe('instructions', () => {
    it('takes a string or null', () => {
      expect(validate(live({ instructions: null })).instructions).toBeNull();
      expect(refusal(live({ instructions: ['x'] }))).toEqual({
        code: 'invalid_type',
        param: 'session.instructions',
        message:
          "Invalid type for 'session.instructions': expected a string, but got an array instead.",
      });
    });

    it('takes at most 16,384 tokens', () => {
      const limit = 'a'.repeat(16_384 * 4);
      expect(validate(live({ instructions: limit })).instructions).toBe(limit);
      const { code, param, message } = refusal(live({ instructions: `${limit}a` }));
      expect({ code, param }).toEqual({ code: 'invalid_value', param: 'session.instructions' });
      expect(message).toContain('16385 tokens');
      expect(message).toContain('at most 16384');
    });
  });

  describe('input', () => {
    it('accepts each role with its own text part types, id and status', () => {
      const input = [
        { type: 'message', role: 'developer', content: [{ type: 'input_text', text: 'a' }] },
        { role: 'user', id: 'msg_1', status: 'completed', content: [{ text: 'b' }] },
        message('assistant', { type: 'text', text: 'c' }),
        message('assistant', { type: 'output_text', text: 'd' }),
        { ...message('assistant'), id: null, status: 'incomplete' },
      ];
      expect(validate(live({ input })).input).toEqual(input);
    });

    it.each([
      ['developer', { type: 'output_text', text: 'x' }],
      ['user', { type: 'text', text: 'x' }],
      ['assistant', { type: 'input_text', text: 'x' }],
    ])('refuses a %s message with a %j part', (role, part) => {
      expect(refusal(live({ input: [message(role, part)] }))).toMatchObject({
        code: 'invalid_value',
        param: 'session.input[0].content[0].type',
      });
    });

    it('refuses other roles and item types', () => {
      expect(refusal(live({ input: [message('system')] }))).toMatchObject({
        code: 'invalid_value',
        param: 'session.input[0].role',
      });
      expect(
        refusal(live({ input: [{ ...message('user'), type: 'function_call' }] })),
      ).toMatchObject({
        code: 'invalid_value',
        param: 'session.input[0].type',
      });
      expect(refusal(live({ input: [{ content: [{ text: 'x' }] }] }))).toMatchObject({
        code: 'missing_required_parameter',
        param: 'session.input[0].role',
      });
    });

    it.each([0, 2])('refuses %i text parts: exactly one is required', (count) => {
      const content = Array.from({ length: count }, () => ({ text: 'x' }));
      const { code, param, message: text } = refusal(live({ input: [{ role: 'user', content }] }));
      expect({ code, param }).toEqual({ code: 'invalid_value', param: 'session.input[0].content' });
      expect(text).toContain('exactly one text part');
    });

    it('takes at most 128 messages', () => {
      const input = Array.from({ length: 128 }, () => message('user'));
      expect(validate(live({ input })).input).toHaveLength(128);
      expect(refusal(live({ input: [...input, message('user')] }))).toEqual({
        code: 'array_above_max_length',
        param: 'session.input',
        message:
          "Invalid 'session.input': array too long. Expected an array with maximum length 128, but got an array with length 129 instead.",
      });
    });

    it('takes at most 8,192 tokens in all', () => {
      const half = 'a'.repeat(4_096 * 4);
      const input = [message('user', { text: half }), message('assistant', { text: half })];
      expect(validate(live({ input })).input).toHaveLength(2);
      input.push(message('user', { text: 'a' }));
      const { code, param, message: text } = refusal(live({ input }));
      expect({ code, param }).toEqual({ code: 'invalid_value', param: 'session.input' });
      expect(text).toContain('at most 8192');
    });
  });

  describe('delegation', () => {
    it('takes null, client (with an acknowledgement delay) and decisions', () => {
      expect(validate(live({ delegation: null })).delegation).toBeNull();
      const client = { type: 'client', acknowledgement_delay_ms: 250 };
      expect(validate(live({ delegation: client })).delegation).toEqual(client);
      expect(validate(decisions()).delegation).toMatchObject({ type: 'decisions' });
    });

    it('refuses an unknown delegation type', () => {
      const { code, param, message } = refusal(live({ delegation: { type: 'agents' } }));
      expect({ code, param }).toEqual({ code: 'invalid_value', param: 'session.delegation.type' });
      expect(message).toContain("Supported values are: 'client', 'responses', 'decisions'.");
    });

    it('refuses a negative or fractional acknowledgement delay', () => {
      const param = 'session.delegation.acknowledgement_delay_ms';
      const delay = (ms: number) =>
        live({ delegation: { type: 'client', acknowledgement_delay_ms: ms } });
      expect(refusal(delay(-1))).toMatchObject({ code: 'invalid_value', param });
      expect(refusal(delay(1.5))).toMatchObject({ code: 'invalid_type', param });
    });

    it('requires the Responses backend and its model', () => {
      expect(refusal(live({ delegation: { type: 'responses' } }))).toMatchObject({
        code: 'missing_required_parameter',
        param: 'session.delegation.responses',
      });
      expect(refusal(live({ delegation: { type: 'responses', responses: {} } }))).toEqual({
        code: 'missing_required_parameter',
        param: 'session.delegation.responses.model',
        message: "Missing required parameter: 'session.delegation.responses.model'.",
      });
    });

    it.each([
      ['service_tier', 'turbo'],
      ['reasoning', { effort: 'maximal' }],
      ['text', { verbosity: 'terse' }],
      ['max_output_tokens', 0],
    ])('refuses responses.%s = %j', (field, value) => {
      const { code, param } = refusal(responses({ [field]: value }));
      expect(code).toBe('invalid_value');
      expect(param).toMatch(new RegExp(`^session\\.delegation\\.responses\\.${field}`));
    });

    it('takes null for every nullable Responses setting', () => {
      const settings = {
        instructions: null,
        max_output_tokens: null,
        parallel_tool_calls: null,
        reasoning: null,
        service_tier: null,
        text: null,
      };
      expect(validate(responses(settings)).delegation).toMatchObject({ responses: settings });
    });
  });

  describe('Responses tools', () => {
    it('accepts a function tool with every optional field', () => {
      const tool = {
        type: 'function',
        name: 'lookup-order_2',
        description: null,
        parameters: { type: 'object', properties: { id: { type: 'string' } } },
        strict: true,
      };
      expect(validate(withTools([tool])).delegation).toMatchObject({
        responses: { tools: [tool] },
      });
    });

    it.each(['get weather', '', 'a'.repeat(65), 'naïve'])('refuses the name %j', (name) => {
      const { code, param, message } = refusal(withTools([{ type: 'function', name }]));
      expect({ code, param }).toEqual({
        code: 'invalid_value',
        param: 'session.delegation.responses.tools[0].name',
      });
      expect(message).toContain('^[a-zA-Z0-9_-]{1,64}$');
    });

    it('refuses a function name used twice', () => {
      const tool = { type: 'function', name: 'lookup' };
      const { code, param, message } = refusal(withTools([tool, { type: 'web_search' }, tool]));
      expect({ code, param }).toEqual({
        code: 'invalid_value',
        param: 'session.delegation.responses.tools[2].name',
      });
      expect(message).toContain("'lookup'");
    });

    it('refuses parameters that are not a JSON Schema', () => {
      const tool = { type: 'function', name: 'f', parameters: { type: 'objekt' } };
      expect(refusal(withTools([tool]))).toMatchObject({
        code: 'invalid_function_parameters',
        param: 'session.delegation.responses.tools[0].parameters',
      });
    });

    it('accepts every hosted tool type by type, passing its fields through', () => {
      const hosted = LIVE_HOSTED_TOOL_TYPES.map((type) => ({ type, server_label: 'anything' }));
      expect(validate(withTools(hosted)).delegation).toMatchObject({
        responses: { tools: hosted },
      });
    });

    it.each(['web_search_preview', 'retrieval'])('refuses the tool type %j', (type) => {
      expect(refusal(withTools([{ type }]))).toMatchObject({
        code: 'invalid_value',
        param: 'session.delegation.responses.tools[0].type',
      });
    });
  });

  describe('Responses tool_choice', () => {
    it.each([
      'auto',
      'none',
      'required',
      { type: 'function', name: 'lookup' },
      { type: 'custom', name: 'grammar' },
      { type: 'mcp', name: 'search', server_label: 'crm' },
      { type: 'web_search_preview' },
      { type: 'apply_patch' },
      { type: 'allowed_tools', mode: 'required', tools: [{ type: 'function', name: 'a' }, { type: 'shell' }] },
    ])('accepts %j', (tool_choice) => {
      expect(validate(withChoice(tool_choice)).delegation).toMatchObject({ responses: { tool_choice } });
    }); // prettier-ignore

    it.each([
      ['sometimes', 'invalid_value', 'session.delegation.responses.tool_choice'],
      [{ type: 'mcp', server_label: 'crm' }, 'missing_required_parameter', 'session.delegation.responses.tool_choice.name'],
      [{ type: 'function' }, 'missing_required_parameter', 'session.delegation.responses.tool_choice.name'],
      [{ type: 'allowed_tools', tools: [{ type: 'allowed_tools', tools: [] }] }, 'invalid_value', 'session.delegation.responses.tool_choice.tools[0].type'],
      [{ type: 'allowed_tools', tools: [], mode: 'any' }, 'invalid_value', 'session.delegation.responses.tool_choice.mode'],
    ])('refuses %j', (tool_choice, code, param) => {
      expect(refusal(withChoice(tool_choice))).toMatchObject({ code, param });
    }); // prettier-ignore
  });

  describe('Decisions delegation and triggers', () => {
    it('accepts every question type and instruction part', () => {
      const questions = [
        {
          type: 'choice',
          name: 'intent',
          choices: [{ value: 'refund', description: 'Wants money back' }, { value: false }],
          instructions: [
            { type: 'input_text', text: 'Classify.' },
            { type: 'input_image', image_url: 'https://example.com/a.png', detail: 'low' },
            { type: 'input_json', data: [{ order: 1 }] },
          ],
        },
        question,
        { type: 'score', levels: [{ label: 'calm' }, { label: 'angry' }], instructions: 'Mood.' },
      ];
      const delegation = { type: 'decisions', decisions: { model: 'gpt-5.5', questions } };
      expect(validate(live({ delegation })).delegation).toEqual(delegation);
    });

    it.each([
      [{ model: 'm' }, 'missing_required_parameter', 'session.delegation.decisions.questions'],
      [{ model: 'm', questions: [{ type: 'choice', instructions: 'x' }] }, 'missing_required_parameter', 'session.delegation.decisions.questions[0].choices'],
      [{ model: 'm', questions: [{ type: 'ranking', instructions: 'x' }] }, 'invalid_value', 'session.delegation.decisions.questions[0].type'],
      [{ model: 'm', questions: [{ ...question, instructions: 3 }] }, 'invalid_type', 'session.delegation.decisions.questions[0].instructions'],
      [{ model: 'm', questions: [{ ...question, instructions: [{ type: 'input_image', image_url: 'x', detail: 'max' }] }] }, 'invalid_value', 'session.delegation.decisions.questions[0].instructions[0].detail'],
      [{ model: 'm', questions: [{ type: 'choice', instructions: 'x', choices: [{ value: 1 }] }] }, 'invalid_type', 'session.delegation.decisions.questions[0].choices[0].value'],
    ])('refuses decisions %j', (decisionsConfig, code, param) => {
      expect(refusal(live({ delegation: { type: 'decisions', decisions: decisionsConfig } }))).toMatchObject({ code, param });
    }); // prettier-ignore

    const trigger = (event_type: string) => ({
      type: 'decisions',
      event_type,
      decisions: { questions: [question] },
    });

    it('accepts one trigger per transcript event type', () => {
      const triggers = [
        trigger('session.input_transcript.delta'),
        trigger('session.output_transcript.delta'),
      ];
      expect(validate(live({ triggers })).triggers).toEqual(triggers);
    });

    it('refuses a second trigger for the same event type, and other event types', () => {
      const twice = [trigger('session.input_transcript.delta'), trigger('session.input_transcript.delta')];
      const { code, param, message } = refusal(live({ triggers: twice }));
      expect({ code, param }).toEqual({ code: 'invalid_value', param: 'session.triggers[1].event_type' });
      expect(message).toContain('At most one trigger per transcript event type');
      expect(refusal(live({ triggers: [trigger('session.updated')] }))).toMatchObject({
        code: 'invalid_value',
        param: 'session.triggers[0].event_type',
      });
    }); // prettier-ignore
  });

  describe('client.data_channel', () => {
    it("accepts 'all', an empty array and lists of known events", () => {
      const channel = {
        allowed_client_events: ['session.input_audio.mute', 'session.close'],
        allowed_server_events: [
          { type: 'session.output_transcript.delta' },
          { type: 'response.event', response_event: 'response.output_text.delta' },
        ],
      };
      expect(validate(dataChannel(channel)).client).toEqual({ data_channel: channel });
      const open = { allowed_client_events: 'all', allowed_server_events: [] };
      expect(validate(dataChannel(open)).client).toEqual({ data_channel: open });
    });

    it('requires data_channel inside client', () => {
      expect(refusal(live({ client: {} }))).toMatchObject({
        code: 'missing_required_parameter',
        param: 'session.client.data_channel',
      });
    });

    it('refuses unknown client event types, by index', () => {
      const channel = { allowed_client_events: ['session.close', 'response.cancel'] };
      const { code, param, message } = refusal(dataChannel(channel));
      expect({ code, param }).toEqual({
        code: 'invalid_value',
        param: 'session.client.data_channel.allowed_client_events[1]',
      });
      expect(message).toContain("'response.cancel'");
    });

    it("refuses a string other than 'all', and other types", () => {
      const param = 'session.client.data_channel.allowed_client_events';
      expect(refusal(dataChannel({ allowed_client_events: 'none' }))).toMatchObject({
        code: 'invalid_value',
        param,
      });
      expect(refusal(dataChannel({ allowed_client_events: { type: 'x' } }))).toMatchObject({
        code: 'invalid_type',
        param,
      });
    });

    it('requires response_event for response.event selectors and forbids it elsewhere', () => {
      const param = 'session.client.data_channel.allowed_server_events[0]';
      const selectors = (selector: Json) => dataChannel({ allowed_server_events: [selector] });
      expect(refusal(selectors({ type: 'response.event' }))).toEqual({
        code: 'missing_required_parameter',
        param: `${param}.response_event`,
        message: `Missing required parameter: '${param}.response_event'.`,
      });
      const forbidden = refusal(selectors({ type: 'error', response_event: 'response.done' }));
      expect(forbidden).toMatchObject({ code: 'invalid_value', param: `${param}.response_event` });
      expect(forbidden.message).toContain("only a 'response.event' selector");
      expect(refusal(selectors({ type: 'session.nothing' }))).toMatchObject({
        code: 'invalid_value',
        param: `${param}.type`,
      });
    });

    it.each(['websocket', 'sip'] as const)('is refused on %s, which has no data channel', (transport) => {
      const session = { ...(transport === 'sip' && { type: 'live' }), ...dataChannel({}) };
      const { code, param, message } = refusal(session, transport);
      expect({ code, param }).toEqual({ code: 'unknown_parameter', param: 'session.client' });
      expect(message).toContain('only to WebRTC sessions');
    }); // prettier-ignore
  });

  describe('store, safety_identifier and the SIP type', () => {
    it('takes a boolean store and a nullable safety identifier', () => {
      expect(validate(live({ store: true, safety_identifier: null }))).toMatchObject({
        store: true,
        safety_identifier: null,
      });
      expect(refusal(live({ store: 'yes' }))).toMatchObject({
        code: 'invalid_type',
        param: 'session.store',
      });
      expect(refusal(live({ safety_identifier: 42 }))).toMatchObject({
        code: 'invalid_type',
        param: 'session.safety_identifier',
      });
    });

    it("requires type 'live' on SIP accept", () => {
      expect(refusal(live(), 'sip')).toEqual({
        code: 'missing_required_parameter',
        param: 'session.type',
        message: "Missing required parameter: 'session.type'.",
      });
      expect(refusal(live({ type: 'realtime' }), 'sip')).toMatchObject({
        code: 'invalid_value',
        param: 'session.type',
      });
    });

    it.each(['webrtc', 'websocket'] as const)('refuses a type on %s', (transport) => {
      expect(refusal(live({ type: 'live' }), transport)).toMatchObject({
        code: 'unknown_parameter',
        param: 'session.type',
      });
    });
  });
});

describe(estimateTokens.name, () => {
  it.each([
    ['', 0],
    ['abcd', 1],
    ['abcde', 2],
    ['日本語', 3], // 9 UTF-8 bytes: scripts with more tokens per character count higher
    ['🙂', 1],
  ])('estimates %j as %i tokens (UTF-8 bytes / 4, rounded up)', (text, tokens) => {
    expect(estimateTokens(text)).toBe(tokens);
  });
});

describe(resolveLiveSession.name, () => {
  it('fills every default on WebRTC: marin, allow-all data channel, client delegation', () => {
    expect(start(live())).toEqual({
      id: 'live_123',
      expires_at: 1_750_000_000,
      model: 'gpt-live-1',
      status: 'active',
      audio: { output: { voice: 'marin' } },
      client: { data_channel: { allowed_client_events: 'all', allowed_server_events: 'all' } },
      delegation: { type: 'client', acknowledgement_delay_ms: 0 },
      input: [],
      instructions: null,
      safety_identifier: null,
      store: false,
      triggers: [],
    });
  });

  it('resolves the documented create request', () => {
    const session = start(DOCS_CREATE_REQUEST.session);
    expect(session).toMatchObject({
      ...DOCS_CREATE_REQUEST.session,
      delegation: { type: 'client', acknowledgement_delay_ms: 0 },
      status: 'active',
    });
    const sdk: OpenAI.Live.SessionResource = session;
    expect(sdk.id).toBe('live_123');
  });

  it('keeps an omitted data-channel list at allow-all when the other is set', () => {
    expect(start(dataChannel({ allowed_client_events: [] })).client).toEqual({
      data_channel: { allowed_client_events: [], allowed_server_events: 'all' },
    });
  });

  it('reports the audio format only on a primary WebSocket, pcm 24 kHz by default', () => {
    const websocket = start(live(), 'websocket');
    expect(websocket.audio).toEqual({
      format: { type: 'audio/pcm', rate: 24000 },
      output: { voice: 'marin' },
    });
    expect(websocket).not.toHaveProperty('client');
    const format = { type: 'audio/pcmu', rate: 8000 };
    expect(start(live({ audio: { format } }), 'websocket').audio.format).toEqual(format);
    const sip = start({ type: 'live', ...live() }, 'sip');
    expect(sip.audio).toEqual({ output: { voice: 'marin' } });
    expect(sip).not.toHaveProperty('client');
    expect(sip).not.toHaveProperty('type');
  });

  it('defaults the acknowledgement delay to 0, or 400 for Decisions, keeping a given one', () => {
    expect(start(responses()).delegation.acknowledgement_delay_ms).toBe(0);
    expect(start(decisions()).delegation.acknowledgement_delay_ms).toBe(400);
    expect(start(responses({}, { acknowledgement_delay_ms: 90 })).delegation).toMatchObject({
      acknowledgement_delay_ms: 90,
    });
    expect(start(live({ delegation: null })).delegation).toEqual({
      type: 'client',
      acknowledgement_delay_ms: 0,
    });
  });
});

describe(validateLiveSessionUpdate.name, () => {
  const responsesSession = () =>
    start(live({ delegation: DOCS_RESPONSES_DELEGATION, instructions: 'Be brief.' }));
  const update = (session: unknown, current: LiveSession) =>
    validateLiveSessionUpdate(session, current);

  it.each([
    ['model', 'gpt-live-1'],
    ['instructions', 'Be brief.'],
    ['audio', { output: { voice: 'marin' } }],
    ['input', []],
    ['client', { data_channel: {} }],
    ['store', true],
    ['safety_identifier', 'user-1'],
  ])('refuses any change to %s, even to the same value', (field, value) => {
    expect(refusalOf(() => update({ [field]: value }, responsesSession()))).toEqual({
      code: 'invalid_value',
      param: `session.${field}`,
      message: `'session.${field}' cannot change after the session has started.`,
    });
  });

  it('refuses unknown fields', () => {
    expect(refusalOf(() => update({ voice: 'ash' }, responsesSession()))).toMatchObject({
      code: 'unknown_parameter',
      param: 'session.voice',
    });
    const deep = { delegation: { type: 'responses', responses: { temperature: 0 } } };
    expect(refusalOf(() => update(deep, responsesSession()))).toMatchObject({
      code: 'unknown_parameter',
      param: 'session.delegation.responses.temperature',
    });
  });

  it('applies a sparse Responses update, keeping omitted settings', () => {
    const current = responsesSession();
    const next = update(
      {
        delegation: {
          type: 'responses',
          responses: { instructions: null, tools: [{ type: 'file_search' }], model: 'gpt-5.6' },
        },
      },
      current,
    );
    expect(next.delegation).toEqual({
      type: 'responses',
      acknowledgement_delay_ms: 0,
      responses: {
        ...DOCS_RESPONSES_DELEGATION.responses,
        instructions: null,
        tools: [{ type: 'file_search' }],
        model: 'gpt-5.6',
      },
    });
    expect(next.instructions).toBe('Be brief.');
    expect(current.delegation).toMatchObject({ responses: { model: 'gpt-5.5' } });
  });

  it('validates the Responses update like a create', () => {
    const bad = { delegation: { type: 'responses', responses: { service_tier: 'turbo' } } };
    expect(refusalOf(() => update(bad, responsesSession()))).toMatchObject({
      code: 'invalid_value',
      param: 'session.delegation.responses.service_tier',
    });
  });

  it('changes the acknowledgement delay of a client session, and keeps it when omitted', () => {
    const delayed = update(
      { delegation: { type: 'client', acknowledgement_delay_ms: 300 } },
      start(live()),
    );
    expect(delayed.delegation).toEqual({ type: 'client', acknowledgement_delay_ms: 300 });
    expect(update({ delegation: { type: 'client' } }, delayed).delegation).toEqual(
      delayed.delegation,
    );
  });

  it('merges a Decisions update', () => {
    const next = update(
      { delegation: { type: 'decisions', decisions: { model: 'gpt-5.6' } } },
      start(decisions()),
    );
    expect(next.delegation).toEqual({
      type: 'decisions',
      acknowledgement_delay_ms: 400,
      decisions: { model: 'gpt-5.6', questions: [question] },
    });
  });

  it('refuses a change of delegation type, naming both', () => {
    const { code, param, message } = refusalOf(() =>
      update({ delegation: DOCS_RESPONSES_DELEGATION }, start(live())),
    );
    expect({ code, param }).toEqual({ code: 'invalid_value', param: 'session.delegation.type' });
    expect(message).toContain("'responses'");
    expect(message).toContain("this session uses 'client' delegation");
  });

  it('reads a null delegation as client: refused on a Responses session', () => {
    expect(refusalOf(() => update({ delegation: null }, responsesSession()))).toMatchObject({
      code: 'invalid_value',
      param: 'session.delegation',
    });
    const client = start(live());
    expect(update({ delegation: null }, client)).toEqual(client);
  });

  it('replaces triggers with a list, disables them with [], keeps them when omitted', () => {
    const trigger = {
      type: 'decisions',
      event_type: 'session.output_transcript.delta',
      decisions: { questions: [question] },
    };
    const withTrigger = update({ triggers: [trigger] }, start(live()));
    expect(withTrigger.triggers).toEqual([trigger]);
    expect(update({}, withTrigger)).toEqual(withTrigger);
    expect(update({ triggers: [] }, withTrigger).triggers).toEqual([]);
  });

  it('returns a new session and leaves the current one untouched', () => {
    const current = start(live());
    const snapshot = structuredClone(current);
    const next = update({ delegation: { type: 'client', acknowledgement_delay_ms: 5 } }, current);
    expect(next).not.toBe(current);
    expect(current).toEqual(snapshot);
  });
});

describe('event type lists', () => {
  // Compile-time: the lists are exactly the SDK's unions (tsc fails when the SDK adds a type).
  type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
  type HostedToolType = Exclude<
    NonNullable<OpenAI.Live.ResponsesDelegationConfig['tools']>[number]['type'],
    'function'
  >;
  const matchesSdk: [
    Same<LiveClientEventType, OpenAI.Live.ClientEvent['type']>,
    Same<LiveServerEventType, OpenAI.Live.ServerEvent['type']>,
    Same<LiveBuiltInVoice, OpenAI.Live.BuiltInVoice>,
    Same<(typeof LIVE_HOSTED_TOOL_TYPES)[number], HostedToolType>,
  ] = [true, true, true, true];

  it.each([
    ['client', LIVE_CLIENT_EVENT_TYPES, 15],
    ['server', LIVE_SERVER_EVENT_TYPES, 28],
  ])('lists each %s event type once', (_kind, types, count) => {
    expect(matchesSdk).toEqual([true, true, true, true]);
    expect(new Set(types).size).toBe(count);
    expect(types).toHaveLength(count);
  });

  it('has the types an allowlist needs', () => {
    expect(LIVE_CLIENT_EVENT_TYPES).toEqual(
      expect.arrayContaining(['session.update', 'response.item.create', 'session.close']),
    );
    expect(LIVE_CLIENT_EVENT_TYPES).not.toContain('response.cancel');
    expect(LIVE_SERVER_EVENT_TYPES).toEqual(
      expect.arrayContaining(['session.started', 'response.event', 'error', 'transport.failed']),
    );
  });
});
