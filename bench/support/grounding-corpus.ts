/** The corpus: 16 shop topics × 5 products, one short document each, and the spoken questions. */

const PRODUCTS = [
  'espresso machine',
  'trail bike',
  'noise-cancelling headphones',
  'standing desk',
  'robot vacuum',
];

type Topic = (p: string, n: number) => { title: string; text: string; question: string };
const TOPICS: Topic[] = [
  (p, n) => ({
    title: 'returns',
    text: `An unused ${p} can be returned within ${14 + n * 7} days of delivery for a full refund. Opened items are accepted when every accessory and the original box come back with them.`,
    question: `can I send back the ${p} if I opened the box`,
  }),
  (p, n) => ({
    title: 'warranty',
    text: `The ${p} has a ${1 + n}-year warranty against manufacturing defects. Wear parts and accidental damage are not covered; keep the receipt as proof of purchase.`,
    question: `how many years of warranty does the ${p} have`,
  }),
  (p, n) => ({
    title: 'delivery times',
    text: `Standard delivery of the ${p} takes ${2 + n} working days. Express delivery arrives the next working day when ordered before 2 pm.`,
    question: `how quickly will the ${p} be delivered`,
  }),
  (p, n) => ({
    title: 'assembly',
    text: `The ${p} arrives partly assembled. Setting it up takes about ${15 + n * 10} minutes with the tools in the box, and our video guide walks through each step.`,
    question: `how long does it take to set up the ${p}`,
  }),
  (p, n) => ({
    title: 'cleaning and care',
    text: `Clean the ${p} weekly with a dry cloth and deep-clean it every ${2 + n} months. Never use bleach or abrasive sponges on it.`,
    question: `how should I clean the ${p}`,
  }),
  (p, n) => ({
    title: 'spare parts',
    text: `Spare parts for the ${p} stay available for ${5 + n} years after the model is discontinued. Order them by part number from the spare parts page.`,
    question: `can I still buy spare parts for the ${p}`,
  }),
  (p, n) => ({
    title: 'instalments',
    text: `The ${p} can be paid in ${3 + n * 3} monthly instalments without interest when the order is above the minimum amount.`,
    question: `can I pay for the ${p} in monthly instalments`,
  }),
  (p, n) => ({
    title: 'price match',
    text: `If you find the ${p} cheaper at another shop within ${7 + n * 3} days of buying it, we refund the difference once you show us the offer.`,
    question: `do you match a lower price for the ${p}`,
  }),
  (p, n) => ({
    title: 'international shipping',
    text: `We ship the ${p} to ${10 + n * 5} countries in Europe. Customs duties outside the EU are paid by the customer on delivery.`,
    question: `can you ship the ${p} to another country`,
  }),
  (p, n) => ({
    title: 'power use',
    text: `The ${p} draws at most ${300 + n * 200} watts while running and less than one watt in standby. It uses a standard plug.`,
    question: `how much electricity does the ${p} use`,
  }),
  (p) => ({
    title: 'recycling',
    text: `We take your old ${p} back for free recycling when we deliver a new one. Book the collection at checkout.`,
    question: `will you take my old ${p} away for recycling`,
  }),
  (p, n) => ({
    title: 'repairs',
    text: `Repairs of the ${p} outside the warranty cost a flat fee of ${40 + n * 15} euros plus parts. Most repairs are done within ${5 + n} working days.`,
    question: `how much does it cost to repair the ${p}`,
  }),
  (p) => ({
    title: 'accessories',
    text: `Accessories for the ${p}, such as covers, mounts and cables, ship free with the ${p} or for a small fee when ordered later.`,
    question: `which accessories can I get for the ${p}`,
  }),
  (p, n) => ({
    title: 'gift wrapping',
    text: `Gift wrapping for the ${p} costs ${3 + n} euros and includes a card with your message. The invoice is never put in the parcel.`,
    question: `can you gift wrap the ${p} for me`,
  }),
  (p, n) => ({
    title: 'trade-in',
    text: `Trade in an older ${p} in working condition and get a voucher worth up to ${50 + n * 25} euros towards a new one.`,
    question: `what do I get for trading in my old ${p}`,
  }),
  (p) => ({
    title: 'safety recalls',
    text: `No safety recall affects the ${p}. If one is ever issued, we email every buyer and replace affected units free of charge.`,
    question: `is there a safety recall for the ${p}`,
  }),
];

export interface CorpusDocument {
  readonly title: string;
  readonly text: string;
  readonly question: string;
}

/** Deterministic: document i is topic i % 16 of product ⌊i / 16⌋. */
export function corpus(): CorpusDocument[] {
  return PRODUCTS.flatMap((product, n) =>
    TOPICS.map((topic) => {
      const { title, text, question } = topic(product, n);
      const heading = `${product.charAt(0).toUpperCase()}${product.slice(1)}: ${title}`;
      return { title: heading, text: `# ${heading}\n\n${text}`, question };
    }),
  );
}

/** The spoken question of turn `i`: a step of 17 through 80 documents, so no two turns in a row share a topic. */
export function questionOf(docs: readonly CorpusDocument[], i: number, offset: number): string {
  return docs[(i * 17 + offset) % docs.length]!.question;
}

/**
 * `rounds` rounds of one turn per agent, in the order of `agents`: turns interleaved across the
 * agents, so drift hits all alike, every agent asked the same question in a round (round i speaks
 * `questionOf(docs, i, offset)`). Resolves with each agent's results, in turn order.
 */
export async function interleavedTurns<A, S>(
  agents: readonly A[],
  docs: readonly CorpusDocument[],
  rounds: number,
  offset: number,
  turn: (agent: A, text: string) => Promise<S>,
): Promise<Map<A, S[]>> {
  const results = new Map<A, S[]>(agents.map((a) => [a, []]));
  for (let i = 0; i < rounds; i++)
    for (const agent of agents)
      results.get(agent)!.push(await turn(agent, questionOf(docs, i, offset)));
  return results;
}
