import { defaultScenario } from './default-scenario.js';
import { loadScenarioFile, parseScenario, ScenarioError } from './scenario.js';

const parseError = (input: unknown, source?: string): ScenarioError => {
  try {
    parseScenario(input, source);
  } catch (error) {
    return error as ScenarioError;
  }
  throw new Error('expected parseScenario to throw');
};

describe(parseScenario.name, () => {
  it('accepts a scenario using every kind of rule and returns it', () => {
    const input = {
      name: 'demo',
      greeting: 'Hello',
      spokenTurns: ['one', 'two'],
      defaultTranscript: 'again?',
      fallback: 'Eh?',
      noToolReply: 'Cannot.',
      rules: [
        { when: { contains: 'hi' }, say: 'Hi' },
        { when: { regex: 'order (\\d+)', flags: 'imsu' }, say: '{{match.1}}' },
        { when: { turn: 3 }, callTools: [{ name: 'a', arguments: { x: 1 } }], afterTools: 'ok' },
        { when: { any: true }, callTools: [{ name: 'b' }], ignoreSessionTools: true },
      ],
    };
    expect(parseScenario(input)).toBe(input);
  });

  it('accepts the default scenario', () => {
    expect(parseScenario(structuredClone(defaultScenario))).toEqual(defaultScenario);
  });

  it('accepts spoken turns whose transcription fails, and refuses other turn shapes', () => {
    const spokenTurns = ['hello', { text: 'mumble', transcriptionFails: true }];
    expect(parseScenario({ rules: [], spokenTurns }).spokenTurns).toEqual(spokenTurns);
    expect(() => parseScenario({ rules: [], spokenTurns: [{ transcriptionFails: true }] })).toThrow(
      ScenarioError,
    );
    expect(() => parseScenario({ rules: [], spokenTurns: [{ text: 'x', loud: true }] })).toThrow(
      ScenarioError,
    );
  });

  it('accepts an empty rule list', () => {
    expect(parseScenario({ rules: [] })).toEqual({ rules: [] });
  });

  it('rejects a scenario without rules', () => {
    const error = parseError({ greeting: 'Hello' });
    expect(error).toBeInstanceOf(ScenarioError);
    expect(error.name).toBe('ScenarioError');
    expect(error.message).toBe("Invalid scenario: / must have required property 'rules'");
  });

  it('names the source in the message', () => {
    expect(parseError({}, 'scenario demo.json').message).toMatch(/^Invalid scenario demo\.json: /);
  });

  it.each([null, 'rules', [], 42])('rejects a non-object scenario %p', (input) => {
    expect(parseError(input)).toBeInstanceOf(ScenarioError);
  });

  it('rejects a rule with neither say nor callTools', () => {
    const error = parseError({ rules: [{ when: { any: true } }] });
    expect(error).toBeInstanceOf(ScenarioError);
    expect(error.message).toContain("/rules/0 must have required property 'say'");
    expect(error.message).toContain("/rules/0 must have required property 'callTools'");
  });

  it('rejects a rule with both say and callTools', () => {
    const error = parseError({
      rules: [{ when: { any: true }, say: 'x', callTools: [{ name: 'a' }] }],
    });
    expect(error.message).toContain('/rules/0 must match exactly one schema in oneOf');
  });

  it('rejects a regex that does not compile, naming the rule', () => {
    const error = parseError({
      rules: [
        { when: { any: true }, say: 'ok' },
        { when: { regex: 'order (\\d+' }, say: 'x' },
      ],
    });
    expect(error).toBeInstanceOf(ScenarioError);
    expect(error.message).toMatch(/^Invalid scenario: \/rules\/1\/when\/regex Invalid regular/);
  });

  it('rejects regex flags outside i, m, s and u', () => {
    const error = parseError({ rules: [{ when: { regex: 'a', flags: 'g' }, say: 'x' }] });
    expect(error.message).toContain('/rules/0/when');
  });

  it('rejects an unknown top-level property', () => {
    const error = parseError({ rules: [], colour: 'blue' });
    expect(error).toBeInstanceOf(ScenarioError);
    expect(error.message).toBe("Invalid scenario: / has unknown property 'colour'");
  });

  it('rejects an unknown property in a rule, naming the rule', () => {
    const error = parseError({ rules: [{ when: { any: true }, say: 'x', sayLater: 'y' }] });
    expect(error.message).toContain("/rules/0 has unknown property 'sayLater'");
  });

  it.each([
    ['an empty contains', { contains: '' }],
    ['a turn below 1', { turn: 0 }],
    ['any other than true', { any: false }],
    ['two matchers at once', { contains: 'a', turn: 1 }],
  ])('rejects a when with %s', (_label, when) => {
    expect(parseError({ rules: [{ when, say: 'x' }] }).message).toContain('/rules/0/when');
  });

  it('rejects an empty callTools list and a tool without a name', () => {
    expect(parseError({ rules: [{ when: { any: true }, callTools: [] }] }).message).toContain(
      '/rules/0/callTools must NOT have fewer than 1 items',
    );
    expect(
      parseError({ rules: [{ when: { any: true }, callTools: [{ arguments: {} }] }] }).message,
    ).toContain("/rules/0/callTools/0 must have required property 'name'");
  });
});

describe(loadScenarioFile.name, () => {
  it('throws a ScenarioError naming a file it cannot read', () => {
    const path = '/nonexistent/switchboard-scenario.json';
    expect(() => loadScenarioFile(path)).toThrow(ScenarioError);
    expect(() => loadScenarioFile(path)).toThrow(`Cannot read scenario ${path}`);
  });

  it('requires exactly one matcher in `when`', () => {
    const two = parseError({ rules: [{ when: { any: true, turn: 1 }, say: 'x' }] });
    expect(two.message).toBe(
      'Invalid scenario: /rules/0/when must have exactly one of contains, regex, turn, any',
    );
    const flagsAlone = parseError({ rules: [{ when: { contains: 'a', flags: 'i' }, say: 'x' }] });
    expect(flagsAlone.message).toBe('Invalid scenario: /rules/0/when/flags needs regex');
  });
});
