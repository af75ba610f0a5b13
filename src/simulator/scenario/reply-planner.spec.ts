import { planReply, renderText, type PlanOptions, type TemplateContext } from './reply-planner.js';
import type { Scenario, ScenarioRule } from './scenario.js';

const withTools = (...names: string[]): PlanOptions => ({
  sessionTools: new Set(names),
  toolsForbidden: false,
});

const scenarioOf = (rules: ScenarioRule[], extra: Partial<Scenario> = {}): Scenario => ({
  rules,
  ...extra,
});

const turn = (text: string, number = 1) => ({ text, number });

describe(planReply.name, () => {
  it('answers a response without a user turn with the greeting, or a default one', () => {
    expect(planReply(scenarioOf([], { greeting: 'Hi!' }), undefined, withTools())).toEqual({
      kind: 'say',
      text: 'Hi!',
    });
    expect(planReply(scenarioOf([]), undefined, withTools())).toEqual({
      kind: 'say',
      text: 'Hello! How can I help you today?',
    });
  });

  it('says the fallback, or a default one, when no rule matches', () => {
    const rules: ScenarioRule[] = [{ when: { contains: 'refund' }, say: 'Refund.' }];
    expect(planReply(scenarioOf(rules, { fallback: 'Eh?' }), turn('hello'), withTools())).toEqual({
      kind: 'say',
      text: 'Eh?',
    });
    expect(planReply(scenarioOf(rules), turn('hello'), withTools())).toEqual({
      kind: 'say',
      text: 'I am a simulated assistant.',
    });
  });

  it('uses the first matching rule, in order', () => {
    const scenario = scenarioOf([
      { when: { contains: 'nothing' }, say: 'first' },
      { when: { any: true }, say: 'second' },
      { when: { contains: 'hello' }, say: 'third' },
    ]);
    expect(planReply(scenario, turn('hello'), withTools())).toEqual({
      kind: 'say',
      text: 'second',
    });
  });

  it('matches "contains" case-insensitively and "turn" by the turn number', () => {
    const scenario = scenarioOf([
      { when: { contains: 'ORDER' }, say: 'order' },
      { when: { turn: 2 }, say: 'turn two' },
    ]);
    expect(planReply(scenario, turn('my order please'), withTools())).toMatchObject({
      text: 'order',
    });
    expect(planReply(scenario, turn('something', 2), withTools())).toMatchObject({
      text: 'turn two',
    });
    expect(planReply(scenario, turn('something', 3), withTools())).toMatchObject({
      text: 'I am a simulated assistant.',
    });
  });

  it('renders {{text}}, {{turn}} and regex groups into a said text', () => {
    const scenario = scenarioOf([
      {
        when: { regex: 'order (\\d+)(x)?', flags: 'i' },
        say: '{{ text }} / #{{turn}} / {{match.1}} / [{{match.2}}] / [{{match.9}}]',
      },
    ]);
    expect(planReply(scenario, turn('ORDER 42', 3), withTools())).toEqual({
      kind: 'say',
      text: 'ORDER 42 / #3 / 42 / [] / []',
    });
  });

  it('plans tool calls with rendered JSON arguments and the default afterTools', () => {
    const scenario = scenarioOf([
      {
        when: { regex: 'refund (\\d+) for (\\w+)' },
        callTools: [
          {
            name: 'issue_refund',
            arguments: {
              amount: '{{match.1|number}}',
              label: 'order-{{match.1|number}}',
              who: ['{{match.2}}', { turn: '{{turn|number}}' }],
              urgent: true,
              count: 7,
            },
          },
          { name: 'no_args' },
        ],
      },
    ]);
    const plan = planReply(
      scenario,
      turn('refund 25 for Ann', 4),
      withTools('issue_refund', 'no_args'),
    );
    expect(plan).toEqual({
      kind: 'tools',
      calls: [
        { name: 'issue_refund', arguments: expect.any(String) },
        { name: 'no_args', arguments: '{}' },
      ],
      afterTools: 'Done. {{outputs}}',
      context: { text: 'refund 25 for Ann', turn: 4, match: ['refund 25 for Ann', '25', 'Ann'] },
    });
    if (plan.kind !== 'tools') throw new Error('expected tools');
    expect(JSON.parse(plan.calls[0].arguments)).toEqual({
      amount: 25,
      label: 'order-25',
      who: ['Ann', { turn: 4 }],
      urgent: true,
      count: 7,
    });
  });

  it('keeps the rule afterTools template unrendered for later', () => {
    const scenario = scenarioOf([
      { when: { any: true }, callTools: [{ name: 'a' }], afterTools: 'Got {{output.a}}' },
    ]);
    expect(planReply(scenario, turn('x'), withTools('a'))).toMatchObject({
      afterTools: 'Got {{output.a}}',
    });
  });

  it('only calls tools present in the session', () => {
    const scenario = scenarioOf([
      { when: { any: true }, callTools: [{ name: 'present' }, { name: 'absent' }] },
    ]);
    const plan = planReply(scenario, turn('x'), withTools('present'));
    expect(plan).toMatchObject({ kind: 'tools', calls: [{ name: 'present', arguments: '{}' }] });
  });

  it('says noToolReply, or a default, when every tool is absent from the session', () => {
    const rules: ScenarioRule[] = [{ when: { any: true }, callTools: [{ name: 'absent' }] }];
    expect(
      planReply(scenarioOf(rules, { noToolReply: 'Cannot.' }), turn('x'), withTools()),
    ).toEqual({ kind: 'say', text: 'Cannot.' });
    expect(planReply(scenarioOf(rules), turn('x'), withTools('other'))).toEqual({
      kind: 'say',
      text: 'Sorry, I cannot do that.',
    });
  });

  it('calls a tool missing from the session when the rule ignores session tools', () => {
    const scenario = scenarioOf([
      { when: { any: true }, callTools: [{ name: 'injected' }], ignoreSessionTools: true },
    ]);
    expect(planReply(scenario, turn('x'), withTools())).toMatchObject({
      kind: 'tools',
      calls: [{ name: 'injected' }],
    });
  });

  it('calls no tool when tool_choice forbids tools, even when session tools are ignored', () => {
    const scenario = scenarioOf(
      [{ when: { any: true }, callTools: [{ name: 'a' }], ignoreSessionTools: true }],
      { noToolReply: 'Not now.' },
    );
    const options: PlanOptions = { sessionTools: new Set(['a']), toolsForbidden: true };
    expect(planReply(scenario, turn('x'), options)).toEqual({ kind: 'say', text: 'Not now.' });
  });
});

describe(renderText.name, () => {
  const context: TemplateContext = { text: 'hi there', turn: 2, match: ['hi there', 'there'] };

  it('fills tool outputs by name and all outputs in order', () => {
    const outputs = { lookup: 'shipped', refund: 'refunded' };
    expect(renderText('{{output.lookup}}; {{ outputs }}', context, outputs)).toBe(
      'shipped; shipped refunded',
    );
  });

  it('says "(no result)" for a missing tool output and nothing for an unknown placeholder', () => {
    expect(renderText('[{{output.none}}] [{{unknown}}] [{{match.5}}]', context, {})).toBe(
      '[(no result)] [] []',
    );
  });

  it('leaves text without placeholders and malformed braces untouched', () => {
    expect(renderText('plain {single} {{ not valid! }}', context, {})).toBe(
      'plain {single} {{ not valid! }}',
    );
  });

  it('renders a |number template as plain text inside a reply', () => {
    expect(renderText('turn {{turn|number}}: {{match.1}}', context, {})).toBe('turn 2: there');
  });
});
