/**
 * The passage templates of the retrieval benchmark: 35 topics (14 about a product, 16 company
 * policies, 5 internal playbook topics). Each draws its facts (codes, prices, durations, places,
 * parts) from a seeded generator, phrases them with one of several wordings, and returns core
 * sentences, optional sentences (added until the passage reaches its drawn length) and a question a
 * user might ask about it, phrased differently from the passage.
 */
import {
  CARRIERS,
  CITIES,
  REGIONS,
  STREETS,
  type Category,
  type Company,
  type Industry,
} from './retrieval-vocabulary.js';

export type Rng = () => number;

/** mulberry32: small, fast, deterministic. */
export function rngFrom(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(r: Rng, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;
export const int = (r: Rng, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
export const chance = (r: Rng, p: number): boolean => r() < p;
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
const ordinal = (n: number) =>
  `${n}${n % 10 === 1 && n !== 11 ? 'st' : n % 10 === 2 && n !== 12 ? 'nd' : n % 10 === 3 && n !== 13 ? 'rd' : 'th'}`;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const COLOURS = ['amber', 'white', 'blue', 'green', 'red', 'purple', 'orange'];
const FINISHES = ['matt black', 'stone grey', 'sage green', 'arctic white', 'navy', 'copper'];

export interface Product {
  readonly name: string;
  readonly line: string;
  readonly category: Category;
}

export interface Context {
  readonly r: Rng;
  readonly co: Company;
  /** For product topics. */
  readonly product?: Product;
}

/** What a topic makes: the passage's parts and how a user would ask about it. */
export interface Draft {
  readonly heading: readonly string[];
  readonly core: readonly string[];
  readonly extra: readonly string[];
  readonly ask: (q: Rng) => string;
}

export interface Topic {
  readonly id: string;
  readonly kind: 'product' | 'policy' | 'agent';
  applies(co: Company, category?: Category): boolean;
  make(ctx: Context): Draft;
}

function money(co: Company, value: number): string {
  const whole = Number.isInteger(value);
  return `${co.currency}${whole ? value : value.toFixed(2)}`;
}
const price = (r: Rng, lo: number, hi: number) => int(r, lo, hi) + pick(r, [0, 0.5, 0.99, 0.95]);
const minor = (co: Company) => (co.currency === '£' ? 'pence' : 'cents');
const phone = (co: Company) =>
  co.currency === '£'
    ? `0${300 + ((co.name.length * 37) % 500)} ${100 + ((co.short.length * 71) % 900)} ${1000 + ((co.name.length * 313) % 9000)}`
    : co.currency === '€'
      ? `+353 1 ${200 + ((co.name.length * 41) % 700)} ${1000 + ((co.short.length * 97) % 9000)}`
      : `1-800-${200 + ((co.name.length * 43) % 700)}-${1000 + ((co.short.length * 89) % 9000)}`;
const domain = (co: Company) => `${co.short.toLowerCase()}.example`;
const otherCity = (r: Rng, co: Company) => pick(r, CITIES[co.currency]);
const serial = (r: Rng) =>
  `${pick(r, ['SN', 'S', 'X'])}${int(r, 10, 99)}${pick(r, ['A', 'B', 'C', 'K', 'M'])}${int(r, 1000, 9999)}`;
const partNo = (r: Rng, product: Product) =>
  `${product.line.slice(0, 2).toUpperCase()}-${int(r, 100, 999)}-${int(r, 10, 99)}`;

/** Rewords a phrase the way users do ("does not" → "won't", …), randomly. */
export function colloquial(q: Rng, text: string): string {
  const swaps: [RegExp, string[]][] = [
    [/\bdoes not\b/g, ["doesn't", "won't", 'does not']],
    [/\bis not\b/g, ["isn't", 'is not']],
    [/\bdo not\b/g, ["don't", 'do not']],
    [/\bswitches off\b/g, ['turns off', 'cuts out', 'switches off']],
    [/\bleaks\b/g, ['is leaking', 'leaks']],
    [/\bloud\b/g, ['noisy', 'loud']],
    [/\bdrop the connection\b/g, ['keep disconnecting', 'lose connection']],
  ];
  let out = text;
  for (const [pattern, options] of swaps) out = out.replace(pattern, () => pick(q, options));
  return out;
}

/** How a user writes: mostly lower case without a question mark, sometimes properly, sometimes with a greeting. */
export function styled(q: Rng, question: string): string {
  const style = q();
  if (style < 0.45) return question;
  if (style < 0.8) return `${cap(question)}?`;
  if (style < 0.9) return `${pick(q, ['hi, ', 'hello ', 'quick question: ', 'hey - '])}${question}`;
  return `${pick(q, ['please help, ', 'can you tell me ', 'I need to know '])}${question}${pick(q, ['', '?', ' thanks'])}`;
}

const PRODUCT_INDUSTRIES: readonly Industry[] = [
  'appliances',
  'electronics',
  'telecom',
  'energy',
  'mobility',
  'outdoor',
];
const any = () => true;

/** ─── product topics ─────────────────────────────────────────────────────────────── */

const errorCode: Topic = {
  id: 'error-code',
  kind: 'product',
  applies: (_co, cat) => Boolean(cat?.electric),
  make({ r, co, product }) {
    const p = product!.name;
    const n = product!.category.noun;
    const letter = pick(r, ['E', 'F', 'H', 'C']);
    const code = `${letter}${int(r, 1, 79)}`;
    const part = pick(r, product!.category.parts);
    const fault = pick(r, [
      'is overheating',
      'is not detected',
      'has lost its calibration',
      'reports a blocked sensor',
      'cannot reach the set temperature',
      'has a short circuit',
      'draws too much current',
      'is not getting enough power',
    ]);
    const wait = int(r, 10, 60);
    return {
      heading: pick(r, [
        ['Troubleshooting', `Error ${code}`],
        ['Error codes', code],
        [`What ${code} means`],
      ]),
      core: [
        pick(r, [
          `Error ${code} on the ${p} means the ${part} ${fault}.`,
          `If your ${p} shows ${code} on the display, the ${part} ${fault}.`,
          `The code ${code} appears when the ${n} detects that the ${part} ${fault}.`,
        ]),
        pick(r, [
          `Switch the ${n} off at the wall, wait ${wait} seconds and switch it on again.`,
          `Unplug it for ${wait} seconds, then plug it back in and start again.`,
          `Turn it off, leave it for ${wait} seconds and restart it.`,
        ]),
      ],
      extra: [
        `If ${code} comes back within ${plural(int(r, 2, 30), 'minute')}, stop using the ${n} and contact ${co.short} support.`,
        `Have the serial number ready; it is printed ${pick(r, ['under the base', 'behind the door', 'on the back panel', 'inside the battery compartment', 'on the rating label'])}.`,
        `Do not open the casing yourself, as that voids the warranty.`,
        `Codes that start with ${letter} are safety shutdowns; other codes only pause the ${n}.`,
        ...(product!.category.connected
          ? [`The ${co.app} lists the last ${int(r, 5, 20)} error codes under Device history.`]
          : []),
        `An engineer visit for ${code} is free during the first ${plural(int(r, 1, 3), 'year')}.`,
      ],
      ask: (q) =>
        pick(q, [
          `what does ${code} mean on my ${n}`,
          `my ${p} is showing error ${code}`,
          `${code} error ${product!.line} ${n}`,
          `${n} keeps flashing ${code}, what do I do`,
          `how do I clear the ${code} code on the ${p}`,
        ]),
    };
  },
};

const reset: Topic = {
  id: 'reset',
  kind: 'product',
  applies: (_co, cat) => Boolean(cat?.electric),
  make({ r, co, product }) {
    const p = product!.name;
    const n = product!.category.noun;
    const button = pick(r, ['power', 'reset', 'mode', 'Wi-Fi', 'home', 'settings']);
    const hold = int(r, 3, 20);
    const light = pick(r, ['status', 'power', 'ring', 'front']);
    const colour = pick(r, COLOURS);
    const lost = pick(r, [
      'schedules',
      'Wi-Fi details',
      'saved programmes',
      'pairings',
      'custom settings',
    ]);
    return {
      heading: pick(r, [
        ['Factory reset'],
        [`Resetting the ${n}`],
        ['Settings', 'Restore factory settings'],
      ]),
      core: [
        pick(r, [
          `To restore the factory settings of the ${p}, press and hold the ${button} button for ${hold} seconds until the ${light} light flashes ${colour}.`,
          `A factory reset returns the ${p} to how it left the factory: hold ${button} for ${hold} seconds and let go when the ${light} light turns ${colour}.`,
        ]),
        `The ${n} then restarts, which takes about ${plural(int(r, 1, 5), 'minute')}.`,
      ],
      extra: [
        `A reset deletes your ${lost}, so note them down first.`,
        ...(product!.category.connected
          ? [`After the reset, set it up again in the ${co.app}.`]
          : []),
        `If the ${button} button does not respond, unplug the ${n} for ${int(r, 10, 60)} seconds and try again.`,
        `Try a simple restart before a reset; most problems clear with a restart.`,
        `A reset does not remove the ${n} from your ${co.short} account, so remove it there if you sell it.`,
      ],
      ask: (q) =>
        pick(q, [
          `how do I factory reset my ${p}`,
          `reset ${n} to factory settings`,
          `wipe my ${n} before selling it`,
          `which button resets the ${product!.line} ${n}`,
          `${n} light flashing ${colour} after holding the button`,
        ]),
    };
  },
};

const setup: Topic = {
  id: 'setup',
  kind: 'product',
  applies: any,
  make({ r, co, product }) {
    const p = product!.name;
    const cat = product!.category;
    const n = cat.noun;
    const first = cat.battery
      ? `charge it fully, which takes about ${plural(int(r, 2, 6), 'hour')}`
      : cat.electric
        ? pick(r, [
            'remove all packaging and the transit protection',
            'check that nothing was damaged in transit',
            'run it once empty to rinse it through',
          ])
        : pick(r, ['try it at home once', 'check every part against the list in the box']);
    const cm = int(r, 2, 15);
    return {
      heading: pick(r, [
        ['Getting started'],
        ['Installation'],
        ['First use'],
        ['Setting up', `Your ${n}`],
      ]),
      core: [
        `Before you use the ${p} for the first time, ${first}.`,
        cat.electric
          ? `Leave at least ${cm} cm of space around the ${n} so that air can circulate.`
          : `Keep the box and the receipt for ${int(r, 14, 60)} days in case you need to return it.`,
      ],
      extra: [
        ...(cat.connected
          ? [`Register the ${n} in the ${co.app} to get updates and reminders.`]
          : []),
        `The quick start guide in the box shows the same steps with pictures.`,
        `Installation by a ${co.short} engineer costs ${money(co, int(r, 29, 149))} and can be booked at checkout.`,
        ...(cat.watts[1] > 1000 ? [`Do not connect it to an extension lead or a timer plug.`] : []),
        `The first ${int(r, 2, 5)} uses may give off a slight smell, which is normal.`,
        `Setup takes about ${int(r, 5, 30)} minutes.`,
      ],
      ask: (q) =>
        pick(q, [
          `how do I set up my new ${p}`,
          `what do I need to do before using the ${n} for the first time`,
          `how much space does the ${n} need around it`,
          `${product!.line} ${n} first use`,
          `can ${co.short} install the ${n} for me`,
        ]),
    };
  },
};

const care: Topic = {
  id: 'care',
  kind: 'product',
  applies: any,
  make({ r, co, product }) {
    const p = product!.name;
    const cat = product!.category;
    const n = cat.noun;
    const weeks = int(r, 2, 8);
    const hard =
      cat.care.includes('descal') && chance(r, 0.7)
        ? ` or every ${plural(int(r, 1, 3), 'week')} in hard water areas such as ${otherCity(r, co)}`
        : '';
    const part = pick(r, cat.parts);
    return {
      heading: pick(r, [['Care and cleaning'], ['Maintenance'], [`Looking after your ${n}`]]),
      core: [
        `${cap(cat.care)} every ${weeks} weeks${hard}.`,
        `Never use ${pick(r, ['bleach', 'abrasive cleaners', 'solvents', 'a pressure washer', 'scouring pads'])} on the ${part} of the ${p}.`,
      ],
      extra: [
        cat.connected
          ? `The ${co.app} reminds you when the ${n} is due for care.`
          : `Mark the date in your calendar, as the ${n} has no reminder.`,
        `Regular care keeps the ${pick(r, cat.parts)} working and is a condition of the extended warranty.`,
        `${co.short} sells a care kit for ${money(co, price(r, 6, 29))}.`,
        `Let the ${n} ${cat.electric ? 'cool down' : 'dry'} fully before you clean it.`,
        `Wipe the outside with a damp cloth and a little washing-up liquid.`,
      ],
      ask: (q) =>
        pick(q, [
          `how often should I clean my ${n}`,
          `how do I look after the ${p}`,
          `can I use ${pick(q, ['bleach', 'a pressure washer', 'solvents'])} on my ${n}`,
          `${n} maintenance schedule`,
          `cleaning the ${part} on a ${product!.line}`,
        ]),
    };
  },
};

const consumable: Topic = {
  id: 'consumable',
  kind: 'product',
  applies: any,
  make({ r, co, product }) {
    const p = product!.name;
    const cat = product!.category;
    const [cons, lo, hi] = cat.consumable;
    const months = int(r, lo, hi);
    const pn = partNo(r, product!);
    const cost = money(co, price(r, 4, 59));
    const many = /[^s]s$/.test(cons);
    return {
      heading: pick(r, [
        [`Replacing the ${cons}`],
        ['Spare parts', cap(cons)],
        ['Parts and accessories'],
      ]),
      core: [
        pick(r, [
          `Replace the ${cons} of the ${p} every ${plural(months, 'month')}, or sooner if you use it every day.`,
          `The ${cons} of the ${p} ${many ? 'last' : 'lasts'} about ${plural(months, 'month')} in normal use.`,
        ]),
        `The replacement has part number ${pn} and costs ${cost}.`,
      ],
      extra: [
        `Order it from the ${co.short} shop, the ${co.app} or any authorised dealer.`,
        `With a parts subscription ${many ? 'new' : 'a new'} ${cons} ${many ? 'are' : 'is'} posted automatically and you save ${int(r, 10, 25)} percent.`,
        `Third-party parts may fit but are not covered by the warranty.`,
        `Recycle the old ${cons} with your ${pick(r, ['household plastics', 'general waste', 'electrical waste'])}.`,
        ...(cat.connected
          ? [`The ${co.app} tells you when the ${cons} ${many ? 'are' : 'is'} due.`]
          : []),
      ],
      ask: (q) =>
        pick(q, [
          `how often do I need to replace the ${cons} on my ${cat.noun}`,
          `part number for ${p} ${cons}`,
          `where can I buy a new ${cons} for the ${product!.line}`,
          `how much is a replacement ${cons}`,
          `${cons} replacement interval ${product!.line}`,
        ]),
    };
  },
};

const battery: Topic = {
  id: 'battery',
  kind: 'product',
  applies: (_co, cat) => Boolean(cat?.battery),
  make({ r, co, product }) {
    const p = product!.name;
    const cat = product!.category;
    const n = cat.noun;
    const hours = int(r, 1, 8);
    const watts = pick(r, [5, 10, 18, 20, 30, 45, 65]);
    const rides = cat.industry === 'mobility' && cat.watts[0] > 0;
    const run = rides
      ? `gives up to ${int(r, 25, 120)} km of assisted riding`
      : `runs for up to ${plural(int(r, 6, 60), 'hour')}`;
    return {
      heading: pick(r, [['Battery and charging'], ['Charging'], ['Battery life']]),
      core: [
        `A full charge of the ${p} takes about ${plural(hours, 'hour')} with the supplied ${watts} W adapter.`,
        `On a full charge it ${run}.`,
      ],
      extra: [
        `The battery keeps at least ${int(r, 70, 85)} percent of its capacity after ${int(r, 3, 10) * 100} charge cycles.`,
        `Do not charge it below ${int(r, 0, 5)} or above ${int(r, 35, 45)} degrees.`,
        `Fast charging takes it from empty to ${int(r, 50, 80)} percent in ${int(r, 20, 60)} minutes.`,
        `A replacement battery costs ${money(co, price(r, 19, 399))} and is covered for ${plural(int(r, 1, 2), 'year')}.`,
        `Store it at about half charge if you will not use it for a few weeks.`,
      ],
      ask: (q) =>
        pick(q, [
          `how long does the ${p} take to charge`,
          `battery life of the ${product!.line} ${n}`,
          rides
            ? `what range does the ${n} get on one charge`
            : `how long does the ${n} last on a charge`,
          `my ${n} battery drains fast`,
          `how much is a new battery for the ${p}`,
        ]),
    };
  },
};

const pairing: Topic = {
  id: 'pairing',
  kind: 'product',
  applies: (_co, cat) => Boolean(cat?.connected),
  make({ r, co, product }) {
    const p = product!.name;
    const n = product!.category.noun;
    const button = pick(r, ['Wi-Fi', 'pairing', 'Bluetooth', 'power']);
    const secs = int(r, 2, 10);
    const colour = pick(r, COLOURS);
    return {
      heading: pick(r, [['Connecting to the app'], ['Wi-Fi setup'], ['Pairing']]),
      core: [
        `To connect the ${p} to the ${co.app}, open the app, tap Add device and choose ${n}.`,
        `Hold the ${button} button for ${secs} seconds until the light blinks ${colour}, then follow the steps on screen.`,
      ],
      extra: [
        `The ${n} only joins 2.4 GHz Wi-Fi networks; ${pick(r, ['5 GHz', 'guest', 'hidden'])} networks are not supported.`,
        `Keep your phone within ${plural(int(r, 1, 5), 'metre')} of the ${n} while it pairs.`,
        `If pairing fails, turn off any VPN on your phone and try again.`,
        `Up to ${int(r, 3, 10)} household members can control it from their own phones.`,
        `The app needs ${pick(r, ['iOS 16', 'Android 10', 'iOS 15', 'Android 11'])} or later.`,
        `The pairing code is on a sticker ${pick(r, ['under the base', 'in the quick start guide', 'on the back'])}.`,
      ],
      ask: (q) =>
        pick(q, [
          `how do I connect my ${n} to the ${co.app}`,
          `${p} won't pair with my phone`,
          `does the ${n} work with 5 GHz wifi`,
          `add ${product!.line} ${n} to the app`,
          `how many people can control the ${n}`,
        ]),
    };
  },
};

const firmware: Topic = {
  id: 'firmware',
  kind: 'product',
  applies: (_co, cat) => Boolean(cat?.connected),
  make({ r, co, product }) {
    const p = product!.name;
    const n = product!.category.noun;
    const version = `${int(r, 1, 6)}.${int(r, 0, 19)}.${int(r, 0, 9)}`;
    const feature = pick(r, [
      'adds a quiet mode',
      'adds scheduling from the app',
      `improves battery life by about ${int(r, 5, 20)} percent`,
      'adds support for voice assistants',
      'makes start-up faster',
      'adds a child lock',
    ]);
    const fix = pick(r, [
      'a bug that reset the clock after a power cut',
      'random disconnections from Wi-Fi',
      `a false E${int(r, 1, 79)} error`,
      'slow response of the touch controls',
      'notifications arriving twice',
    ]);
    return {
      heading: pick(r, [['Software updates'], [`Firmware ${version}`], ['Release notes', version]]),
      core: [
        `Firmware ${version} for the ${p} came out in ${pick(r, MONTHS)} ${int(r, 2023, 2026)}.`,
        `It ${feature} and fixes ${fix}.`,
      ],
      extra: [
        `Updates install automatically overnight while the ${n} is idle.`,
        `To update now, open the ${co.app}, go to Settings, Device, Firmware and tap Update.`,
        `The update takes about ${int(r, 3, 20)} minutes; do not switch the ${n} off meanwhile.`,
        `You cannot go back to an earlier version once ${version} is installed.`,
      ],
      ask: (q) =>
        pick(q, [
          `what's new in firmware ${version}`,
          `how do I update the software on my ${n}`,
          `latest update for the ${p}`,
          `${n} update stuck`,
          `does the new ${product!.line} firmware fix ${fix.replace(/^a bug that /, '')}`,
        ]),
    };
  },
};

const specs: Topic = {
  id: 'specs',
  kind: 'product',
  applies: any,
  make({ r, co, product }) {
    const p = product!.name;
    const cat = product!.category;
    const kg = (cat.kg[0] + r() * (cat.kg[1] - cat.kg[0])).toFixed(cat.kg[1] < 2 ? 2 : 1);
    const dims = [int(r, 5, 90), int(r, 5, 60), int(r, 3, 60)];
    const watts = cat.watts[1] > 0 ? int(r, cat.watts[0], cat.watts[1]) : 0;
    const [c1, c2] = [pick(r, FINISHES), pick(r, FINISHES)];
    return {
      heading: pick(r, [
        ['Technical specifications'],
        ['Specifications'],
        ['Dimensions and weight'],
      ]),
      core: [
        `The ${p} weighs ${kg} kg and measures ${dims[0]} by ${dims[1]} by ${dims[2]} cm.`,
        watts > 0
          ? `It draws up to ${watts} W and runs at about ${int(r, 30, 70)} dB.`
          : `It is rated IP${pick(r, [54, 55, 65, 67, 68])} against dust and water.`,
      ],
      extra: [
        ...(cat.electric ? [`The power cable is ${(1 + r() * 1.5).toFixed(1)} metres long.`] : []),
        `It is made with ${int(r, 20, 60)} percent recycled materials.`,
        c1 === c2 ? `It comes in ${c1}.` : `It comes in ${c1} and ${c2}.`,
        ...(cat.industry === 'appliances'
          ? [`Its energy label is class ${pick(r, ['A', 'B', 'C', 'D'])}.`]
          : []),
        `Compatible accessories are listed on the product page at ${domain(co)}.`,
      ],
      ask: (q) =>
        pick(q, [
          `how heavy is the ${p}`,
          `${product!.line} ${cat.noun} dimensions`,
          `how much power does the ${cat.noun} use`,
          `is the ${p} waterproof`,
          `what colours does the ${product!.line} ${cat.noun} come in`,
        ]),
    };
  },
};

const safety: Topic = {
  id: 'safety',
  kind: 'product',
  applies: any,
  make({ r, co, product }) {
    const p = product!.name;
    const cat = product!.category;
    const n = cat.noun;
    const where = pick(
      r,
      cat.electric
        ? [
            'near water',
            'outdoors in the rain',
            'with a damaged cable',
            'if it has been dropped',
            'near curtains or bedding',
            'in a closed vehicle in summer',
          ]
        : [
            'near an open fire',
            'in storm-force winds',
            'if it is torn or damaged',
            'above the snow line without a guide',
          ],
    );
    const age = int(r, 3, 12);
    const s1 = serial(r);
    return {
      heading: pick(r, [
        ['Safety information'],
        ['Important safety instructions'],
        ['Safety', 'Warnings'],
      ]),
      core: [
        `Do not use the ${p} ${where}.`,
        cat.electric
          ? `Keep children under ${age} away from the ${n} while it is in use.`
          : `Children under ${age} should only use the ${n} with an adult.`,
      ],
      extra: [
        `If the ${pick(r, cat.parts)} is damaged, it must be replaced by ${co.short} or a qualified repairer.`,
        ...(cat.electric ? [`Unplug the ${n} before cleaning it or changing parts.`] : []),
        cat.electric
          ? `Never cover the vents or store it wet.`
          : `Never store it wet or near heat.`,
        ...(cat.battery
          ? [
              `Lithium batteries must not be stored above ${int(r, 40, 60)} degrees or charged unattended overnight.`,
            ]
          : []),
        `Report any ${cat.electric ? 'overheating' : 'failure'} to ${co.short} on ${phone(co)}; we may ask you to stop using it.`,
        `A safety recall covers serial numbers from ${s1} to ${s1.slice(0, -4)}${int(r, 5000, 9999)}.`,
      ],
      ask: (q) =>
        pick(q, [
          `is it safe to use my ${n} ${where}`,
          `can kids under ${age} use the ${n}`,
          `${product!.line} ${n} safety recall serial numbers`,
          `what should I do if my ${p} overheats`,
          `${n} safety warnings`,
        ]),
    };
  },
};

const symptom: Topic = {
  id: 'symptom',
  kind: 'product',
  applies: any,
  make({ r, co, product }) {
    const p = product!.name;
    const cat = product!.category;
    const n = cat.noun;
    const [sym, check] = pick(r, cat.faults);
    return {
      heading: pick(r, [
        ['Troubleshooting', cap(sym)],
        ['Common problems'],
        ['Help', `If the ${n} ${sym}`],
      ]),
      core: [
        `If your ${p} ${sym}, ${check}.`,
        pick(r, [
          `That solves the problem in most cases within ${int(r, 5, 30)} minutes.`,
          `This fixes it for most customers.`,
          `Nine times out of ten this is all it needs.`,
        ]),
      ],
      extra: [
        `If it still ${sym}, ${pick(r, ['note when it happens', 'take a short video', 'write down the serial number'])} and contact us.`,
        ...(cat.connected
          ? [`Our support team can run a remote check through the ${co.app}.`]
          : []),
        `Repairs for this fault are free within the ${int(r, 1, 3)}-year warranty.`,
        `An engineer visit outside the warranty costs ${money(co, int(r, 60, 140))}.`,
        `You can also book a repair at our ${co.city} service centre.`,
      ],
      ask: (q) =>
        pick(q, [
          `my ${n} ${colloquial(q, sym)}`,
          `why does my ${p} ${colloquial(q, sym).replace(/^is /, 'seem ')}`,
          `${product!.line} ${n} ${colloquial(q, sym)}, what should I check`,
          `${n} ${colloquial(q, sym)}`,
        ]),
    };
  },
};

const warranty: Topic = {
  id: 'warranty',
  kind: 'product',
  applies: any,
  make({ r, co, product }) {
    const p = product!.name;
    const cat = product!.category;
    const years = int(r, 1, 3);
    const extended = years + int(r, 1, 4);
    const [part1, part2] = [pick(r, cat.parts), pick(r, cat.parts)];
    const excluded = pick(r, [
      'accidental damage',
      'cosmetic wear',
      'damage from limescale',
      `consumables such as the ${cat.consumable[0]}`,
      'commercial use',
    ]);
    return {
      heading: pick(r, [['Warranty'], ['Guarantee'], ['Warranty', 'What is covered']]),
      core: [
        part1 === part2
          ? `The ${p} comes with a ${years}-year warranty that covers the ${part1} and all other parts.`
          : `The ${p} comes with a ${years}-year warranty that covers the ${part1} and the ${part2}.`,
        `Register it within ${int(r, 14, 90)} days of purchase to extend the cover to ${extended} years.`,
      ],
      extra: [
        `The warranty does not cover ${excluded}.`,
        `Keep your proof of purchase, as we ask for it with every claim.`,
        `Claims are handled by our repair centre in ${co.warehouse}.`,
        `Repaired or replaced parts carry the rest of the original warranty or ${plural(int(r, 3, 12), 'month')}, whichever is longer.`,
      ],
      ask: (q) =>
        pick(q, [
          `how long is the warranty on the ${p}`,
          `does the ${cat.noun} guarantee cover the ${part1}`,
          `extend warranty on ${product!.line} ${cat.noun}`,
          `is ${excluded} covered for my ${cat.noun}`,
          `do I need to register my ${cat.noun} for the warranty`,
        ]),
    };
  },
};

const repair: Topic = {
  id: 'repair',
  kind: 'product',
  applies: any,
  make({ r, co, product }) {
    const p = product!.name;
    const n = product!.category.noun;
    const fee = money(co, int(r, 39, 189));
    const carrier = pick(r, CARRIERS[co.currency]);
    return {
      heading: pick(r, [['Repairs'], ['Repair service'], ['Getting it repaired']]),
      core: [
        pick(r, [
          `Out-of-warranty repairs of the ${p} cost a fixed ${fee} plus parts.`,
          `${co.short} repairs the ${p} for a fixed price of ${fee}, parts included.`,
        ]),
        `Book the repair online and ${carrier} collects the ${n} from your door; repairs take ${int(r, 3, 15)} working days.`,
      ],
      extra: [
        `It comes back with a ${int(r, 3, 12)}-month guarantee on the repair.`,
        `If the ${n} cannot be repaired, we offer ${int(r, 10, 40)} percent off a new one.`,
        `Please remove ${pick(r, ['the batteries', 'all accessories', 'your SIM card', 'any memory card'])} before it is collected.`,
        `You can also drop it at our ${co.city} store on ${pick(r, STREETS)}.`,
      ],
      ask: (q) =>
        pick(q, [
          `how much does it cost to repair my ${n}`,
          `how long does a ${co.short} repair take`,
          `can someone collect my broken ${n}`,
          `${p} repair price`,
          `where can I drop off my ${n} for repair`,
        ]),
    };
  },
};

const eco: Topic = {
  id: 'eco',
  kind: 'product',
  applies: (_co, cat) => Boolean(cat && cat.electric && cat.watts[1] >= 25),
  make({ r, co, product }) {
    const p = product!.name;
    const cat = product!.category;
    const standby = (0.3 + r() * 2).toFixed(1);
    const rate = int(r, 18, 34);
    const yearly = ((Number(standby) * 8760) / 1000) * (rate / 100);
    return {
      heading: pick(r, [['Energy saving'], ['Eco mode'], ['Running costs']]),
      core: [
        `Eco mode cuts the energy use of the ${p} by about ${int(r, 10, 40)} percent.`,
        `In standby it draws ${standby} W, about ${money(co, Math.round(yearly * 100) / 100)} a year at ${rate} ${minor(co)} per kWh.`,
      ],
      extra: [
        `Turn eco mode on under Settings, Energy${cat.connected ? ` or in the ${co.app}` : ''}.`,
        `Eco mode ${pick(r, ['takes longer', 'runs a little cooler', 'lowers the maximum power'])}, but the results are the same.`,
        `A typical household uses it for ${int(r, 40, 400)} kWh a year.`,
      ],
      ask: (q) =>
        pick(q, [
          `how much electricity does the ${cat.noun} use on standby`,
          `does eco mode on the ${p} save money`,
          `yearly running cost of the ${product!.line} ${cat.noun}`,
          `turn on eco mode ${cat.noun}`,
        ]),
    };
  },
};

/** ─── policy topics ──────────────────────────────────────────────────────────────── */

const returns: Topic = {
  id: 'returns',
  kind: 'policy',
  applies: (co) => co.industry !== 'energy',
  make({ r, co }) {
    const days = pick(r, [14, 28, 30, 35, 60, 90, 100]);
    const refund = int(r, 3, 14);
    const carrier = pick(r, CARRIERS[co.currency]);
    const m = int(r, 9, 11);
    return {
      heading: pick(r, [
        ['Returns and refunds'],
        ['Returning an item'],
        ['Returns', 'How to send something back'],
      ]),
      core: [
        `You can return most items bought from ${co.name} within ${days} days of delivery for a full refund.`,
        `Refunds go back to the original payment method within ${refund} working days of the item reaching our ${co.warehouse} returns centre.`,
      ],
      extra: [
        chance(r, 0.5)
          ? `Print a free ${carrier} returns label from your order page, or drop the parcel at any ${carrier} point.`
          : `Return postage costs ${money(co, price(r, 2, 6))}, taken off the refund.`,
        `Items must be unused and in their original packaging, with all accessories.`,
        `${pick(r, ['Earphones', 'Opened consumables such as filters', 'Personalised items', 'Gift cards'])} cannot be returned once opened.`,
        `Faulty items can be returned for up to ${plural(int(r, 6, 12), 'month')}.`,
        `Anything bought between ${MONTHS[m]} 1 and December 24 can be returned until January ${int(r, 15, 31)}.`,
        ...(co.industry === 'appliances'
          ? [
              `Large appliances are collected by our two-person team; book a slot when you start the return.`,
            ]
          : []),
      ],
      ask: (q) =>
        pick(q, [
          `how many days do I have to return something to ${co.short}`,
          `can I send back an item I already opened`,
          `how long does a refund take from ${co.short}`,
          `do I have to pay for return postage`,
          `${co.short} return policy for christmas presents`,
          `I want my money back for an order`,
        ]),
    };
  },
};

const delivery: Topic = {
  id: 'delivery',
  kind: 'policy',
  applies: (co) => co.industry !== 'energy',
  make({ r, co }) {
    const cutoff = pick(r, ['1pm', '2pm', '3pm', '4pm', '6pm', '8pm', '10pm']);
    const region = pick(r, REGIONS[co.currency]);
    const a = int(r, 1, 4);
    const b = a + int(r, 1, 4);
    const carrier = pick(r, CARRIERS[co.currency]);
    return {
      heading: pick(r, [
        ['Delivery'],
        ['Delivery information', cap(region)],
        ['Shipping and delivery'],
      ]),
      core: [
        `Orders placed before ${cutoff} on a working day leave our ${co.warehouse} warehouse the same day.`,
        `Standard delivery to ${region} takes ${a} to ${b} working days and costs ${money(co, price(r, 2, 9))}, or nothing on orders over ${money(co, pick(r, [25, 40, 50, 75, 100]))}.`,
      ],
      extra: [
        `Express delivery with ${carrier} arrives the next working day for ${money(co, price(r, 5, 15))}.`,
        `You get a one-hour delivery window by text on the morning of delivery.`,
        `We do not deliver to ${pick(r, ['PO boxes', 'parcel lockers', 'forwarding addresses'])}.`,
        `Deliveries to ${pick(r, REGIONS[co.currency])} can take up to ${plural(int(r, 1, 5), 'extra day')}.`,
        `If nobody is in, ${carrier} leaves a card and tries again the next working day.`,
        `Saturday delivery costs ${money(co, price(r, 4, 12))} in most of ${region}.`,
      ],
      ask: (q) =>
        pick(q, [
          `how long does delivery take to ${region}`,
          `is delivery free with ${co.short}`,
          `what time do I need to order by for same day dispatch`,
          `${co.short} next day delivery cost`,
          `do you deliver to ${pick(q, ['a PO box', 'parcel lockers'])}`,
          `when will my order arrive`,
        ]),
    };
  },
};

const orderChanges: Topic = {
  id: 'order-changes',
  kind: 'policy',
  applies: (co) => co.industry !== 'energy',
  make({ r, co }) {
    const minutes = pick(r, [15, 30, 45, 60, 90, 120]);
    return {
      heading: pick(r, [
        ['Changing or cancelling an order'],
        ['Orders', 'Cancelling'],
        ['Your order'],
      ]),
      core: [
        `You can change or cancel an order within ${minutes} minutes of placing it, under Orders in your ${co.short} account.`,
        `After that it is being packed, so refuse the delivery or return it instead.`,
      ],
      extra: [
        `To change the delivery address after dispatch, contact ${pick(r, CARRIERS[co.currency])} with the tracking number.`,
        `Cancelled orders are refunded within ${int(r, 2, 10)} working days.`,
        `Pre-orders can be cancelled at any time before they ship.`,
        `If an item is out of stock we keep the order open for ${int(r, 7, 21)} days and then cancel it automatically.`,
      ],
      ask: (q) =>
        pick(q, [
          `how do I cancel my ${co.short} order`,
          `can I change the delivery address on my order`,
          `I ordered the wrong thing, can I still cancel`,
          `how long do I have to change my order`,
        ]),
    };
  },
};

const payment: Topic = {
  id: 'payment',
  kind: 'policy',
  applies: any,
  make({ r, co }) {
    const methods = pick(r, [
      'Visa, Mastercard, American Express, PayPal, Apple Pay and Google Pay',
      'debit and credit cards, PayPal and Klarna',
      'cards, bank transfer and direct debit',
      'Visa, Mastercard, PayPal and gift cards',
    ]);
    const months = pick(r, [3, 6, 10, 12, 24, 36]);
    const apr = pick(r, [0, 0, 9.9, 14.9, 19.9]);
    return {
      heading: pick(r, [['Payment options'], ['Paying for your order'], ['Payments']]),
      core: [
        `We accept ${methods}.`,
        `Orders over ${money(co, pick(r, [99, 150, 250, 400]))} can be spread over ${months} monthly payments at ${apr} percent APR.`,
      ],
      extra: [
        `Your card is charged when the order ships, not when you place it.`,
        `If a payment is declined, we hold the order for ${plural(int(r, 12, 72), 'hour')} while you try another card.`,
        `We never ask for your card details by phone or email.`,
        `Business customers can pay by invoice on ${int(r, 14, 60)}-day terms.`,
        `Receipts and VAT invoices are in your account under Orders.`,
      ],
      ask: (q) =>
        pick(q, [
          `can I pay in instalments at ${co.short}`,
          `when will my card be charged`,
          `what payment methods do you take`,
          `my payment was declined, what now`,
          `does ${co.short} accept PayPal`,
          `how do I get a VAT invoice`,
        ]),
    };
  },
};

const contract: Topic = {
  id: 'contract',
  kind: 'policy',
  applies: (co) => co.industry === 'telecom' || co.industry === 'energy',
  make({ r, co }) {
    const plan = pick(
      r,
      co.industry === 'telecom'
        ? [
            'Unlimited 5G',
            'Essentials 30GB',
            'Fibre 500',
            'Fibre 150',
            'SIM Only 100GB',
            'Family Share',
          ]
        : ['Fixed 12', 'Flex Tracker', 'Green Fixed 24', 'EV Night Saver', 'Heat Pump Plus'],
    );
    const day = int(r, 1, 28);
    const cool = pick(r, [14, 14, 30]);
    return {
      heading: pick(r, [
        ['Your contract'],
        ['Plans and contracts', plan],
        ['Billing', 'Your monthly bill'],
      ]),
      core: [
        `Your ${plan} plan renews on the ${ordinal(day)} of each month.`,
        `You can cancel within ${cool} days of the start at no cost; after that an early exit fee of ${money(co, price(r, 5, 25))} per remaining month applies.`,
      ],
      extra: [
        `Prices rise by ${(2 + r() * 6).toFixed(1)} percent every April, as set out in your contract.`,
        `Bills appear in the ${co.app} ${int(r, 2, 5)} days before the payment is taken.`,
        `Give us ${int(r, 14, 30)} days notice when you move home, and we can move the plan with you.`,
        `Paying by direct debit saves ${money(co, int(r, 1, 5))} a month.`,
        `Out of contract, you can switch to another plan at any time.`,
      ],
      ask: (q) =>
        pick(q, [
          `when does my ${plan} plan renew`,
          `how much is the early exit fee with ${co.short}`,
          `can I cancel my contract in the first ${cool === 30 ? 'month' : 'two weeks'}`,
          `why did my bill go up in April`,
          `I'm moving house, what happens to my ${co.short} contract`,
        ]),
    };
  },
};

const security: Topic = {
  id: 'account-security',
  kind: 'policy',
  applies: any,
  make({ r, co }) {
    const attempts = int(r, 3, 10);
    const lock = pick(r, [5, 10, 15, 30, 60]);
    const digits = pick(r, [4, 6, 8]);
    return {
      heading: pick(r, [
        ['Account security'],
        ['Signing in'],
        ['Passwords and two-step verification'],
      ]),
      core: [
        `After ${attempts} failed sign-in attempts your ${co.short} account is locked for ${lock} minutes.`,
        `Turn on two-step verification under Settings, Security; we then text you a ${digits}-digit code whenever you sign in on a new device.`,
      ],
      extra: [
        `Reset a forgotten password with the link on the sign-in page; the link expires after ${int(r, 15, 60)} minutes.`,
        `Keep the backup codes somewhere safe, as each one works once.`,
        `We will never ask for your password or a sign-in code on the phone.`,
        `You can sign out of all devices under Settings, Security.`,
        `If you think someone else used your account, call us on ${phone(co)}.`,
      ],
      ask: (q) =>
        pick(q, [
          `I'm locked out of my ${co.short} account`,
          `how long is my account locked after too many wrong passwords`,
          `how do I turn on two factor authentication`,
          `my password reset link has expired`,
          `sign out of all my devices`,
        ]),
    };
  },
};

const stores: Topic = {
  id: 'stores',
  kind: 'policy',
  applies: (co) => co.industry !== 'energy',
  make({ r, co }) {
    const city = pick(r, [co.city, co.city, otherCity(r, co)]);
    const street = pick(r, STREETS);
    const open = pick(r, ['8am', '9am', '9:30am', '10am']);
    const close = pick(r, ['5pm', '5:30pm', '6pm', '7pm', '8pm']);
    const sunday = pick(r, ['10am to 4pm', '11am to 5pm', 'closed', '10:30am to 4:30pm']);
    const service = pick(r, [
      'collect returns',
      'demonstrate products',
      'book repairs',
      'set up your device',
      'swap faulty items on the spot',
    ]);
    return {
      heading: pick(r, [['Stores', city], ['Find a store'], [`Our ${city} store`]]),
      core: [
        `Our ${city} store on ${street} is open ${pick(r, ['Monday to Saturday', 'Monday to Friday', 'every day except Sunday'])} from ${open} to ${close}; on Sundays it is ${sunday === 'closed' ? 'closed' : `open ${sunday}`}.`,
        `Staff there can ${service}.`,
      ],
      extra: [
        `Click and collect orders are ready in ${plural(int(r, 1, 4), 'hour')} and kept for ${int(r, 5, 14)} days.`,
        `There is free parking for ${plural(int(r, 1, 3), 'hour')} behind the store.`,
        `The store is closed on public holidays.`,
        `The nearest other store is in ${otherCity(r, co)}.`,
        `It has step-free access and a hearing loop.`,
      ],
      ask: (q) =>
        pick(q, [
          `what time does the ${co.short} store in ${city} open`,
          `is the ${city} shop open on Sunday`,
          `${co.short} ${city} opening hours`,
          `can the ${city} store ${service}`,
          `is there parking at the ${city} store`,
        ]),
    };
  },
};

const rewards: Topic = {
  id: 'rewards',
  kind: 'policy',
  applies: (co) => co.industry !== 'energy' && co.industry !== 'telecom',
  make({ r, co }) {
    const matching = chance(r, 0.5);
    const days = int(r, 7, 30);
    const points = int(r, 1, 10);
    return {
      heading: matching
        ? pick(r, [['Price promise'], ['Price match']])
        : pick(r, [['Rewards'], ['Loyalty scheme']]),
      core: matching
        ? [
            `If you find the same item cheaper at another retailer within ${days} days of buying it from ${co.short}, we refund the difference.`,
            `Send us a link to the lower price from your account under Help.`,
          ]
        : [
            `Members of ${co.short} Rewards earn ${plural(points, 'point')} for every ${co.currency}1 they spend, and 100 points are worth ${money(co, pick(r, [1, 2, 5]))}.`,
            `Points can be used online and in store.`,
          ],
      extra: matching
        ? [
            `The price promise does not cover marketplace sellers, clearance or bundle deals.`,
            `We check the other price within ${int(r, 1, 3)} working days.`,
            `It applies to items in stock at both retailers.`,
          ]
        : [
            `Points expire after ${int(r, 12, 24)} months without a purchase.`,
            `Members get early access to the ${pick(r, ['summer', 'winter', 'spring', 'Black Friday'])} sale.`,
            `Points are taken back when you return an item.`,
            `You get ${int(r, 50, 500)} bonus points in your birthday month.`,
          ],
      ask: (q) =>
        matching
          ? pick(q, [
              `does ${co.short} price match`,
              `I found it cheaper somewhere else after buying`,
              `price promise how many days`,
            ])
          : pick(q, [
              `how many reward points do I get per ${co.currency === '£' ? 'pound' : co.currency === '€' ? 'euro' : 'dollar'}`,
              `when do my ${co.short} points expire`,
              `how much are 100 points worth`,
            ]),
    };
  },
};

const giftCards: Topic = {
  id: 'gift-cards',
  kind: 'policy',
  applies: (co) => co.industry !== 'energy' && co.industry !== 'telecom',
  make({ r, co }) {
    const months = pick(r, [12, 18, 24, 36, 60]);
    return {
      heading: pick(r, [['Gift cards'], ['Gift cards and vouchers']]),
      core: [
        `${co.short} gift cards are valid for ${months} months from the day they are bought and work online and in store.`,
        `Check the balance on our website with the ${pick(r, [16, 19])}-digit number and the PIN on the back.`,
      ],
      extra: [
        `Lost or stolen gift cards cannot be replaced unless they were registered to your account.`,
        `Gift cards cannot be exchanged for cash.`,
        `If you return something paid for with a gift card, the refund goes onto a new gift card.`,
        `E-gift cards arrive by email within ${plural(int(r, 1, 4), 'hour')}.`,
      ],
      ask: (q) =>
        pick(q, [
          `how long is a ${co.short} gift card valid`,
          `check my gift card balance`,
          `I lost my gift card`,
          `can I use a gift card on the website`,
        ]),
    };
  },
};

const privacy: Topic = {
  id: 'privacy',
  kind: 'policy',
  applies: any,
  make({ r, co }) {
    const calls = pick(r, [30, 60, 90, 180, 365]);
    return {
      heading: pick(r, [['Privacy'], ['Your data'], ['Data protection']]),
      core: [
        `We keep recordings of calls with our support team for ${calls} days and chat transcripts for ${pick(r, [90, 180, 365, 730])} days.`,
        `You can ask for a copy of the personal data we hold about you, and we reply within ${pick(r, [14, 30])} days.`,
      ],
      extra: [
        `Account data is deleted ${plural(int(r, 2, 7), 'year')} after your last order, unless the law says we must keep it longer.`,
        `Marketing emails stop within ${int(r, 2, 10)} days of unsubscribing.`,
        `Usage data from connected devices is kept for ${plural(int(r, 6, 24), 'month')} and only shared with your consent.`,
        `Write to our data protection officer at privacy@${domain(co)}.`,
      ],
      ask: (q) =>
        pick(q, [
          `how long do you keep call recordings`,
          `how do I get a copy of my data from ${co.short}`,
          `how long do you keep chat transcripts`,
        ]),
    };
  },
};

const recycling: Topic = {
  id: 'recycling',
  kind: 'policy',
  applies: (co) => co.industry !== 'energy',
  make({ r, co }) {
    const what = pick(
      r,
      {
        appliances: ['washing machine', 'fridge freezer', 'dishwasher', 'oven'],
        electronics: ['laptop', 'printer', 'tablet', 'phone'],
        telecom: ['phone', 'router', 'tablet'],
        energy: ['boiler'],
        mobility: ['e-bike battery', 'bike', 'scooter'],
        outdoor: ['tent', 'jacket', 'sleeping bag'],
      }[co.industry],
    );
    const trade = chance(r, 0.5);
    const value = money(co, int(r, 20, 300));
    return {
      heading: pick(r, [['Recycling'], ['Trade-in'], ['Recycling and trade-in']]),
      core: [
        trade
          ? `Trade in your old ${what} and get up to ${value} off a new one.`
          : `When we deliver a new ${what}, we take your old one away for recycling for ${money(co, int(r, 0, 30))}.`,
        trade
          ? `The final price depends on its condition and is confirmed after our check in ${co.warehouse}.`
          : `Book it at checkout; the old ${what} must be disconnected and ready to go.`,
      ],
      extra: [
        `Small electricals can be dropped at the recycling point in any ${co.short} store free of charge, wherever you bought them.`,
        `Wipe your data before you send a device for trade-in.`,
        `We recycle ${int(r, 80, 98)} percent of the materials we collect.`,
      ],
      ask: (q) =>
        pick(q, [
          `will you take my old ${what} away`,
          `trade in value for an old ${what}`,
          `where can I recycle small electricals`,
          `how much does it cost to recycle my old ${what} with ${co.short}`,
        ]),
    };
  },
};

const appointments: Topic = {
  id: 'appointments',
  kind: 'policy',
  applies: (co) => co.industry !== 'outdoor' && co.industry !== 'electronics',
  make({ r, co }) {
    const hours = pick(r, [12, 24, 48, 72]);
    const who = co.industry === 'mobility' ? 'mechanic' : 'engineer';
    return {
      heading: pick(r, [
        ['Engineer visits'],
        ['Installation appointments'],
        ['Booking a technician'],
      ]),
      core: [
        `${cap(who)} appointments are available ${pick(r, ['Monday to Friday', 'Monday to Saturday', 'seven days a week'])} in ${pick(r, ['morning (8am to 12pm)', 'afternoon (12pm to 5pm)', 'all-day', 'two-hour'])} slots.`,
        `You can move or cancel an appointment free of charge up to ${hours} hours before it starts.`,
      ],
      extra: [
        `The ${who} texts you about ${int(r, 20, 60)} minutes before arriving.`,
        `Someone aged 18 or over must be at home during the visit.`,
        `A missed appointment costs ${money(co, int(r, 25, 60))} if nobody is in.`,
        `Installations in ${pick(r, REGIONS[co.currency])} are booked about ${int(r, 3, 14)} days ahead.`,
        `The ${who} takes the packaging away and shows you how everything works.`,
      ],
      ask: (q) =>
        pick(q, [
          `how do I rearrange my ${who} appointment`,
          `what time slots can I book for a ${who}`,
          `is there a charge if I miss the appointment`,
          `do I need to be home for the installation`,
          `book a ${co.short} ${who}`,
        ]),
    };
  },
};

const roaming: Topic = {
  id: 'roaming',
  kind: 'policy',
  applies: (co) => co.industry === 'telecom',
  make({ r, co }) {
    const zone = pick(r, [
      'Europe Zone 1',
      'the EU and Norway',
      'the USA and Canada',
      'Zone 2 countries',
      'Australia and New Zealand',
    ]);
    const country = pick(r, [
      'Spain',
      'France',
      'Italy',
      'Greece',
      'Turkey',
      'the United States',
      'Canada',
      'Japan',
    ]);
    const daily = money(co, price(r, 1, 8));
    return {
      heading: pick(r, [['Using your phone abroad'], ['Roaming', cap(zone)], ['Travelling']]),
      core: [
        `Roaming in ${zone} costs ${daily} a day and lets you use your normal minutes, texts and data.`,
        `A fair use limit of ${int(r, 5, 50)} GB a month applies while you are abroad.`,
      ],
      extra: [
        `Calls from ${country} back home are included; calls to other countries cost ${money(co, price(r, 0, 2))} a minute.`,
        `Turn on roaming in your phone settings before you travel.`,
        `We text you when you have used ${int(r, 50, 90)} percent of your roaming allowance.`,
        `On ships and planes, data is charged at satellite rates of up to ${money(co, int(r, 3, 12))} per MB.`,
        `The daily fee is only charged on days you use your phone.`,
      ],
      ask: (q) =>
        pick(q, [
          `how much does it cost to use my phone in ${country}`,
          `roaming charges with ${co.short}`,
          `how much data can I use abroad`,
          `do I pay for roaming on a cruise`,
        ]),
    };
  },
};

const tariff: Topic = {
  id: 'tariff',
  kind: 'policy',
  applies: (co) => co.industry === 'energy',
  make({ r, co }) {
    const plan = pick(r, [
      'Fixed 12',
      'Flex Tracker',
      'Green Fixed 24',
      'EV Night Saver',
      'Heat Pump Plus',
    ]);
    const [h1, h2] = pick(r, [
      ['midnight', '5am'],
      ['11pm', '6am'],
      ['12:30am', '4:30am'],
      ['1am', '7am'],
    ]);
    return {
      heading: pick(r, [['Tariffs', plan], ['Your energy bill'], ['Prices']]),
      core: [
        `On the ${plan} tariff the unit rate is ${(18 + r() * 14).toFixed(2)} ${minor(co)} per kWh and the standing charge is ${(40 + r() * 25).toFixed(2)} ${minor(co)} a day.`,
        `Off-peak electricity between ${h1} and ${h2} costs ${(6 + r() * 8).toFixed(2)} ${minor(co)} per kWh.`,
      ],
      extra: [
        `Smart meters send readings every ${pick(r, [30, 60])} minutes; otherwise submit a reading in the ${co.app} before the ${ordinal(int(r, 1, 28))} of the month.`,
        `If your meter stops sending readings, we estimate your bill from the past ${plural(int(r, 3, 12), 'month')}.`,
        `Exported solar power earns ${(4 + r() * 12).toFixed(1)} ${minor(co)} per kWh.`,
        `Prices are fixed until ${pick(r, MONTHS)} ${int(r, 2026, 2028)}.`,
      ],
      ask: (q) =>
        pick(q, [
          `what is the unit rate on ${plan}`,
          `when are the off peak hours`,
          `${plan} tariff price per kWh`,
          `how much do you pay for exported solar`,
          `what's the daily standing charge`,
        ]),
    };
  },
};

const complaints: Topic = {
  id: 'complaints',
  kind: 'policy',
  applies: any,
  make({ r, co }) {
    const weeks = pick(r, [4, 6, 8]);
    const body = pick(
      r,
      {
        '£': ['Ombudsman Services', 'the Financial Ombudsman', 'the Retail Ombudsman', 'CISAS'],
        '€': ['the consumer arbitration board', 'the European Consumer Centre'],
        $: ['the Better Business Bureau', 'the state consumer protection office'],
      }[co.currency],
    );
    return {
      heading: pick(r, [['Complaints'], ['Making a complaint']]),
      core: [
        `If you are unhappy with our service, tell us by phone, chat or the form on our website, and we acknowledge your complaint within ${int(r, 1, 5)} working days.`,
        `Most complaints are resolved within ${plural(int(r, 1, 3), 'week')}.`,
      ],
      extra: [
        `If we cannot agree after ${weeks} weeks, you can take it to ${body} free of charge.`,
        `Where we got something wrong, we may offer compensation of up to ${money(co, int(r, 20, 250))}.`,
        `Our complaints procedure is available on request in large print.`,
        `Keep your complaint reference, which starts with CMP.`,
      ],
      ask: (q) =>
        pick(q, [
          `how do I complain to ${co.short}`,
          `how long does a complaint take to sort out`,
          `can I go to the ombudsman about ${co.short}`,
          `${co.short} compensation for bad service`,
        ]),
    };
  },
};

const contact: Topic = {
  id: 'contact',
  kind: 'policy',
  applies: any,
  make({ r, co }) {
    const open = pick(r, ['7am', '8am', '8:30am', '9am']);
    const close = pick(r, ['6pm', '8pm', '9pm', '10pm']);
    return {
      heading: pick(r, [['Contact us'], ['Getting help'], ['Customer service']]),
      core: [
        `Our support team is on ${phone(co)} ${pick(r, ['Monday to Friday', 'Monday to Saturday', 'every day'])} from ${open} to ${close}.`,
        `Live chat in the ${co.app} answers within ${plural(int(r, 1, 10), 'minute')} on average.`,
      ],
      extra: [
        `Emails are answered within ${int(r, 24, 72)} hours.`,
        `Lines are busiest on Monday mornings; call after ${pick(r, ['2pm', '3pm', '4pm'])} for a shorter wait.`,
        `Calls are free from mobiles and landlines.`,
        `Deaf and hard of hearing customers can reach us through a text relay service.`,
      ],
      ask: (q) =>
        pick(q, [
          `what is the ${co.short} customer service number`,
          `what time does ${co.short} support open`,
          `how long do I wait for live chat`,
          `I want to talk to a person at ${co.short}`,
        ]),
    };
  },
};

/** ─── internal (agent and technician) topics ─────────────────────────────────────── */

const escalation: Topic = {
  id: 'escalation',
  kind: 'agent',
  applies: any,
  make({ r, co }) {
    const tier = pick(r, [2, 2, 3]);
    const [when, short] = pick(r, [
      ['the customer has called three times about the same fault', 'repeat callers'],
      ['a safety issue such as overheating or a burning smell is reported', 'safety reports'],
      ['an engineer visit was missed twice', 'missed visits'],
      [`a refund over ${money(co, pick(r, [250, 500, 1000]))} is requested`, 'large refunds'],
      ['the customer mentions legal action or the press', 'legal threats'],
    ]);
    const queue = pick(r, ['Resolutions', 'Priority Care', 'Tier Two', 'Customer Recovery']);
    return {
      heading: pick(r, [['Escalations'], ['Escalating a case'], ['Playbook', 'Escalation']]),
      core: [
        `Escalate a case to tier ${tier} when ${when}.`,
        `Use the ${queue} queue and tag the case ${short.toUpperCase().replace(/ /g, '_')}; tier ${tier} replies within ${int(r, 2, 24)} working hours.`,
      ],
      extra: [
        `Tell the customer the case number and when to expect a call back.`,
        `Do not promise a replacement before tier ${tier} has approved it.`,
        `Safety cases must also be logged in the incident register within ${plural(int(r, 1, 24), 'hour')}.`,
        `Out of hours, the duty manager is on extension ${int(r, 2000, 7999)}.`,
      ],
      ask: (q) =>
        pick(q, [
          `when should I escalate a case to tier ${tier}`,
          `which queue do I use for ${short}`,
          `how fast does tier ${tier} respond`,
          `customer keeps calling about the same fault, what do I do`,
        ]),
    };
  },
};

const goodwill: Topic = {
  id: 'goodwill',
  kind: 'agent',
  applies: any,
  make({ r, co }) {
    const a = pick(r, [10, 15, 20, 25, 30, 50]);
    const b = a * pick(r, [2, 3, 4]);
    const reason = pick(r, [
      'a delivery is more than two days late',
      'an engineer missed the appointment',
      'the customer was charged twice',
      'a repair took longer than promised',
    ]);
    return {
      heading: pick(r, [
        ['Goodwill gestures'],
        ['Compensation guidelines'],
        ['Playbook', 'Credits'],
      ]),
      core: [
        `Agents may offer a goodwill credit of up to ${money(co, a)} without approval when ${reason}.`,
        `Credits between ${money(co, a)} and ${money(co, b)} need a team leader; anything above goes to the complaints team.`,
      ],
      extra: [
        `Log every credit with reason code GW${int(r, 10, 99)}.`,
        `Do not offer goodwill on the first contact unless the delay is over ${plural(int(r, 5, 14), 'day')}.`,
        `Credits appear on the next bill or as a refund within ${int(r, 3, 7)} working days.`,
        `A customer can receive at most ${int(r, 2, 4)} goodwill credits in ${plural(int(r, 6, 12), 'month')}.`,
      ],
      ask: (q) =>
        pick(q, [
          `how much goodwill credit can I give without approval`,
          `compensation limit when ${reason.replace('the customer was', 'someone was')}`,
          `who approves a ${money(co, b)} credit`,
          `reason code for goodwill credits`,
        ]),
    };
  },
};

const identity: Topic = {
  id: 'id-verification',
  kind: 'agent',
  applies: any,
  make({ r, co }) {
    const n = pick(r, ['two', 'three']);
    const queue = pick(r, ['Account Services', 'Bereavement and Authority', 'Customer Records']);
    return {
      heading: pick(r, [
        ['Verifying callers'],
        ['Identity checks'],
        ['Playbook', 'Security questions'],
      ]),
      core: [
        `Before discussing a ${co.short} account, confirm ${n} of these: the postcode, the date of birth, the last ${pick(r, [3, 4])} digits of the payment card, or the latest order number.`,
        `Never ask for the full card number, the password or a sign-in code.`,
      ],
      extra: [
        `If the caller fails the check twice, offer to call back on the number held on the account.`,
        `Third parties must first be added as an authorised contact by the account holder.`,
        `Power of attorney documents go to the ${queue} team for checking.`,
        `Flag the account if a caller asks to change both the email address and the phone number in one call.`,
      ],
      ask: (q) =>
        pick(q, [
          `what ID checks do I do before talking about an account`,
          `can I take card details over the phone`,
          `caller failed security twice`,
          `the customer's son wants to discuss the account`,
        ]),
    };
  },
};

const outage: Topic = {
  id: 'outage',
  kind: 'agent',
  applies: (co) => co.industry === 'telecom' || co.industry === 'energy',
  make({ r, co }) {
    const area = pick(r, [co.city, otherCity(r, co), pick(r, REGIONS[co.currency])]);
    const what = co.industry === 'telecom' ? 'broadband' : 'power';
    return {
      heading: pick(r, [['Service outages'], ['Handling outage calls'], ['Playbook', 'Outages']]),
      core: [
        `During an outage in ${area}, check the status page before troubleshooting with the customer.`,
        `If the postcode is listed, give the estimated fix time and do not book an engineer.`,
      ],
      extra: [
        `Customers without ${what} for more than ${plural(int(r, 1, 3), 'day')} get ${money(co, price(r, 3, 30))} for each extra day automatically.`,
        `Customers on the priority register get a call back within ${plural(int(r, 1, 4), 'hour')}.`,
        ...(co.industry === 'telecom'
          ? [`Offer a mobile data boost of ${int(r, 10, 100)} GB while the broadband is down.`]
          : []),
        `Log the contact against outage reference OUT-${int(r, 1000, 9999)}.`,
      ],
      ask: (q) =>
        pick(q, [
          `how do I check if there is an outage in ${area}`,
          `compensation for a ${what} outage`,
          `should I book an engineer during an outage`,
          `priority register customer has no ${what}`,
        ]),
    };
  },
};

const bulletin: Topic = {
  id: 'bulletin',
  kind: 'agent',
  applies: (co) => PRODUCT_INDUSTRIES.includes(co.industry),
  make({ r, product }) {
    const p = product!.name;
    const part = pick(r, product!.category.parts);
    const failure = pick(r, [
      'crack',
      'wear early',
      'come loose',
      'overheat',
      'fail in cold weather',
      'rattle',
    ]);
    const num = int(r, 1000, 9999);
    const s1 = serial(r);
    const pn = partNo(r, product!);
    return {
      heading: pick(r, [
        ['Service bulletins', `SB-${num}`],
        [`SB-${num}`],
        ['Technical notes', `SB-${num}`],
      ]),
      core: [
        `Service bulletin SB-${num} covers ${p} units with serial numbers ${s1} to ${s1.slice(0, -4)}${int(r, 5000, 9999)}, where the ${part} can ${failure}.`,
        pick(r, [
          `Fit the revised ${part}, part ${pn}, and record the work on the job sheet.`,
          `Replace the ${part} with part ${pn} and update the firmware to ${int(r, 2, 6)}.${int(r, 0, 9)} or later.`,
        ]),
      ],
      extra: [
        `The repair takes about ${int(r, 20, 90)} minutes and is free for the customer.`,
        `Return the old part in the prepaid bag for analysis.`,
        `Do not reuse the old seals or screws.`,
        `Units already repaired have a green dot next to the rating label.`,
      ],
      ask: (q) =>
        pick(q, [
          `is there a service bulletin for the ${p} ${part}`,
          `SB-${num} fix`,
          `which serial numbers are affected by the ${product!.line} ${part} problem`,
          `part number for the revised ${part}`,
        ]),
    };
  },
};

export const PRODUCT_TOPICS: readonly Topic[] = [
  errorCode,
  reset,
  setup,
  care,
  consumable,
  battery,
  pairing,
  firmware,
  specs,
  safety,
  symptom,
  warranty,
  repair,
  eco,
];
export const TROUBLESHOOTING_TOPICS: readonly Topic[] = [
  errorCode,
  symptom,
  reset,
  pairing,
  firmware,
  battery,
];
export const POLICY_GROUPS: readonly (readonly [title: string, topics: readonly Topic[]])[] = [
  ['Orders and delivery', [delivery, orderChanges, payment, returns]],
  ['Your account', [security, privacy, contact, complaints]],
  ['Stores and services', [stores, appointments, recycling, rewards, giftCards]],
  ['Plans and billing', [contract, roaming, tariff, payment, complaints]],
];
export const AGENT_TOPICS: readonly Topic[] = [escalation, goodwill, identity, outage];
export const BULLETIN_TOPICS: readonly Topic[] = [bulletin, bulletin, symptom, firmware, errorCode];
export const TOPIC_COUNT = new Set([
  ...PRODUCT_TOPICS,
  ...POLICY_GROUPS.flatMap(([, t]) => t),
  ...AGENT_TOPICS,
  bulletin,
]).size;
