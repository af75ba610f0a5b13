import { OpenAIError } from './openai-error.js';
import {
  applySessionUpdate,
  createEffectiveSession,
  DEFAULT_MODEL,
  validateSessionConfig,
} from './session-config.js';

const errorOf = (run: () => unknown): OpenAIError => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(OpenAIError);
    return error as OpenAIError;
  }
  throw new Error('expected an OpenAIError');
};

const rejection = (input: unknown, prefix?: string) => {
  const error = errorOf(() => validateSessionConfig(input, prefix));
  expect(error.status).toBe(400);
  expect(error.type).toBe('invalid_request_error');
  return { code: error.code, param: error.param, message: error.message };
};

const session = (extra: Record<string, unknown>) => ({ type: 'realtime', ...extra });

describe(validateSessionConfig.name, () => {
  it('returns a valid config unchanged', () => {
    const config = session({
      model: 'gpt-realtime',
      instructions: 'Be brief.',
      output_modalities: ['text'],
      audio: {
        input: { format: { type: 'audio/pcmu' }, turn_detection: { type: 'semantic_vad' } },
        output: { voice: { id: 'voice_123' }, speed: 1.25 },
      },
      tools: [
        { type: 'function', name: 'lookup', parameters: { type: 'object', properties: {} } },
        { type: 'mcp', server_label: 'crm' },
      ],
      tool_choice: { type: 'function', name: 'lookup' },
      max_output_tokens: 'inf',
      tracing: 'auto',
    });
    expect(validateSessionConfig(config)).toBe(config);
  });

  it('refuses a non-object as invalid_type', () => {
    expect(rejection([])).toMatchObject({ code: 'invalid_type', param: 'session' });
    expect(rejection(null, '')).toEqual({
      code: 'invalid_type',
      param: '',
      message: "Invalid type for 'body': expected an object.",
    });
  });

  it('refuses a missing type', () => {
    expect(rejection({ instructions: 'x' })).toEqual({
      code: 'missing_required_parameter',
      param: 'session.type',
      message: "Missing required parameter: 'session.type'.",
    });
  });

  it('refuses an unknown field, top-level or nested', () => {
    expect(rejection(session({ foo: 1 }))).toEqual({
      code: 'unknown_parameter',
      param: 'session.foo',
      message: "Unknown parameter: 'session.foo'.",
    });
    expect(rejection(session({ audio: { output: { pitch: 2 } } }))).toMatchObject({
      code: 'unknown_parameter',
      param: 'session.audio.output.pitch',
    });
    expect(rejection(session({ tools: [{ type: 'function', name: 'a', strict: true }] }))).toEqual(
      expect.objectContaining({ code: 'unknown_parameter', param: 'session.tools[0].strict' }),
    );
  });

  it.each([
    [{ type: 'other' }, 'session.type'],
    [session({ audio: { output: { voice: 'nobody' } } }), 'session.audio.output.voice'],
    [session({ audio: { output: { speed: 3 } } }), 'session.audio.output.speed'],
    [
      session({ audio: { input: { format: { type: 'audio/pcm', rate: 16000 } } } }),
      'session.audio.input.format.rate',
    ],
    [session({ output_modalities: ['audio', 'text'] }), 'session.output_modalities'],
    [session({ max_output_tokens: 5000 }), 'session.max_output_tokens'],
    [session({ tool_choice: 'maybe' }), 'session.tool_choice'],
    [session({ tools: [{ type: 'function', name: 'has space' }] }), 'session.tools[0].name'],
  ])('refuses %j as invalid_value on %s', (input, param) => {
    const result = rejection(input);
    expect(result).toMatchObject({ code: 'invalid_value', param });
    expect(result.message).toContain(`Invalid value for '${param}': `);
  });

  it('refuses a missing nested required field', () => {
    expect(rejection(session({ tools: [{ type: 'function' }] }))).toMatchObject({
      code: 'missing_required_parameter',
      param: 'session.tools[0].name',
    });
  });

  it('refuses duplicate function names, naming the second', () => {
    const tools = [
      { type: 'function', name: 'a' },
      { type: 'function', name: 'b' },
      { type: 'function', name: 'a' },
    ];
    expect(rejection(session({ tools }))).toEqual({
      code: 'invalid_value',
      param: 'session.tools[2].name',
      message: "Duplicate tool name: 'a'.",
    });
  });

  it('refuses a function whose parameters are not a valid JSON schema', () => {
    const tools = [{ type: 'function', name: 'a', parameters: { type: 'nope' } }];
    const result = rejection(session({ tools }));
    expect(result).toMatchObject({
      code: 'invalid_function_parameters',
      param: 'session.tools[0].parameters',
    });
    expect(result.message).toMatch(/^Invalid schema for function 'a': /);
  });

  it('names params without a leading dot when the prefix is empty', () => {
    expect(rejection({}, '').param).toBe('type');
    expect(rejection(session({ foo: 1 }), '').param).toBe('foo');
    expect(rejection(session({ audio: { output: { speed: 3 } } }), '').param).toBe(
      'audio.output.speed',
    );
    const tools = [
      { type: 'function', name: 'a' },
      { type: 'function', name: 'a' },
    ];
    expect(rejection(session({ tools }), '').param).toBe('tools[1].name');
  });
});

const PCM = { type: 'audio/pcm', rate: 24000 };
const DEFAULT_VAD = {
  type: 'server_vad',
  threshold: 0.5,
  prefix_padding_ms: 300,
  silence_duration_ms: 500,
  create_response: true,
  interrupt_response: true,
  idle_timeout_ms: null,
};
const withInput = (input: Record<string, unknown>) => ({ type: 'realtime', audio: { input } });

describe(createEffectiveSession.name, () => {
  it('fills every default', () => {
    const effective = createEffectiveSession();
    expect(effective).toEqual({
      type: 'realtime',
      object: 'realtime.session',
      id: expect.stringMatching(/^sess_[0-9A-Za-z]{21}$/),
      model: DEFAULT_MODEL,
      output_modalities: ['audio'],
      instructions: '',
      tools: [],
      tool_choice: 'auto',
      max_output_tokens: 'inf',
      tracing: null,
      truncation: 'auto',
      prompt: null,
      expires_at: 0,
      audio: {
        input: {
          format: PCM,
          transcription: null,
          noise_reduction: null,
          turn_detection: DEFAULT_VAD,
        },
        output: { format: PCM, voice: 'alloy', speed: 1 },
      },
      include: null,
    });
    expect(createEffectiveSession().id).not.toBe(effective.id);
  });

  it('keeps requested fields and fills the rest of a partial turn_detection', () => {
    const effective = createEffectiveSession({
      type: 'realtime',
      instructions: 'Be brief.',
      audio: {
        input: { turn_detection: { type: 'server_vad', threshold: 0.8 } },
        output: { voice: 'marin' },
      },
    });
    expect(effective.instructions).toBe('Be brief.');
    expect(effective.audio.output).toEqual({ format: PCM, voice: 'marin', speed: 1 });
    expect(effective.audio.input.turn_detection).toEqual({ ...DEFAULT_VAD, threshold: 0.8 });
  });

  it('fills semantic_vad defaults and keeps a null turn_detection', () => {
    const semantic = createEffectiveSession(
      withInput({ turn_detection: { type: 'semantic_vad' } }),
    );
    expect(semantic.audio.input.turn_detection).toEqual({
      type: 'semantic_vad',
      eagerness: 'auto',
      create_response: true,
      interrupt_response: true,
    });
    const none = createEffectiveSession(withInput({ turn_detection: null }));
    expect(none.audio.input.turn_detection).toBeNull();
  });
});

describe(applySessionUpdate.name, () => {
  const before = { hasProducedAudio: false };
  const after = { hasProducedAudio: true };

  it('changes only the fields present in the update', () => {
    const current = createEffectiveSession({
      type: 'realtime',
      instructions: 'Old.',
      tools: [{ type: 'function', name: 'a' }],
      audio: { output: { voice: 'ash', speed: 1.2 } },
    });
    const next = applySessionUpdate(
      current,
      { type: 'realtime', instructions: 'New.', audio: { output: { speed: 0.5 } } },
      before,
    );
    expect(next).toEqual({
      ...current,
      instructions: 'New.',
      audio: { ...current.audio, output: { ...current.audio.output, speed: 0.5 } },
    });
    expect(current.instructions).toBe('Old.');
  });

  it('refuses to change the model but accepts the same model', () => {
    const current = createEffectiveSession();
    const error = errorOf(() => applySessionUpdate(current, { model: 'other-model' }, before));
    expect(error).toMatchObject({ status: 400, code: 'invalid_value', param: 'session.model' });
    expect(applySessionUpdate(current, { model: DEFAULT_MODEL }, before).model).toBe(DEFAULT_MODEL);
  });

  it('changes the voice only until the session has produced audio', () => {
    const current = createEffectiveSession();
    const patch = { audio: { output: { voice: 'verse' } } };
    expect(applySessionUpdate(current, patch, before).audio.output.voice).toBe('verse');
    expect(errorOf(() => applySessionUpdate(current, patch, after))).toMatchObject({
      status: 400,
      type: 'invalid_request_error',
      code: 'cannot_update_voice',
      param: 'session.audio.output.voice',
    });
    const same = { audio: { output: { voice: 'alloy', speed: 1.1 } } };
    expect(applySessionUpdate(current, same, after).audio.output.speed).toBe(1.1);
  });

  it('clears turn_detection with null and keeps it when absent', () => {
    const current = createEffectiveSession();
    const cleared = applySessionUpdate(current, withInput({ turn_detection: null }), after);
    expect(cleared.audio.input.turn_detection).toBeNull();
    expect(cleared.audio.input.format).toEqual(PCM);
    const kept = applySessionUpdate(current, withInput({ noise_reduction: null }), after);
    expect(kept.audio.input.turn_detection).toEqual(DEFAULT_VAD);
  });
});

describe('validateSessionConfig error attribution', () => {
  const vad = (turnDetection: unknown) =>
    session({ audio: { input: { turn_detection: turnDetection } } });

  it('names the wrong field inside the branch the `type` selects', () => {
    expect(rejection(vad({ type: 'server_vad', threshold: 2 }))).toMatchObject({
      code: 'invalid_value',
      param: 'session.audio.input.turn_detection.threshold',
    });
    expect(rejection(vad({ type: 'server_vad', foo: 1 }))).toMatchObject({
      code: 'unknown_parameter',
      param: 'session.audio.input.turn_detection.foo',
    });
    expect(rejection(session({ tools: [{ type: 'mcp' }] }))).toMatchObject({
      code: 'missing_required_parameter',
      param: 'session.tools[0].server_label',
    });
    expect(rejection(session({ tools: [{ type: 'computer', name: 'x' }] }))).toMatchObject({
      code: 'invalid_value',
      param: 'session.tools[0].type',
    });
  });

  it('refuses a tool schema with an unknown $schema instead of crashing', () => {
    const parameters = { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object' };
    expect(
      rejection(session({ tools: [{ type: 'function', name: 'f', parameters }] })),
    ).toMatchObject({ code: 'invalid_function_parameters', param: 'session.tools[0].parameters' });
  });
});
