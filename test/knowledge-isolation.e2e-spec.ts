import fc from 'fast-check';

import { ApiKeysService } from '../src/modules/identity/api-keys.service.js';
import {
  callerToken,
  KNOWLEDGE_ENV,
  knowledgeClient,
  type KnowledgeClient,
} from './support/knowledge.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { JWT_ENV } from './support/tokens.js';

/** Each source's secret sentence: the words an attacker from elsewhere would search for. */
const SECRETS = {
  acmeCustomers: 'Acme customers get free express shipping with the code ACME-ROCKET-77.',
  acmeAgents:
    'Acme agents may override a refund limit up to 900 euros with supervisor code AGENT-OVERRIDE-31.',
  globexCustomers:
    'Globex customers reset their hover board with the button sequence GLOBEX-HOVER-12.',
  untenanted: 'Every visitor may read the opening hours: nine to five, code PUBLIC-HOURS-05.',
};

describe('knowledge: tenant and role isolation', () => {
  let sut: TestApp;
  let kb: KnowledgeClient;
  const sources: Record<keyof typeof SECRETS, string> = {} as never;

  beforeAll(async () => {
    sut = await startTestApp({ env: { ...JWT_ENV, ...KNOWLEDGE_ENV } });
    kb = await knowledgeClient(sut);
    const settings: Record<
      keyof typeof SECRETS,
      { tenantId: string | null; allowedRoles: string[] }
    > = {
      acmeCustomers: { tenantId: 'acme', allowedRoles: ['customer'] },
      acmeAgents: { tenantId: 'acme', allowedRoles: ['agent'] },
      globexCustomers: { tenantId: 'globex', allowedRoles: ['customer'] },
      untenanted: { tenantId: null, allowedRoles: ['customer'] },
    };
    for (const [name, s] of Object.entries(settings) as [
      keyof typeof SECRETS,
      (typeof settings)['acmeAgents'],
    ][]) {
      sources[name] = await kb.createSource({ name, ...s });
      await kb.upload(sources[name], { title: name, text: SECRETS[name] });
    }
  }, 120_000);
  afterAll(() => sut.close());

  const callers = {
    acmeCustomer: () => callerToken('ann', 'acme', ['customer']),
    acmeAgent: () => callerToken('bob', 'acme', ['agent']),
    globexCustomer: () => callerToken('cyd', 'globex', ['customer']),
    noTenantCustomer: () => callerToken('dee', undefined, ['customer']),
    acmeNoRoles: () => callerToken('eve', 'acme', []),
  };
  const mayRead: Record<keyof typeof callers, (keyof typeof SECRETS)[]> = {
    acmeCustomer: ['acmeCustomers'],
    acmeAgent: ['acmeAgents'],
    globexCustomer: ['globexCustomers'],
    noTenantCustomer: ['untenanted'],
    acmeNoRoles: [],
  };

  it('gives each caller its own sources and nothing else', async () => {
    for (const [caller, token] of Object.entries(callers) as [
      keyof typeof callers,
      () => Promise<string>,
    ][]) {
      const seen = new Set<string>();
      for (const secret of Object.values(SECRETS))
        for (const hit of (await kb.search(secret, await token(), 10)).hits)
          seen.add(hit.citation.sourceId);
      expect([caller, [...seen].sort()]).toEqual([
        caller,
        mayRead[caller].map((s) => sources[s]).sort(),
      ]);
    }
  });

  it('returns zero foreign chunks over 1,000 adversarial queries from other tenants and roles', async () => {
    const words = Object.values(SECRETS).join(' ').split(/\s+/);
    const query = fc.oneof(
      fc.constantFrom(...Object.values(SECRETS)),
      fc.constantFrom(...words),
      fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 12 }).map((w) => w.join(' ')),
      fc.constantFrom(
        `' OR tenant_id IS NULL --`,
        'acme | globex',
        '!customer & agent',
        '"ACME-ROCKET-77"',
        '* OR 1=1',
      ),
      fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0),
    );
    const queries = fc.sample(query, { numRuns: 1000, seed: 1313 });
    const attackers = [
      callers.globexCustomer,
      callers.acmeAgent,
      callers.noTenantCustomer,
      callers.acmeNoRoles,
    ] as const;
    const allowed = [
      mayRead.globexCustomer,
      mayRead.acmeAgent,
      mayRead.noTenantCustomer,
      mayRead.acmeNoRoles,
    ].map((names) => new Set(names.map((n) => sources[n])));
    const tokens = await Promise.all(attackers.map((a) => a()));
    let foreign = 0;
    let answered = 0;
    for (const [i, q] of queries.entries()) {
      const who = i % attackers.length;
      const res = await kb.call(
        'GET',
        `/v1/knowledge/search?q=${encodeURIComponent(q)}&k=50`,
        undefined,
        tokens[who],
      );
      if (res.status === 400) continue;
      expect(res.status).toBe(200);
      answered++;
      const { hits } = (await res.json()) as { hits: { citation: { sourceId: string } }[] };
      foreign += hits.filter((h) => !allowed[who].has(h.citation.sourceId)).length;
    }
    expect(foreign).toBe(0);
    expect(answered).toBeGreaterThan(950);
  }, 600_000);

  it('ignores any attempt to widen the scope through parameters', async () => {
    const token = await callers.globexCustomer();
    for (const extra of [
      'tenant=acme',
      'tenantId=acme',
      'roles=agent',
      'sourceId=' + sources.acmeCustomers,
    ]) {
      const res = await kb.call(
        'GET',
        `/v1/knowledge/search?q=ACME-ROCKET-77&${extra}`,
        undefined,
        token,
      );
      expect(res.status).toBe(400);
    }
  });

  it('lets an operator editor key read every source, and other operator keys only their roles', async () => {
    const all = await kb.search('code', kb.editorKey, 50);
    expect(new Set(all.hits.map((h) => h.citation.sourceId))).toEqual(
      new Set(Object.values(sources)),
    );
    const { key: auditor } = await sut.app
      .get(ApiKeysService)
      .create('auditor', ['auditor'], 'system');
    expect((await kb.search('code', auditor, 50)).hits).toEqual([]);
  });
});
