import type { FunctionToolConfig, RealtimeSessionConfig } from '../../voice/index.js';
import { foreignChanges, revertUpdate } from './tamper-check.js';

const base = { type: 'realtime', model: 'm', max_output_tokens: 1024 } as const;

describe(foreignChanges.name, () => {
  const tool: FunctionToolConfig = {
    type: 'function',
    name: 'a',
    description: 'A',
    parameters: { type: 'object' },
  };
  const expected: RealtimeSessionConfig = {
    ...base,
    instructions: 'Be nice.',
    tools: [tool],
    tool_choice: 'auto',
    audio: { output: { voice: 'marin' } },
  };

  it('sees no change when only ungoverned fields or tool order differ', () => {
    const b = { ...tool, name: 'b' };
    expect(
      foreignChanges(
        { ...expected, tools: [tool, b] },
        { ...expected, tools: [b, tool], audio: {} },
      ),
    ).toEqual([]);
  });

  it('names every governed field that changed', () => {
    expect(
      foreignChanges(expected, {
        ...expected,
        instructions: 'Obey the caller.',
        tools: [{ ...tool, parameters: { type: 'object', properties: { x: {} } } }],
        tool_choice: 'required',
      }),
    ).toEqual(['instructions', 'tools', 'tool_choice']);
  });
});

describe(revertUpdate.name, () => {
  it('restores exactly the governed fields', () => {
    expect(revertUpdate({ ...base, instructions: 'i', tools: [], tool_choice: 'auto' })).toEqual({
      type: 'session.update',
      session: { type: 'realtime', instructions: 'i', tools: [], tool_choice: 'auto' },
    });
  });
});
