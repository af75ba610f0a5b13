import {
  AGENT_TOPICS,
  BULLETIN_TOPICS,
  POLICY_GROUPS,
  PRODUCT_TOPICS,
  TOPIC_COUNT,
  TROUBLESHOOTING_TOPICS,
  chance,
  int,
  pick,
  rngFrom,
  styled,
  type Product,
  type Rng,
  type Topic,
} from './retrieval-topics.js';
import { CATEGORIES, LINES, OFF_TOPIC, company, type Company } from './retrieval-vocabulary.js';

/**
 * The retrieval benchmark's corpus: synthetic but realistic help-centre, product-manual, policy
 * and internal-playbook passages of 44 companies in six industries, built deterministically (no
 * randomness outside the seeded generators, so equal sizes give equal texts on every machine).
 *
 * How: document `d` belongs to the source of slot `SLOT_ORDER[d % 100]`; 100 slots give exact
 * shares (Northwind's customer sources 10 %, its staff-only sources another 10 %, Bluebird 1 %,
 * 38 other tenants 1 % each, 4 tenants ~10 % each). A document has 6–14 passages (the same count
 * for all documents of a block of 100, so any prefix of whole blocks keeps the shares); each passage
 * comes from one of 35 topic templates (`retrieval-topics.ts`) applicable to the document's kind
 * and product, filled with facts drawn from its own seed, and grows sentence by sentence to a
 * drawn length of 42–95 words (≈ 60–150 word pieces with its heading path). A passage whose text
 * was already produced is drawn again with the next seed, so every passage is distinct. Every
 * passage carries a question about it, worded like a user (lower case, colloquial, other terms).
 * A smaller corpus is a prefix of a bigger one, so their embeddings are shared.
 */

export type SourceKind = 'help' | 'manuals' | 'policies' | 'playbook' | 'bulletins' | 'community';

export interface CorpusSource {
  readonly id: string;
  readonly company: Company;
  readonly name: string;
  readonly kind: SourceKind;
  readonly allowedRoles: readonly string[];
  readonly trustTier: 'authoritative' | 'standard' | 'community';
  readonly maxAgeDays: number | null;
  readonly reviewEveryDays: number | null;
  readonly reviewOverdue: 'exclude' | 'allow';
  readonly recencyHalfLifeDays: number | null;
}

export interface CorpusDocument {
  readonly id: string;
  readonly source: number;
  readonly title: string;
  /** The current version; version 1 of a document at version 2 is superseded (no chunks). */
  readonly version: 1 | 2;
  readonly createdDaysAgo: number;
  /** Sources that want reviews get one within their interval. */
  readonly reviewedDaysAgo: number | null;
  readonly validUntilDaysAhead: number | null;
  readonly firstChunk: number;
  readonly chunkCount: number;
}

export interface CorpusChunk {
  readonly document: number;
  readonly index: number;
  readonly headingPath: readonly string[];
  readonly text: string;
  /** `headingPath` joined with ` > `, a blank line, then `text` (what the pipeline embeds). */
  readonly embeddingText: string;
  readonly topic: string;
  /** A user's question about this passage, phrased differently. */
  readonly question: string;
  /** Another question about the passage, for the given generator. */
  readonly ask: (q: Rng) => string;
}

export interface Corpus {
  readonly sources: readonly CorpusSource[];
  readonly documents: readonly CorpusDocument[];
  readonly chunks: readonly CorpusChunk[];
}

const SEED = 20261201;
const SLOTS = 100;

interface SourcePlan {
  readonly company: number;
  readonly kind: SourceKind;
  readonly roles: readonly string[];
  readonly slots: readonly [from: number, to: number];
}

/** Who owns which share: see the class comment. Company 0 is Northwind, 1 Bluebird. */
const PLAN: readonly SourcePlan[] = [
  { company: 0, kind: 'help', roles: ['customer'], slots: [0, 3] },
  { company: 0, kind: 'manuals', roles: ['customer'], slots: [4, 7] },
  { company: 0, kind: 'policies', roles: ['customer'], slots: [8, 9] },
  { company: 0, kind: 'playbook', roles: ['agent'], slots: [10, 14] },
  { company: 0, kind: 'bulletins', roles: ['agent', 'technician'], slots: [15, 19] },
  { company: 1, kind: 'help', roles: ['customer'], slots: [20, 20] },
  ...Array.from({ length: 38 }, (_, i): SourcePlan => ({
    company: 2 + i,
    kind: i % 3 === 2 ? 'manuals' : 'help',
    roles: ['customer'],
    slots: [21 + i, 21 + i],
  })),
  ...[0, 1, 2, 3].flatMap((i): SourcePlan[] => {
    const from = 59 + i * 10;
    const to = i === 3 ? 99 : from + 9;
    const mid = from + 5;
    return [
      { company: 40 + i, kind: 'help', roles: ['customer'], slots: [from, mid - 1] },
      {
        company: 40 + i,
        kind: i % 2 === 0 ? 'manuals' : 'community',
        roles: ['customer'],
        slots: [mid, to],
      },
    ];
  }),
];

const SOURCE_NAMES: Readonly<Record<SourceKind, string>> = {
  help: 'help centre',
  manuals: 'product manuals',
  policies: 'customer policies',
  playbook: 'agent playbook',
  bulletins: 'service bulletins',
  community: 'community answers',
};

function sourceOf(plan: SourcePlan, index: number): CorpusSource {
  const co = company(plan.company);
  const base = {
    id: `src_bench${String(index).padStart(2, '0')}${plan.kind}`,
    company: co,
    name: `${co.short} ${SOURCE_NAMES[plan.kind]}`,
    kind: plan.kind,
    allowedRoles: plan.roles,
  };
  switch (plan.kind) {
    case 'help':
      return {
        ...base,
        trustTier: 'standard',
        maxAgeDays: null,
        reviewEveryDays: 365,
        reviewOverdue: 'exclude',
        recencyHalfLifeDays: 180,
      };
    case 'manuals':
      return {
        ...base,
        trustTier: 'authoritative',
        maxAgeDays: 1095,
        reviewEveryDays: null,
        reviewOverdue: 'exclude',
        recencyHalfLifeDays: null,
      };
    case 'policies':
      return {
        ...base,
        trustTier: 'authoritative',
        maxAgeDays: null,
        reviewEveryDays: 180,
        reviewOverdue: 'allow',
        recencyHalfLifeDays: null,
      };
    case 'playbook':
      return {
        ...base,
        trustTier: 'authoritative',
        maxAgeDays: 730,
        reviewEveryDays: null,
        reviewOverdue: 'exclude',
        recencyHalfLifeDays: null,
      };
    case 'bulletins':
      return {
        ...base,
        trustTier: 'standard',
        maxAgeDays: null,
        reviewEveryDays: null,
        reviewOverdue: 'exclude',
        recencyHalfLifeDays: 90,
      };
    case 'community':
      return {
        ...base,
        trustTier: 'community',
        maxAgeDays: 730,
        reviewEveryDays: null,
        reviewOverdue: 'exclude',
        recencyHalfLifeDays: 365,
      };
  }
}

export const SOURCES: readonly CorpusSource[] = PLAN.map(sourceOf);

const SLOT_SOURCE: readonly number[] = (() => {
  const slots = new Array<number>(SLOTS);
  PLAN.forEach((plan, i) => {
    for (let s = plan.slots[0]; s <= plan.slots[1]; s++) slots[s] = i;
  });
  return slots;
})();

/** A fixed shuffle of the slots, so neighbouring documents belong to different sources. */
const SLOT_ORDER: readonly number[] = shuffle(
  rngFrom(SEED),
  Array.from({ length: SLOTS }, (_, i) => i),
);

function shuffle<T>(r: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** FNV-1a over numbers: a seed per document, passage and attempt. */
function seedOf(...parts: number[]): number {
  let h = 2166136261 ^ SEED;
  for (const part of parts) {
    h = Math.imul(h ^ (part & 0xffff), 16777619);
    h = Math.imul(h ^ (part >>> 16), 16777619);
  }
  return h >>> 0;
}

const productsByCompany = new Map<number, Product[]>();

/** Each company sells 12 products of its industry's categories: `<line> <code>`. */
function products(companyIndex: number): Product[] {
  let list = productsByCompany.get(companyIndex);
  if (list) return list;
  const co = company(companyIndex);
  const categories = CATEGORIES.filter((c) => c.industry === co.industry);
  const letters = 'ABCDEFGHKLMNPRSTVX';
  list = Array.from({ length: 12 }, (_, j) => {
    const line = LINES[(companyIndex * 7 + j * 11) % LINES.length]!;
    const code = `${letters[(companyIndex * 3 + j) % letters.length]}${100 + ((companyIndex * 37 + j * 53) % 900)}`;
    return {
      name: `${line} ${code}`,
      line,
      category: categories[(j + companyIndex) % categories.length]!,
    };
  });
  productsByCompany.set(companyIndex, list);
  return list;
}

function passagesIn(document: number): number {
  return 6 + ((Math.floor(document / SLOTS) * 5 + 3) % 9);
}

interface DocumentPlan {
  readonly title: string;
  readonly product?: Product;
  readonly topics: readonly Topic[];
}

function planDocument(r: Rng, source: CorpusSource, companyIndex: number): DocumentPlan {
  const co = source.company;
  const product = pick(r, products(companyIndex));
  const p = product.name;
  const n = product.category.noun;
  // The kind's own topics first, then the product's other topics (a tent has no error codes).
  const forProduct = (topics: readonly Topic[]) => {
    const usable = (list: readonly Topic[]) => list.filter((t) => t.applies(co, product.category));
    const first = shuffle(r, usable(topics));
    return [
      ...first,
      ...shuffle(
        r,
        usable(PRODUCT_TOPICS).filter((t) => !first.includes(t)),
      ),
    ];
  };
  const policy = () => {
    const usable = (topics: readonly Topic[]) => topics.filter((t) => t.applies(co));
    const groups = POLICY_GROUPS.filter(([, topics]) => usable(topics).length >= 3);
    const [title, topics] = pick(r, groups);
    const first = shuffle(r, usable(topics));
    const rest = shuffle(r, usable([...new Set(POLICY_GROUPS.flatMap(([, t]) => t))])).filter(
      (t) => !first.includes(t),
    );
    return { title: `${co.short}: ${title.toLowerCase()}`, topics: [...first, ...rest] };
  };
  switch (source.kind) {
    case 'manuals':
    case 'community':
      return {
        title: pick(r, [`${p} ${n} user guide`, `${p} manual`, `Using your ${p} ${n}`]),
        product,
        topics: forProduct(PRODUCT_TOPICS),
      };
    case 'help':
      return chance(r, 0.5)
        ? {
            title: pick(r, [
              `Troubleshooting the ${p}`,
              `${p}: common questions`,
              `Help with your ${n}`,
            ]),
            product,
            topics: forProduct(TROUBLESHOOTING_TOPICS),
          }
        : policy();
    case 'policies':
      return policy();
    case 'playbook': {
      const agent = AGENT_TOPICS.filter((t) => t.applies(co));
      const { topics } = policy();
      return {
        title: `Agent playbook: ${pick(r, ['handling calls', 'escalations and credits', 'account safety', 'difficult contacts'])}`,
        topics: [...shuffle(r, agent), ...topics],
      };
    }
    case 'bulletins':
      return {
        title: `Service bulletins for the ${p}`,
        product,
        topics: forProduct(BULLETIN_TOPICS),
      };
  }
}

const words = (s: string) => s.split(' ').length;
const MAX_WORDS = 100;

function compose(r: Rng, core: readonly string[], extra: readonly string[]): string {
  const target = 42 + Math.floor(Math.pow(r(), 1.8) * 54);
  const parts = [...core];
  let count = words(parts.join(' '));
  for (const sentence of shuffle(r, [...extra])) {
    if (count >= target) break;
    const more = words(sentence);
    if (count + more > MAX_WORDS) continue;
    parts.push(sentence);
    count += more;
  }
  return parts.join(' ');
}

/** The first `size` passages of the corpus (any smaller corpus is a prefix of a bigger one). */
export function buildCorpus(size: number): Corpus {
  const documents: CorpusDocument[] = [];
  const chunks: CorpusChunk[] = [];
  const seen = new Set<string>();
  for (let d = 0; chunks.length < size; d++) {
    const sourceIndex = SLOT_SOURCE[SLOT_ORDER[d % SLOTS]!]!;
    const source = SOURCES[sourceIndex]!;
    const r = rngFrom(seedOf(d));
    const plan = planDocument(r, source, PLAN[sourceIndex]!.company);
    const count = Math.min(passagesIn(d), size - chunks.length);
    const firstChunk = chunks.length;
    let topicAt = 0;
    let leftInSection = int(r, 1, 2);
    for (let i = 0; i < count; i++) {
      const topic = plan.topics[topicAt % plan.topics.length]!;
      if (--leftInSection === 0) {
        topicAt++;
        leftInSection = int(r, 1, 2);
      }
      for (let attempt = 0; ; attempt++) {
        const seed = seedOf(d, i, attempt);
        const pr = rngFrom(seed);
        const draft = topic.make({ r: pr, co: source.company, product: plan.product });
        const text = compose(pr, draft.core, draft.extra);
        const embeddingText = `${draft.heading.join(' > ')}\n\n${text}`;
        if (seen.has(embeddingText)) {
          if (attempt > 50) throw new Error(`document ${d} passage ${i}: no distinct text`);
          continue;
        }
        seen.add(embeddingText);
        const q = rngFrom(seed ^ 0x5bd1e995);
        chunks.push({
          document: d,
          index: i,
          headingPath: draft.heading,
          text,
          embeddingText,
          topic: topic.id,
          question: styled(q, draft.ask(q)),
          ask: (other) => styled(other, draft.ask(other)),
        });
        break;
      }
    }
    documents.push({
      id: `doc_bench${d}`,
      source: sourceIndex,
      title: plan.title,
      version: chance(r, 0.2) ? 2 : 1,
      createdDaysAgo: int(r, 1, 330),
      reviewedDaysAgo:
        source.reviewEveryDays !== null && source.reviewOverdue === 'exclude'
          ? int(r, 0, 300)
          : null,
      validUntilDaysAhead: source.kind === 'policies' && chance(r, 0.3) ? int(r, 30, 365) : null,
      firstChunk,
      chunkCount: count,
    });
  }
  return { sources: SOURCES, documents, chunks };
}

/** The readable share of a corpus for a set of source indexes. */
export function chunksOf(corpus: Corpus, sources: ReadonlySet<number>): number[] {
  const out: number[] = [];
  corpus.chunks.forEach((c, i) => {
    if (sources.has(corpus.documents[c.document]!.source)) out.push(i);
  });
  return out;
}

export interface BenchQuery {
  readonly text: string;
  /** The passage it was written from (-1: off-topic). */
  readonly chunk: number;
}

/**
 * `count` distinct questions a caller who reads `readable` might ask: 90 % written from
 * random readable passages (their paraphrased question), 10 % off-topic.
 */
export function questions(
  corpus: Corpus,
  readable: readonly number[],
  count: number,
  seed: number,
): BenchQuery[] {
  const r = rngFrom(seed);
  const out: BenchQuery[] = [];
  const seen = new Set<string>();
  const offTopic = Math.round(count * 0.1);
  const offTopicList = shuffle(r, [...OFF_TOPIC]);
  for (let i = 0; i < offTopic; i++) {
    const text = offTopicList[(i + seed) % offTopicList.length]!;
    if (!seen.has(text)) {
      seen.add(text);
      out.push({ text, chunk: -1 });
    }
  }
  // A passage asked about twice is asked in other words (small scopes have few passages).
  for (let tries = 0; out.length < count; tries++) {
    if (tries > count * 200) throw new Error(`cannot write ${count} distinct questions`);
    const chunk = pick(r, readable);
    const text = tries < count * 2 ? corpus.chunks[chunk]!.question : corpus.chunks[chunk]!.ask(r);
    if (seen.has(text)) continue;
    seen.add(text);
    out.push({ text, chunk });
  }
  return shuffle(r, out);
}

/** What the result JSON says about the corpus. */
export function describeCorpus(corpus: Corpus) {
  const lengths = corpus.chunks.map((c) => words(c.embeddingText.replace('\n\n', ' ')));
  const topics = new Set(corpus.chunks.map((c) => c.topic));
  return {
    builtBy: 'bench/support/retrieval-corpus.ts (deterministic, seeded; see its header comment)',
    how:
      'synthetic help-centre, product-manual, policy and agent-playbook passages of 44 companies in 6 industries ' +
      `(${CATEGORIES.length} product categories, 12 products each): ${TOPIC_COUNT} topic templates, each with ` +
      'several wordings and optional sentences, filled with drawn facts (error codes, prices, durations, ' +
      'cities, carriers, parts, part and serial numbers); every passage distinct; grouped into documents of ' +
      '6-14 passages under heading paths, in sources with tenants, roles and freshness rules; embedded as ' +
      'heading path + passage, as the ingestion pipeline does',
    sources: corpus.sources.length,
    tenants: new Set(corpus.sources.map((s) => s.company.tenantId)).size,
    documents: corpus.documents.length,
    chunks: corpus.chunks.length,
    topicsUsed: topics.size,
    words: {
      min: Math.min(...lengths),
      mean: Math.round(lengths.reduce((a, b) => a + b, 0) / lengths.length),
      max: Math.max(...lengths),
    },
    sample: corpus.chunks
      .slice(0, 2)
      .map((c) => ({ embeddingText: c.embeddingText, question: c.question })),
  };
}

export interface MarkdownDocument {
  readonly title: string;
  readonly markdown: string;
}

/**
 * `count` documents for the ingestion measurement, written as Markdown (title, then one `##`
 * section per topic with one or two passages): made by the same planner and templates as the
 * corpus but from other seeds, so none of their passages is in the bulk-loaded corpus.
 */
export function ingestionDocuments(count: number): MarkdownDocument[] {
  return Array.from({ length: count }, (_, k) => {
    const d = 1_000_000 + k;
    const sourceIndex = SLOT_SOURCE[SLOT_ORDER[d % SLOTS]!]!;
    const source = SOURCES[sourceIndex]!;
    const r = rngFrom(seedOf(d));
    const plan = planDocument(r, source, PLAN[sourceIndex]!.company);
    const sections = int(r, 2, 4);
    const lines = [`# ${plan.title}`, ''];
    for (let s = 0; s < sections; s++) {
      const topic = plan.topics[s % plan.topics.length]!;
      const passages = int(r, 1, 2);
      for (let i = 0; i < passages; i++) {
        const pr = rngFrom(seedOf(d, s, i));
        const draft = topic.make({ r: pr, co: source.company, product: plan.product });
        if (i === 0) {
          lines.push(`## ${draft.heading[0]}`, '');
          if (draft.heading[1]) lines.push(`### ${draft.heading[1]}`, '');
        }
        lines.push(compose(pr, draft.core, draft.extra), '');
      }
    }
    return { title: plan.title, markdown: lines.join('\n') };
  });
}
