/**
 * Vocabulary of the retrieval benchmark's synthetic help centres (see `retrieval-corpus.ts`):
 * companies by industry, product categories with their parts, faults and care, places, carriers
 * and the off-topic questions callers also ask. Plain data; changing any of it changes the corpus
 * texts, hence the embedding cache key, and the next run embeds everything again.
 */

export type Industry = 'appliances' | 'electronics' | 'telecom' | 'energy' | 'mobility' | 'outdoor';

export interface Category {
  readonly noun: string;
  readonly industry: Industry;
  readonly parts: readonly string[];
  /** Something the owner replaces from time to time, and how often (months). */
  readonly consumable: readonly [name: string, minMonths: number, maxMonths: number];
  /** The routine care task. */
  readonly care: string;
  /** Symptoms owners report, each with the usual first check. */
  readonly faults: readonly (readonly [symptom: string, check: string])[];
  readonly battery: boolean;
  readonly connected: boolean;
  /** Has a display or status light that shows codes (and mains or battery power). */
  readonly electric: boolean;
  /** Typical weight range in kg and power draw in watts (0: none). */
  readonly kg: readonly [number, number];
  readonly watts: readonly [number, number];
}

const c = (
  noun: string,
  industry: Industry,
  parts: string[],
  consumable: [string, number, number],
  care: string,
  faults: [string, string][],
  flags: { battery?: boolean; connected?: boolean; electric?: boolean },
  kg: [number, number],
  watts: [number, number],
): Category => ({
  noun,
  industry,
  parts,
  consumable,
  care,
  faults,
  battery: flags.battery ?? false,
  connected: flags.connected ?? false,
  electric: flags.electric ?? true,
  kg,
  watts,
});

export const CATEGORIES: readonly Category[] = [
  c(
    'kettle',
    'appliances',
    ['heating element', 'limescale filter', 'lid hinge', 'power base', 'water gauge'],
    ['limescale filter', 3, 6],
    'descale it with a citric acid solution',
    [
      ['switches off before the water boils', 'descale the element and check the lid clicks shut'],
      ['does not switch on at all', 'reseat it on the power base and try another socket'],
      ['leaks from underneath', 'check that the water is below the maximum mark'],
    ],
    {},
    [0.9, 1.6],
    [2200, 3000],
  ),
  c(
    'coffee machine',
    'appliances',
    ['brew unit', 'milk frother', 'water tank', 'burr grinder', 'drip tray'],
    ['water filter cartridge', 2, 4],
    'run the descaling programme',
    [
      ['makes coffee that is only lukewarm', 'preheat the cups and run the descaling programme'],
      ['grinds but no coffee comes out', 'rinse the brew unit under the tap and refit it'],
      ['froths milk poorly', 'clean the frother nozzle and use cold milk'],
    ],
    {},
    [7, 11],
    [1350, 1600],
  ),
  c(
    'dishwasher',
    'appliances',
    ['spray arm', 'filter assembly', 'door seal', 'salt reservoir', 'drain pump'],
    ['rinse aid', 1, 2],
    'clean the filter assembly under running water',
    [
      ['leaves water in the bottom after a cycle', 'clear the filter assembly and the drain hose'],
      ['leaves a white film on glasses', 'top up the salt and raise the water hardness setting'],
      [
        'does not start when the door is closed',
        'check that the door latch clicks and child lock is off',
      ],
    ],
    {},
    [38, 50],
    [1800, 2400],
  ),
  c(
    'washing machine',
    'appliances',
    ['drum', 'door seal', 'drain pump filter', 'detergent drawer', 'drum bearing'],
    ['drum cleaner tablets', 1, 3],
    'run an empty drum clean cycle at 90 degrees',
    [
      ['does not drain', 'empty the drain pump filter behind the small flap'],
      [
        'shakes hard during the spin',
        'check the transit bolts were removed and the feet are level',
      ],
      ['smells musty', 'wipe the door seal and run a drum clean cycle'],
    ],
    {},
    [62, 75],
    [1900, 2300],
  ),
  c(
    'fridge freezer',
    'appliances',
    ['door seal', 'ice maker', 'water filter', 'compressor', 'defrost drain'],
    ['water filter', 6, 6],
    'vacuum the condenser coils at the back',
    [
      ['is not cold enough', 'leave 5 cm of space behind it and check the door seal'],
      ['has water pooling under the salad drawers', 'clear the defrost drain with warm water'],
      ['makes a loud humming noise', 'make sure it stands level and does not touch the wall'],
    ],
    {},
    [70, 95],
    [90, 150],
  ),
  c(
    'robot vacuum',
    'appliances',
    ['side brush', 'main brush roll', 'dust bin', 'cliff sensors', 'charging dock'],
    ['HEPA filter', 2, 3],
    'cut hair off the main brush roll and wipe the cliff sensors',
    [
      ['does not return to its dock', 'clear 50 cm around the dock and wipe the charging contacts'],
      ['goes round in circles', 'wipe the cliff sensors and check the front bumper moves freely'],
      ['leaves debris behind', 'empty the dust bin and replace a worn side brush'],
    ],
    { battery: true, connected: true },
    [3, 4.5],
    [30, 65],
  ),
  c(
    'air purifier',
    'appliances',
    ['HEPA filter', 'pre-filter', 'fan motor', 'air quality sensor'],
    ['HEPA filter', 6, 12],
    'vacuum the pre-filter',
    [
      ['shows a red air quality light all the time', 'clean the air quality sensor window'],
      ['is louder than usual', 'replace the HEPA filter and clear the air inlet'],
    ],
    { connected: true },
    [4, 8],
    [25, 60],
  ),
  c(
    'wireless headphones',
    'electronics',
    ['ear cushions', 'charging case', 'touch panel', 'microphone'],
    ['ear cushions', 12, 18],
    'wipe the ear cushions with a damp cloth',
    [
      ['only play sound in one ear', 'put both in the case for 10 seconds and pair them again'],
      ['drop the connection', 'remove old pairings and keep the phone within 10 metres'],
      ['sound muffled on calls', 'clean the microphone grille with a dry brush'],
    ],
    { battery: true, connected: true },
    [0.05, 0.3],
    [0, 0],
  ),
  c(
    'smartwatch',
    'electronics',
    ['strap', 'heart-rate sensor', 'charging puck', 'crown'],
    ['strap', 12, 24],
    'rinse the sensor under fresh water after swimming',
    [
      ['does not count steps correctly', 'set your height and wrist in the app'],
      ['loses charge within a day', 'turn off the always-on display and reduce GPS use'],
    ],
    { battery: true, connected: true },
    [0.03, 0.06],
    [0, 0],
  ),
  c(
    'laser printer',
    'electronics',
    ['toner cartridge', 'drum unit', 'paper tray', 'fuser'],
    ['toner cartridge', 4, 9],
    'clean the corona wire with the green slider',
    [
      ['prints faint or streaky pages', 'shake the toner cartridge and clean the drum unit'],
      ['jams on every second page', 'fan the paper and check the tray guides'],
      ['goes offline on Wi-Fi', 'give it a fixed IP address in your router'],
    ],
    { connected: true },
    [7, 12],
    [400, 900],
  ),
  c(
    'smart speaker',
    'electronics',
    ['microphone array', 'power adapter', 'touch controls'],
    ['power adapter', 36, 60],
    'dust the fabric cover with a soft brush',
    [
      ['does not respond to the wake word', 'check the microphone mute switch is off'],
      ['keeps dropping off Wi-Fi', 'move it away from the microwave and the router'],
    ],
    { connected: true },
    [0.4, 1.5],
    [10, 30],
  ),
  c(
    'security camera',
    'electronics',
    ['lens', 'mounting bracket', 'microSD card', 'solar panel'],
    ['battery', 24, 36],
    'wipe the lens with a microfibre cloth',
    [
      ['records blurry night video', 'clean the lens and remove the protective film'],
      ['sends too many motion alerts', 'draw activity zones and lower the sensitivity'],
      ['goes offline overnight', 'check the Wi-Fi signal is at least two bars at the mount'],
    ],
    { battery: true, connected: true },
    [0.2, 0.5],
    [0, 5],
  ),
  c(
    'e-reader',
    'electronics',
    ['screen', 'front light', 'charging port', 'sleep cover'],
    ['sleep cover', 24, 36],
    'wipe the screen with a dry cloth',
    [
      ['freezes on one page', 'hold the power button for 40 seconds'],
      ['does not show new books', 'sync it on Wi-Fi and check the account is the same'],
    ],
    { battery: true, connected: true },
    [0.17, 0.24],
    [0, 0],
  ),
  c(
    'broadband router',
    'telecom',
    ['WAN port', 'power adapter', 'Wi-Fi antenna', 'reset pinhole'],
    ['power adapter', 36, 60],
    'keep the vents free of dust',
    [
      [
        'has an orange broadband light',
        'check the grey cable is in the WAN port and the wall socket',
      ],
      ['gives slow Wi-Fi upstairs', 'move it off the floor and away from the TV'],
      ['keeps restarting', 'use the original power adapter and a different socket'],
    ],
    { connected: true },
    [0.4, 0.8],
    [10, 18],
  ),
  c(
    'mesh Wi-Fi system',
    'telecom',
    ['satellite unit', 'ethernet backhaul port', 'status light'],
    ['power adapter', 36, 60],
    'restart the units once a month',
    [
      ['shows a red light on a satellite', 'move the satellite closer to the main unit'],
      ['hands devices over slowly', 'turn on fast roaming in the app'],
    ],
    { connected: true },
    [0.3, 0.6],
    [8, 15],
  ),
  c(
    'smartphone',
    'telecom',
    ['SIM tray', 'battery', 'camera module', 'USB-C port'],
    ['screen protector', 6, 12],
    'clean the USB-C port with a wooden toothpick',
    [
      ['has no signal after a SIM swap', 'restart it and check that mobile data is on'],
      ['gets hot when charging', 'remove the case and use the supplied charger'],
      ['cannot send picture messages', 'reset the network settings'],
    ],
    { battery: true, connected: true },
    [0.16, 0.23],
    [0, 0],
  ),
  c(
    'TV box',
    'telecom',
    ['remote control', 'HDMI cable', 'recording drive'],
    ['remote control batteries', 6, 12],
    'keep it out of enclosed cabinets',
    [
      ['shows no picture', 'check the HDMI cable and the TV input'],
      [
        'misses scheduled recordings',
        'check the drive is not full and the box was left on standby',
      ],
    ],
    { connected: true },
    [0.8, 1.5],
    [12, 25],
  ),
  c(
    'smart thermostat',
    'energy',
    ['wall plate', 'temperature sensor', 'boiler relay', 'display'],
    ['backup batteries', 12, 24],
    'check the schedule at the start of each heating season',
    [
      ['shows the wrong room temperature', 'move it away from radiators and direct sunlight'],
      ['does not switch the boiler on', 'check the relay light and the boiler power'],
      ['loses the schedule', 'replace the backup batteries'],
    ],
    { battery: true, connected: true },
    [0.2, 0.4],
    [1, 3],
  ),
  c(
    'heat pump',
    'energy',
    ['outdoor unit', 'fan', 'refrigerant circuit', 'defrost sensor', 'buffer tank'],
    ['magnetic filter', 12, 12],
    'clear leaves and snow from around the outdoor unit',
    [
      ['blows steam from the outdoor unit in winter', 'nothing: it is defrosting, which is normal'],
      ['does not heat the hot water', 'check the hot water schedule and the legionella cycle'],
      ['trips the breaker', 'have an installer test the compressor'],
    ],
    { connected: true },
    [60, 120],
    [1500, 4500],
  ),
  c(
    'solar inverter',
    'energy',
    ['DC isolator', 'display', 'cooling fan', 'monitoring dongle'],
    ['monitoring dongle', 48, 72],
    'keep the cooling fins free of dust',
    [
      ['shows zero output at midday', 'check the DC isolator is on and look for a grid fault code'],
      ['stops reporting to the app', 'reconnect the monitoring dongle to your Wi-Fi'],
    ],
    { connected: true },
    [10, 25],
    [3000, 6000],
  ),
  c(
    'home battery',
    'energy',
    ['battery module', 'hybrid inverter', 'isolator switch'],
    ['air filter', 12, 24],
    'keep it between 0 and 40 degrees',
    [
      ['does not charge from the solar panels', 'check the charging mode in the app'],
      ['runs down overnight too fast', 'set a reserve level and check for standby loads'],
    ],
    { connected: true },
    [90, 130],
    [3000, 5000],
  ),
  c(
    'EV charger',
    'energy',
    ['charging cable', 'RCD', 'tethered connector', 'LED ring'],
    ['cable holster', 36, 60],
    'inspect the cable for cuts',
    [
      ['shows a flashing red ring', 'unplug the car, switch the RCD off and on'],
      ['charges slowly', 'check the current limit and the car charging setting'],
      ['does not start scheduled charging', 'check the off-peak window in the app'],
    ],
    { connected: true },
    [4, 7],
    [7000, 22000],
  ),
  c(
    'e-bike',
    'mobility',
    ['battery pack', 'hub motor', 'display unit', 'brake pads', 'chain'],
    ['brake pads', 6, 12],
    'clean and lube the chain',
    [
      [
        'gives no assistance',
        'check the battery is locked in and the display shows an assist level',
      ],
      ['has a squeaking brake', 'clean the disc with alcohol and check the pads'],
      ['loses range in cold weather', 'store the battery indoors and charge at room temperature'],
    ],
    { battery: true, connected: true },
    [19, 26],
    [250, 250],
  ),
  c(
    'e-scooter',
    'mobility',
    ['deck battery', 'front tyre', 'brake lever', 'folding latch'],
    ['inner tube', 6, 12],
    'check the tyre pressure',
    [
      ['wobbles when riding', 'tighten the folding latch and the stem bolts'],
      ['does not power on', 'charge it for an hour with the original charger'],
    ],
    { battery: true, connected: true },
    [12, 17],
    [350, 500],
  ),
  c(
    'bike light set',
    'mobility',
    ['front lamp', 'rear lamp', 'handlebar mount', 'USB cable'],
    ['rubber strap', 12, 24],
    'wipe the lens after wet rides',
    [
      ['flickers on bumpy roads', 'tighten the handlebar mount'],
      ['does not charge', 'dry the USB port and use a 1 A charger'],
    ],
    { battery: true },
    [0.1, 0.2],
    [0, 0],
  ),
  c(
    'tent',
    'outdoor',
    ['poles', 'flysheet', 'groundsheet', 'guy lines', 'zips'],
    ['pegs', 12, 24],
    'dry it fully before packing it away',
    [
      ['lets water in at the seams', 'reseal the seams with seam sealer'],
      ['has a pole section that will not lock', 'clean the ferrule and check the shock cord'],
    ],
    { electric: false },
    [1.8, 5.5],
    [0, 0],
  ),
  c(
    'down jacket',
    'outdoor',
    ['zip', 'hood', 'cuffs', 'baffles'],
    ['wash-in proofer', 12, 12],
    'wash it with a down wash and tumble dry with dryer balls',
    [
      ['loses feathers', 'pull feathers back in from the inside rather than out'],
      ['has flat spots after washing', 'tumble dry it on low with dryer balls until fully dry'],
    ],
    { electric: false },
    [0.3, 0.7],
    [0, 0],
  ),
  c(
    'hiking boots',
    'outdoor',
    ['sole', 'laces', 'waterproof membrane', 'insole'],
    ['insoles', 6, 12],
    'brush off mud and let them dry away from heat',
    [
      ['rub at the heel', 'try a heel lock lacing and thicker socks'],
      ['let water in', 'reproof the leather and check the membrane for punctures'],
    ],
    { electric: false },
    [1.1, 1.6],
    [0, 0],
  ),
  c(
    'camping stove',
    'outdoor',
    ['burner', 'gas canister valve', 'pot supports', 'piezo igniter'],
    ['gas canister seal', 12, 24],
    'clean the burner jets with the supplied needle',
    [
      ['has a weak yellow flame', 'clean the jet and let a cold canister warm up'],
      ['does not light with the igniter', 'check the spark gap and light it with a match'],
    ],
    { electric: false },
    [0.1, 0.4],
    [0, 0],
  ),
];

export interface Company {
  readonly tenantId: string;
  readonly name: string;
  /** How customers and staff call it in passing. */
  readonly short: string;
  readonly industry: Industry;
  readonly currency: '£' | '€' | '$';
  readonly city: string;
  readonly warehouse: string;
  readonly app: string;
}

const PREFIXES = [
  'Northwind',
  'Bluebird',
  'Harbour',
  'Kestrel',
  'Larkspur',
  'Meridian',
  'Oakridge',
  'Pinewood',
  'Quayside',
  'Redfern',
  'Silverline',
  'Tidewater',
  'Upland',
  'Verdant',
  'Westmoor',
  'Yarrow',
  'Zephyr',
  'Ashgrove',
  'Brightwater',
  'Copperfield',
  'Driftwood',
  'Elmstead',
  'Foxglove',
  'Greystone',
  'Hollybush',
  'Ironbridge',
  'Juniper',
  'Kingsmead',
  'Lindenhall',
  'Moorland',
  'Nettlebed',
  'Orchard',
  'Parkside',
  'Riverbank',
  'Stonebridge',
  'Thornbury',
  'Underhill',
  'Valewood',
  'Whitecliff',
  'Amberley',
  'Beacon',
  'Cedarwood',
  'Dunmore',
  'Eastgate',
];

const SUFFIX: Readonly<Record<Industry, readonly string[]>> = {
  appliances: ['Home & Kitchen', 'Appliances', 'Domestic'],
  electronics: ['Electronics', 'Tech', 'Audio'],
  telecom: ['Mobile', 'Broadband', 'Telecom'],
  energy: ['Energy', 'Power', 'Heat'],
  mobility: ['Cycles', 'E-Mobility', 'Bikes'],
  outdoor: ['Outdoor', 'Outfitters', 'Adventure'],
};

const INDUSTRIES: readonly Industry[] = [
  'appliances',
  'telecom',
  'electronics',
  'energy',
  'mobility',
  'outdoor',
];

export const CITIES: Readonly<Record<Company['currency'], readonly string[]>> = {
  '£': [
    'Leeds',
    'Manchester',
    'Bristol',
    'Glasgow',
    'Cardiff',
    'Norwich',
    'Sheffield',
    'Nottingham',
    'Aberdeen',
    'Exeter',
    'York',
    'Belfast',
    'Brighton',
    'Milton Keynes',
  ],
  '€': ['Dublin', 'Rotterdam', 'Lyon', 'Porto', 'Antwerp', 'Munich', 'Bologna', 'Valencia', 'Graz'],
  $: ['Denver', 'Austin', 'Portland', 'Columbus', 'Raleigh', 'Toronto', 'Calgary', 'Madison'],
};

export const REGIONS: Readonly<Record<Company['currency'], readonly string[]>> = {
  '£': [
    'mainland UK',
    'the Scottish Highlands',
    'Northern Ireland',
    'the Isle of Wight',
    'the Channel Islands',
  ],
  '€': ['Ireland', 'the Benelux countries', 'France and Monaco', 'Germany and Austria', 'Portugal'],
  $: ['the contiguous US', 'Alaska and Hawaii', 'Ontario and Quebec', 'the Canadian prairies'],
};

export const CARRIERS: Readonly<Record<Company['currency'], readonly string[]>> = {
  '£': ['Royal Mail', 'DPD', 'Evri', 'Parcelforce'],
  '€': ['DHL', 'GLS', 'PostNL', 'An Post'],
  $: ['UPS', 'FedEx', 'USPS', 'Canada Post'],
};

export const STREETS = [
  'Market Street',
  'King Street',
  'the High Street',
  'Castle Road',
  'Station Approach',
  'Harbour Lane',
  'Victoria Square',
  'Mill Road',
  'Church Street',
  'Riverside Walk',
  'Queen Street',
  'Park Lane',
];

/** Model-line names for products; a product is `<line> <code>`. */
export const LINES = [
  'Aurora',
  'Breeze',
  'Summit',
  'Nimbus',
  'Vega',
  'Orion',
  'Atlas',
  'Pulse',
  'Halo',
  'Terra',
  'Nova',
  'Echo',
  'Flint',
  'Glide',
  'Haven',
  'Ionic',
  'Juno',
  'Kite',
  'Lumen',
  'Mistral',
  'Nordic',
  'Onyx',
  'Prism',
  'Quartz',
  'Ridge',
  'Sierra',
  'Tundra',
  'Umbra',
  'Vertex',
  'Willow',
];

/** The companies, tenant ids `t-<prefix>`; `index` 0 is Northwind, 1 Bluebird (the bench's callers). */
export function company(index: number): Company {
  const prefix = PREFIXES[index % PREFIXES.length]!;
  const industry: Industry =
    index === 0 ? 'appliances' : index === 1 ? 'telecom' : INDUSTRIES[(index * 5) % 6]!;
  const currency = (['£', '£', '€', '$'] as const)[(index * 3) % 4]!;
  const suffixes = SUFFIX[industry];
  const cities = CITIES[currency];
  return {
    tenantId: `t-${prefix.toLowerCase()}`,
    name: `${prefix} ${suffixes[index % suffixes.length]}`,
    short: prefix,
    industry,
    currency,
    city: cities[(index * 7) % cities.length]!,
    warehouse: cities[(index * 7 + 3) % cities.length]!,
    app: `${prefix} ${industry === 'energy' ? 'Home' : industry === 'telecom' ? 'My Account' : 'Connect'} app`,
  };
}

/** Questions with nothing to do with any help centre (a share of every query set). */
export const OFF_TOPIC = [
  'what is the weather going to be like in Lisbon this weekend',
  'how do I make a sourdough starter from scratch',
  'who wrote pride and prejudice',
  'best time of year to visit Kyoto',
  'how many kilometres is 26 miles',
  'tips for a job interview at a bank',
  'how many calories are in a banana',
  'recommend a good science fiction novel',
  'explain the offside rule in football',
  'tell me a joke about penguins',
  'what is the capital of Australia',
  'how do I write a cover letter for a teaching job',
  'is it going to rain tomorrow morning',
  'what year did the Berlin wall come down',
  'how long should I boil an egg for a runny yolk',
  'what are the symptoms of dehydration',
  'how do I get a red wine stain out of a carpet',
  'translate good morning into Italian',
  'how far is the moon from the earth',
  'what is a good name for a golden retriever puppy',
  'how do you play the G major chord on guitar',
  'when is the next full moon',
  'how to stop my cat scratching the sofa',
  'what is the difference between a crocodile and an alligator',
  'who painted the girl with a pearl earring',
  'how do I calculate compound interest',
  'good stretches for lower back pain',
  'what should I pack for a week in Iceland',
  'how do I unblock a kitchen sink without chemicals',
  'what time does the sun set in Edinburgh in June',
  'can you help me plan a birthday party for a six year old',
  'what is the population of Canada',
  'how to grow tomatoes on a balcony',
  'summarise the plot of Hamlet',
  'which planets can I see tonight',
  'how do I say thank you in Japanese',
];
