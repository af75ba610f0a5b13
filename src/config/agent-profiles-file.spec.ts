import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { AGENT_PROFILES } from './agent-profiles.js';
import { loadAgentProfiles } from './agent-profiles-file.js';

describe(loadAgentProfiles.name, () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'profiles-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const file = (content: unknown) => {
    const path = join(dir, `${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };

  it('returns the built-ins when no file is configured', () => {
    expect(loadAgentProfiles(undefined)).toBe(AGENT_PROFILES);
  });

  it('adjusts a built-in field by field and adds complete new profiles', () => {
    const profiles = loadAgentProfiles(
      file({
        default: { turnDetection: { type: 'server_vad', silence_duration_ms: 350 } },
        billing: {
          model: 'gpt-realtime-mini',
          voice: 'cedar',
          instructions: 'You answer billing questions.',
          turnDetection: null,
          tools: ['lookup_order'],
          limits: { maxDurationSeconds: 300 },
        },
      }),
    );
    expect(profiles).toMatchObject({
      default: {
        name: 'default',
        voice: AGENT_PROFILES.default.voice,
        instructions: AGENT_PROFILES.default.instructions,
        turnDetection: { type: 'server_vad', silence_duration_ms: 350 },
      },
      billing: { name: 'billing', model: 'gpt-realtime-mini', tools: ['lookup_order'] },
    });
  });

  it.each([
    ['unreadable JSON', '{', /cannot be read as JSON/],
    ['an unknown field', { default: { temperature: 1 } }, /must NOT have additional properties/],
    ['a bad limit', { default: { limits: { maxPerUser: 0 } } }, /\/default\/limits\/maxPerUser/],
    ['a bad profile name', { 'Bad Name': {} }, /names a profile "Bad Name"/],
    [
      'an incomplete new profile',
      { sales: { model: 'gpt-realtime' } },
      /"sales" without voice, instructions, turnDetection/,
    ],
  ])('refuses %s with a message that says what is wrong', (_, content, message) => {
    expect(loadAgentProfiles(file(content))).toMatch(message);
  });

  it('says when the file does not exist', () => {
    expect(loadAgentProfiles(join(dir, 'missing.json'))).toMatch(/cannot be read as JSON \(ENOENT/);
  });

  describe('GPT-Live profiles', () => {
    const live = { api: 'live', model: 'gpt-live-1', voice: 'marin', instructions: 'Help.' };

    it('need no turnDetection (the model decides) and keep their Live settings', () => {
      const profiles = loadAgentProfiles(
        file({
          desk: {
            ...live,
            live: {
              backendModel: 'gpt-5.5',
              hostedTools: [{ type: 'web_search' }],
              page: {
                serverEvents: [
                  { type: 'session.started' },
                  { type: 'response.event', response_event: 'response.output_text.delta' },
                ],
              },
            },
          },
        }),
      );
      expect(profiles).toMatchObject({
        desk: { api: 'live', turnDetection: null, live: { hostedTools: [{ type: 'web_search' }] } },
      });
    });

    it.each([
      [
        { ...live, live: { hostedTools: [{ type: 'function', name: 'x' }] } },
        /hostedTools\/0\/type/,
      ],
      [{ ...live, live: { hostedTools: [{ type: 'teleport' }] } }, /hostedTools\/0\/type/],
      [
        { ...live, live: { page: { serverEvents: [{ type: 'response.event' }] } } },
        /without response_event/,
      ],
      [
        {
          ...live,
          live: { page: { serverEvents: [{ type: 'error', response_event: 'response.created' }] } },
        },
        /only response.event takes one/,
      ],
      [{ ...live, responseStart: 'server' }, /only the Realtime API has/],
      [{ ...live, live: { page: { clientEvents: ['Session Close'] } } }, /clientEvents\/0/],
      [{ model: 'gpt-realtime', voice: 'marin', instructions: 'Help.' }, /without turnDetection/],
    ])('refuses a profile that cannot mean anything: %j', (profile, problem) => {
      const result = loadAgentProfiles(file({ desk: profile }));
      expect(typeof result).toBe('string');
      expect(result).toMatch(problem);
    });
  });

  describe('grounding', () => {
    it('takes a grounding mode, budget and snippet count, and leaves them out when absent', () => {
      const profiles = loadAgentProfiles(
        file({
          default: { grounding: { mode: 'next_turn' } },
          held: {
            model: 'gpt-realtime',
            voice: 'marin',
            instructions: 'Answer from the knowledge you are given.',
            turnDetection: { type: 'server_vad' },
            responseStart: 'server',
            grounding: { mode: 'transcript', budgetMs: 400, snippets: 2 },
          },
        }),
      );
      expect(profiles).toMatchObject({
        default: { grounding: { mode: 'next_turn' } },
        held: { grounding: { mode: 'transcript', budgetMs: 400, snippets: 2 } },
      });
      expect(AGENT_PROFILES.default.grounding).toBeUndefined();
    });

    it.each([
      [
        { grounding: { mode: 'transcript' } },
        /grounding mode "transcript" without responseStart "server"/,
      ],
      [
        { grounding: { mode: 'partial' } },
        /grounding mode "partial" without responseStart "server"/,
      ],
      [{ grounding: { mode: 'always' } }, /grounding\/mode/],
      [{ grounding: { budgetMs: 0 } }, /grounding\/budgetMs/],
      [{ grounding: { snippets: 9 } }, /grounding\/snippets/],
      [{ grounding: { topK: 3 } }, /grounding/],
    ])('refuses grounding it cannot honour: %j', (override, problem) => {
      const result = loadAgentProfiles(file({ default: override }));
      expect(typeof result).toBe('string');
      expect(result).toMatch(problem);
    });
  });
});
