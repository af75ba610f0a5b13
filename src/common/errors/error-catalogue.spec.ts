import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { APPROVAL_ERROR_CODES } from '../../modules/approvals/index.js';
import { GROUNDING_ERROR_CODES } from '../../modules/grounding/index.js';
import { IDENTITY_ERROR_CODES } from '../../modules/identity/index.js';
import { KNOWLEDGE_ERROR_CODES } from '../../modules/knowledge/index.js';
import { SESSION_ERROR_CODES } from '../../modules/sessions/index.js';
import { TOOL_CALL_ERROR_CODES } from '../../modules/tool-calls/index.js';
import { TOOL_ERROR_CODES } from '../../modules/tools/index.js';
import { EXTRACTION_ERROR_CODES } from '../../knowledge/extract/index.js';
import { DEMO_ERROR_CODES } from '../../tools/shared/demo.errors.js';
import { DEMO_PAGE_ERROR_CODES } from '../../modules/demo/index.js';
import { AUTH_ERROR_CODES } from '../auth/auth.errors.js';
import { COMMON_ERROR_CODES } from './common.errors.js';

/** Each owner's codes, as its `*.errors.ts` lists them. */
const CODES_BY_OWNER: Readonly<Record<string, readonly string[]>> = {
  common: COMMON_ERROR_CODES,
  auth: AUTH_ERROR_CODES,
  approvals: APPROVAL_ERROR_CODES,
  grounding: GROUNDING_ERROR_CODES,
  identity: IDENTITY_ERROR_CODES,
  knowledge: KNOWLEDGE_ERROR_CODES,
  'knowledge extraction': EXTRACTION_ERROR_CODES,
  sessions: SESSION_ERROR_CODES,
  'tool-calls': TOOL_CALL_ERROR_CODES,
  tools: TOOL_ERROR_CODES,
  'demo tools': DEMO_ERROR_CODES,
  'demo page': DEMO_PAGE_ERROR_CODES,
};

const ALL_CODES = Object.values(CODES_BY_OWNER).flat();

/** The codes docs/errors.md documents: the first cell of each catalogue table row. */
function documentedCodes(): Set<string> {
  const markdown = readFileSync(
    fileURLToPath(new URL('../../../docs/errors.md', import.meta.url)),
    'utf8',
  );
  return new Set([...markdown.matchAll(/^\|\s*`([A-Z][A-Z0-9_]*)`\s*\|/gm)].map((m) => m[1]));
}

describe('error code catalogue', () => {
  it('spells every code in upper snake case', () => {
    expect(ALL_CODES.filter((code) => !/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/.test(code))).toEqual([]);
  });

  it('gives every code exactly one owner', () => {
    const owners = new Map<string, string[]>();
    for (const [owner, codes] of Object.entries(CODES_BY_OWNER))
      for (const code of codes) owners.set(code, [...(owners.get(code) ?? []), owner]);
    const shared = [...owners].filter(([, of]) => of.length > 1);
    expect(Object.fromEntries(shared)).toEqual({});
  });

  it('documents every code in docs/errors.md', () => {
    const documented = documentedCodes();
    expect(ALL_CODES.filter((code) => !documented.has(code))).toEqual([]);
  });

  it('documents no code that no module lists', () => {
    const listed = new Set(ALL_CODES);
    expect([...documentedCodes()].filter((code) => !listed.has(code))).toEqual([]);
  });
});
