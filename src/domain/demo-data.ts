// Sample data for `coi demo`: a property-management organization with locations, requirement sets, insureds,
// their contacts and certificates. Pure and seeded: the same seed and day always give the same data (tests pin it
// down), and every date is placed relative to `today`, so a demo always shows current, expiring, expired and
// missing insurance whenever it is run. Names, carriers, NAIC codes and tax ids are invented; e-mail addresses use
// the reserved .example domain and phone numbers the fictional 555-01xx range, so reminders can never reach anyone.

export type InsuranceState = 'current' | 'expiring' | 'expired' | 'missing';
export type Coverage =
  | 'general_liability'
  | 'automobile_liability'
  | 'umbrella_liability'
  | 'excess_liability'
  | 'workers_compensation'
  | 'other';
export type InsuredKind = 'vendor' | 'contractor' | 'subcontractor' | 'tenant' | 'supplier' | 'other';
export type RequirementSetKey = 'subcontractor' | 'tenant' | 'vendor';
/** Deliberate gaps, so that a demo also shows non-compliant certificates, not only dates. */
export type Deficiency = 'gl_limits_low' | 'additional_insured_missing' | 'primary_noncontributory_missing' | 'umbrella_missing' | 'workers_comp_missing';

export type DemoAddress = { lines: string[]; city: string; state: string; postalCode: string };

export type DemoLocation = {
  key: string;
  name: string;
  code: string;
  kind: 'property' | 'project';
  address: DemoAddress;
  activeFrom: string | null;
  activeTo: string | null;
};

export type DemoRequirementSet = { key: RequirementSetKey; name: string; description: string; definition: Record<string, unknown> };

export type DemoContact = {
  kind: 'vendor' | 'broker';
  name: string;
  email: string;
  phone: string;
  title: string;
  company: string | null;
  isPrimary: boolean;
};

export type DemoPolicy = {
  coverage: Coverage;
  description: string | null;
  insurerLetter: string;
  policyNumber: string;
  effectiveDate: string;
  expirationDate: string;
  additionalInsured: boolean;
  subrogationWaived: boolean;
  basis: 'occurrence' | 'claims_made' | null;
  limits: Record<string, number>;
  details: Record<string, unknown>;
};

export type DemoProducer = {
  name: string;
  address: DemoAddress;
  contactName: string;
  phone: string;
  fax: string | null;
  email: string;
};

export type DemoCertificate = {
  status: 'confirmed' | 'needs_review';
  /** true for an older certificate that a newer one superseded */
  archived: boolean;
  /** ISO timestamp */
  receivedAt: string;
  formType: 'ACORD 25';
  formEdition: string;
  certificateDate: string;
  certificateNumber: string | null;
  producer: DemoProducer;
  insuredName: string;
  insuredAddress: DemoAddress;
  insurers: { letter: string; name: string; naic: string }[];
  policies: DemoPolicy[];
  descriptionOfOperations: string;
  holderName: string;
  holderAddress: DemoAddress;
  warnings: string[];
  confidence: Record<string, number>;
};

export type DemoInsured = {
  key: string;
  legalName: string;
  dba: string | null;
  kind: InsuredKind;
  trade: string;
  address: DemoAddress;
  /** plain EIN (NN-NNNNNNN); the caller encrypts it before storing */
  taxId: string;
  tags: string[];
  notes: string | null;
  externalId: string;
  contacts: DemoContact[];
  assignments: { locationKey: string; requirementSetKey: RequirementSetKey }[];
  /** oldest first; the last one is the certificate on file */
  certificates: DemoCertificate[];
  /** where the certificate on file stands on `today`, by its earliest policy expiration */
  state: InsuranceState;
  deficiency: Deficiency | null;
};

export type DemoData = {
  seed: number;
  today: string;
  organization: { name: string; timeZone: string; address: DemoAddress };
  locations: DemoLocation[];
  requirementSets: DemoRequirementSet[];
  insureds: DemoInsured[];
};

export type DemoOptions = {
  today: string;
  seed?: number;
  insureds?: number;
  organizationName?: string;
};

export const DEFAULT_DEMO_SEED = 20260301;
export const DEFAULT_DEMO_INSUREDS = 50;
export const EXPIRING_WITHIN_DAYS = 30;

// ---------------------------------------------------------------------------------------------------------------
// Randomness and dates

/** mulberry32: tiny, fast, and good enough for sample data; Math.random cannot be seeded. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** inclusive at both ends */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let roll = this.next() * total;
    for (const [item, w] of items) {
      roll -= w;
      if (roll < 0) return item;
    }
    return items[items.length - 1]![0];
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }
  digits(n: number): string {
    let out = '';
    for (let i = 0; i < n; i++) out += String(this.int(0, 9));
    return out;
  }
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDate(iso: string): Date {
  const m = ISO_DATE.exec(iso);
  const d = m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!)) : null;
  if (!d || d.getUTCDate() !== +m![3]! || d.getUTCMonth() !== +m![2]! - 1) throw new RangeError(`not a date as YYYY-MM-DD: ${iso}`);
  return d;
}
const formatDate = (d: Date) => d.toISOString().slice(0, 10);
export const addDays = (iso: string, days: number) => formatDate(new Date(parseDate(iso).getTime() + days * DAY_MS));
/** One policy year on; a term starting on Feb 29 ends on Mar 1, as carriers write it. */
export function addYears(iso: string, years: number): string {
  const d = parseDate(iso);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return formatDate(d);
}
export const daysBetween = (from: string, to: string) => Math.round((parseDate(to).getTime() - parseDate(from).getTime()) / DAY_MS);
const minDate = (a: string, b: string) => (a < b ? a : b);

// ---------------------------------------------------------------------------------------------------------------
// The world the demo lives in

type Region = { key: string; areaCodes: string[]; streets: string[]; places: [city: string, state: string, zip: string][] };

const REGIONS: Region[] = [
  {
    key: 'austin',
    areaCodes: ['512', '737'],
    streets: ['E 6th St', 'S Congress Ave', 'Burnet Rd', 'N Lamar Blvd', 'Ben White Blvd', 'Cameron Rd', 'Ferguson Ln', 'Industrial Blvd'],
    places: [
      ['Austin', 'TX', '78701'],
      ['Austin', 'TX', '78704'],
      ['Austin', 'TX', '78745'],
      ['Austin', 'TX', '78753'],
      ['Round Rock', 'TX', '78664'],
      ['Pflugerville', 'TX', '78660'],
      ['San Marcos', 'TX', '78666'],
    ],
  },
  {
    key: 'tampa',
    areaCodes: ['813', '727'],
    streets: ['N Dale Mabry Hwy', 'W Kennedy Blvd', 'E Hillsborough Ave', 'N 50th St', 'Gandy Blvd', 'US Hwy 19 N', 'Ulmerton Rd'],
    places: [
      ['Tampa', 'FL', '33602'],
      ['Tampa', 'FL', '33607'],
      ['Tampa', 'FL', '33610'],
      ['St. Petersburg', 'FL', '33701'],
      ['Clearwater', 'FL', '33755'],
      ['Brandon', 'FL', '33510'],
    ],
  },
  {
    key: 'charlotte',
    areaCodes: ['704', '980'],
    streets: ['South Blvd', 'N Tryon St', 'Wilkinson Blvd', 'Independence Blvd', 'Statesville Ave', 'Monroe Rd'],
    places: [
      ['Charlotte', 'NC', '28202'],
      ['Charlotte', 'NC', '28203'],
      ['Charlotte', 'NC', '28206'],
      ['Concord', 'NC', '28025'],
      ['Matthews', 'NC', '28105'],
    ],
  },
  {
    key: 'columbus',
    areaCodes: ['614', '380'],
    streets: ['W Broad St', 'N High St', 'Morse Rd', 'Cleveland Ave', 'Sawmill Rd', 'Alum Creek Dr'],
    places: [
      ['Columbus', 'OH', '43215'],
      ['Columbus', 'OH', '43219'],
      ['Dublin', 'OH', '43017'],
      ['Westerville', 'OH', '43081'],
      ['Grove City', 'OH', '43123'],
    ],
  },
];

const HEADQUARTERS: DemoAddress = { lines: ['200 Congress Ave', 'Suite 1400'], city: 'Austin', state: 'TX', postalCode: '78701' };

const LOCATIONS: (Omit<DemoLocation, 'activeFrom' | 'activeTo'> & { region: string; project?: [startDaysAgo: number, endsInDays: number] })[] = [
  { key: 'RVC', region: 'austin', name: 'Riverside Commons', code: 'RVC', kind: 'property', address: { lines: ['1200 E Riverside Dr'], city: 'Austin', state: 'TX', postalCode: '78741' } },
  { key: 'LUL', region: 'austin', name: 'Lamar Union Lofts', code: 'LUL-24', kind: 'project', address: { lines: ['1100 S Lamar Blvd'], city: 'Austin', state: 'TX', postalCode: '78704' }, project: [210, 320] },
  { key: 'HPO', region: 'tampa', name: 'Harbor Point Office Park', code: 'HPO', kind: 'property', address: { lines: ['4450 W Cypress St'], city: 'Tampa', state: 'FL', postalCode: '33607' } },
  { key: 'CMP', region: 'tampa', name: 'Channelside Medical Pavilion', code: 'CMP-25', kind: 'project', address: { lines: ['615 Channelside Dr'], city: 'Tampa', state: 'FL', postalCode: '33602' }, project: [95, 540] },
  { key: 'SEX', region: 'charlotte', name: 'South End Exchange', code: 'SEX', kind: 'property', address: { lines: ['1930 Camden Rd'], city: 'Charlotte', state: 'NC', postalCode: '28203' } },
  { key: 'ECC', region: 'columbus', name: 'Easton Corporate Center', code: 'ECC', kind: 'property', address: { lines: ['4100 Regent St'], city: 'Columbus', state: 'OH', postalCode: '43219' } },
];

type Carrier = { name: string; naic: string };
// Invented carriers: plausible names and five-digit NAIC codes that are not meant to match real companies.
const ADMITTED_CARRIERS: Carrier[] = [
  { name: 'Granite Shield Insurance Company', naic: '24317' },
  { name: 'Lakeshore Mutual Casualty Company', naic: '21466' },
  { name: 'Northbridge Fire & Casualty Co.', naic: '19283' },
  { name: 'Summit Ridge Indemnity Company', naic: '37540' },
  { name: 'Atlantic Keystone Insurance Company', naic: '29851' },
  { name: 'Prairie States Assurance Company', naic: '14702' },
  { name: 'Heartland Commercial Insurance Co.', naic: '33018' },
];
const EXCESS_CARRIERS: Carrier[] = [
  { name: 'Harborview Specialty Insurance Company', naic: '41298' },
  { name: 'Crestline Excess & Surplus Company', naic: '10867' },
  { name: 'Meridian Umbrella Underwriters Inc.', naic: '38215' },
];
const COMP_CARRIERS: Carrier[] = [
  { name: 'Bluestem Workers Compensation Mutual', naic: '11570' },
  { name: 'Union Trades Comp Insurance Company', naic: '26044' },
  { name: 'Keystone Employers Assurance Co.', naic: '16193' },
];
const PROFESSIONAL_CARRIERS: Carrier[] = [
  { name: 'Ironwood Professional Indemnity Co.', naic: '42739' },
  { name: 'Tessera Specialty Insurance Company', naic: '13405' },
];

type Agency = { name: string; domain: string; region: string; address: DemoAddress; phone: string; agents: [name: string, title: string][] };
const AGENCIES: Agency[] = [
  {
    name: 'Hollis & Mercer Insurance Agency',
    domain: 'hollismercer.example',
    region: 'austin',
    address: { lines: ['9442 Capital of Texas Hwy N', 'Suite 300'], city: 'Austin', state: 'TX', postalCode: '78759' },
    phone: '(512) 555-0110',
    agents: [['Renee Castillo', 'Commercial Lines Account Manager'], ['Tom Whitaker', 'Producer'], ['Priya Natarajan', 'Certificate Specialist']],
  },
  {
    name: 'Brightline Risk Partners',
    domain: 'brightlinerisk.example',
    region: 'tampa',
    address: { lines: ['100 N Tampa St', 'Suite 2600'], city: 'Tampa', state: 'FL', postalCode: '33602' },
    phone: '(813) 555-0142',
    agents: [['Marcus Bell', 'Account Executive'], ['Lena Okafor', 'Client Service Manager']],
  },
  {
    name: 'Cornerstone Insurance Services, Inc.',
    domain: 'cornerstoneins.example',
    region: 'charlotte',
    address: { lines: ['6000 Fairview Rd', 'Suite 1200'], city: 'Charlotte', state: 'NC', postalCode: '28210' },
    phone: '(704) 555-0167',
    agents: [['Hannah Pruitt', 'Commercial Account Manager'], ['Darnell Hughes', 'Producer']],
  },
  {
    name: 'Tri-County Insurance Brokers',
    domain: 'tricountyins.example',
    region: 'columbus',
    address: { lines: ['555 Metro Pl N', 'Suite 400'], city: 'Dublin', state: 'OH', postalCode: '43017' },
    phone: '(614) 555-0183',
    agents: [['Gina Rossi', 'Certificate Desk'], ['Kevin Lindqvist', 'Account Manager']],
  },
  {
    name: 'Pinnacle Commercial Insurance Group',
    domain: 'pinnaclecig.example',
    region: 'any',
    address: { lines: ['2100 Ross Ave', 'Suite 900'], city: 'Dallas', state: 'TX', postalCode: '75201' },
    phone: '(214) 555-0129',
    agents: [['Aaron Feld', 'Senior Account Manager'], ['Sofia Mendes', 'Commercial Lines CSR']],
  },
];

const SURNAMES = [
  'Alvarez', 'Bennett', 'Brennan', 'Castillo', 'Chen', 'Delgado', 'Dunham', 'Eriksen', 'Fitzgerald', 'Garza', 'Hale', 'Harmon',
  'Ibarra', 'Jensen', 'Kowalski', 'Lambert', 'Lindgren', 'Marsh', 'McAllister', 'Moreno', 'Nakamura', 'Novak', 'Okafor', "O'Neill",
  'Patel', 'Pruitt', 'Quintero', 'Ramsey', 'Reyes', 'Sandoval', 'Schmidt', 'Sorensen', 'Stroud', 'Tran', 'Underwood', 'Vasquez',
  'Walsh', 'Whitfield', 'Yates', 'Zimmerman', 'Holloway', 'Pham', 'Abernathy', 'Kaminski', 'Lockhart', 'Mbeki', 'Rinaldi', 'Tolliver',
];
const FIRST_NAMES = [
  'Alicia', 'Andre', 'Brian', 'Carla', 'Daniel', 'Denise', 'Eduardo', 'Emily', 'Frank', 'Grace', 'Hector', 'Irene', 'Jamal', 'Janet',
  'Jorge', 'Karen', 'Kwame', 'Laura', 'Luis', 'Maria', 'Matt', 'Megan', 'Nadia', 'Omar', 'Paula', 'Raj', 'Rebecca', 'Sam', 'Sandra',
  'Scott', 'Tasha', 'Tyler', 'Vanessa', 'Victor', 'Wendy', 'Yusuf', 'Zoe', 'Mike', 'Dana', 'Chris',
];

type Trade = {
  trade: string;
  kind: InsuredKind;
  weight: number;
  requirementSet: RequirementSetKey;
  /** tenants lease space at a property; projects only take contractors */
  onProjects: boolean;
  words: string[];
  suffixes: string[];
  /** for tenants: the storefront name is the DBA */
  storefront?: string[];
  vehicles: 'owned' | 'hired' | 'none';
  umbrellaChance: number;
  professional?: string;
  operations: string;
  contactTitles: string[];
};

const TRADES: Trade[] = [
  { trade: 'plumbing', kind: 'subcontractor', weight: 6, requirementSet: 'subcontractor', onProjects: true, words: ['Blue Line', 'Clearwater', 'Copper Creek', 'Rapid Flow', 'True North'], suffixes: ['Plumbing, Inc.', 'Plumbing & Heating LLC', 'Plumbing & Drain Co.'], vehicles: 'owned', umbrellaChance: 0.8, operations: 'Commercial plumbing installation, repair and maintenance', contactTitles: ['Owner', 'Project Manager', 'Office Manager'] },
  { trade: 'hvac', kind: 'subcontractor', weight: 6, requirementSet: 'subcontractor', onProjects: true, words: ['Comfort Air', 'Polar Ridge', 'AirPro', 'Climate Masters', 'Summit'], suffixes: ['Mechanical, LLC', 'Heating & Air, Inc.', 'HVAC Services Inc.'], vehicles: 'owned', umbrellaChance: 0.8, operations: 'HVAC installation, service and preventive maintenance', contactTitles: ['Service Manager', 'Operations Manager', 'President'] },
  { trade: 'electrical', kind: 'subcontractor', weight: 6, requirementSet: 'subcontractor', onProjects: true, words: ['Bright Spark', 'Volt Line', 'Liberty', 'Ampere', 'Keystone'], suffixes: ['Electric Co.', 'Electrical Contractors LLC', 'Electric, Inc.'], vehicles: 'owned', umbrellaChance: 0.85, operations: 'Electrical contracting, lighting retrofits and service calls', contactTitles: ['Estimator', 'Project Manager', 'Owner'] },
  { trade: 'roofing', kind: 'subcontractor', weight: 3, requirementSet: 'subcontractor', onProjects: true, words: ['Apex', 'Highpoint', 'Stormguard', 'Ridgeline'], suffixes: ['Roofing & Sheet Metal Inc.', 'Roofing LLC', 'Roofing Contractors, Inc.'], vehicles: 'owned', umbrellaChance: 0.9, operations: 'Roof repair, replacement and annual inspections', contactTitles: ['Owner', 'Project Manager'] },
  { trade: 'fire-protection', kind: 'subcontractor', weight: 2, requirementSet: 'subcontractor', onProjects: true, words: ['Sentinel', 'Guardian', 'Red Line'], suffixes: ['Fire Protection, Inc.', 'Fire & Sprinkler LLC'], vehicles: 'owned', umbrellaChance: 0.85, operations: 'Fire sprinkler and alarm inspection, testing and repair', contactTitles: ['Service Coordinator', 'Branch Manager'] },
  { trade: 'painting', kind: 'subcontractor', weight: 2, requirementSet: 'subcontractor', onProjects: true, words: ['Fresh Coat', 'ProFinish', 'Cornerstone'], suffixes: ['Painting LLC', 'Painting & Drywall, Inc.'], vehicles: 'owned', umbrellaChance: 0.6, operations: 'Interior and exterior painting and drywall repair', contactTitles: ['Owner', 'Estimator'] },
  { trade: 'general-contractor', kind: 'contractor', weight: 2, requirementSet: 'subcontractor', onProjects: true, words: ['Ironbridge', 'Stonegate', 'Meridian'], suffixes: ['Builders, Inc.', 'Construction Group LLC', 'Construction Co.'], vehicles: 'owned', umbrellaChance: 1, operations: 'General contracting and tenant improvement construction', contactTitles: ['Project Executive', 'Contracts Administrator'] },
  { trade: 'engineering', kind: 'contractor', weight: 1, requirementSet: 'subcontractor', onProjects: true, words: ['Parallax', 'Northline', 'Benchmark'], suffixes: ['Engineering, PLLC', 'Structural Engineers, Inc.'], vehicles: 'hired', umbrellaChance: 0.5, professional: 'Professional Liability', operations: 'Structural and MEP engineering services', contactTitles: ['Principal', 'Project Engineer'] },
  { trade: 'janitorial', kind: 'vendor', weight: 5, requirementSet: 'vendor', onProjects: false, words: ['Sparkle', 'Pristine', 'BrightWay', 'Evergreen', 'Crystal'], suffixes: ['Janitorial Services LLC', 'Commercial Cleaning, Inc.', 'Building Services Co.'], vehicles: 'owned', umbrellaChance: 0.4, operations: 'Nightly janitorial and day porter services', contactTitles: ['Account Manager', 'Owner', 'Operations Supervisor'] },
  { trade: 'landscaping', kind: 'vendor', weight: 4, requirementSet: 'vendor', onProjects: false, words: ['Green Acres', 'Oak & Stone', 'Evergreen', 'TerraScape', 'Live Oak'], suffixes: ['Landscaping LLC', 'Landscape Management, Inc.', 'Lawn & Landscape Co.'], vehicles: 'owned', umbrellaChance: 0.4, operations: 'Grounds maintenance, irrigation and seasonal plantings', contactTitles: ['Account Manager', 'Owner'] },
  { trade: 'security', kind: 'vendor', weight: 3, requirementSet: 'vendor', onProjects: false, words: ['Sentry', 'Vanguard', 'Shield Point', 'Patriot'], suffixes: ['Security Services, Inc.', 'Protective Services LLC'], vehicles: 'owned', umbrellaChance: 0.7, operations: 'Unarmed security officers and mobile patrol', contactTitles: ['Account Manager', 'Branch Manager'] },
  { trade: 'pest-control', kind: 'vendor', weight: 2, requirementSet: 'vendor', onProjects: false, words: ['Guardian', 'Bugout', 'Pestaway', 'Clearview'], suffixes: ['Pest Control LLC', 'Pest Solutions, Inc.'], vehicles: 'owned', umbrellaChance: 0.3, operations: 'Monthly pest control service', contactTitles: ['Service Manager', 'Owner'] },
  { trade: 'elevator', kind: 'vendor', weight: 1, requirementSet: 'subcontractor', onProjects: true, words: ['Vertical', 'Skyline', 'Ascent'], suffixes: ['Elevator Company', 'Elevator Services, Inc.'], vehicles: 'owned', umbrellaChance: 0.9, operations: 'Elevator maintenance, inspection and repair', contactTitles: ['Account Representative'] },
  { trade: 'window-cleaning', kind: 'vendor', weight: 1, requirementSet: 'vendor', onProjects: false, words: ['Clear View', 'High Rise', 'Glassworks'], suffixes: ['Window Cleaning LLC', 'Window & Facade Services, Inc.'], vehicles: 'owned', umbrellaChance: 0.6, operations: 'High-rise window cleaning and facade washing', contactTitles: ['Owner', 'Scheduler'] },
  { trade: 'catering', kind: 'vendor', weight: 2, requirementSet: 'vendor', onProjects: false, words: ['Sage & Salt', 'Copper Pot', 'Blue Plate', 'Harvest Table'], suffixes: ['Catering LLC', 'Catering Co.', 'Events & Catering, Inc.'], vehicles: 'hired', umbrellaChance: 0.3, operations: 'Catering for tenant events and building functions', contactTitles: ['Event Manager', 'Owner'] },
  { trade: 'it-services', kind: 'vendor', weight: 1, requirementSet: 'vendor', onProjects: false, words: ['Lumen', 'Bitwise', 'Northstar'], suffixes: ['Technology Solutions LLC', 'IT Services, Inc.'], vehicles: 'hired', umbrellaChance: 0.4, professional: 'Technology Errors & Omissions / Professional Liability', operations: 'Access control, camera systems and network support', contactTitles: ['Account Manager', 'Service Desk Lead'] },
  { trade: 'supplies', kind: 'supplier', weight: 1, requirementSet: 'vendor', onProjects: false, words: ['Metro', 'Allied', 'Gulf Coast'], suffixes: ['Janitorial Supply Co.', 'Building Supply, Inc.'], vehicles: 'owned', umbrellaChance: 0.3, operations: 'Delivery of janitorial and maintenance supplies', contactTitles: ['Sales Representative'] },
  { trade: 'cafe', kind: 'tenant', weight: 3, requirementSet: 'tenant', onProjects: false, words: ['Morning Ritual', 'Bean & Barley', 'Third Street', 'Daily Grind', 'Little Fox'], suffixes: ['Hospitality LLC', 'Coffee Company LLC'], storefront: ['Café', 'Coffee', 'Coffee Bar'], vehicles: 'none', umbrellaChance: 0.4, operations: 'Café and coffee bar operations', contactTitles: ['Owner', 'General Manager'] },
  { trade: 'restaurant', kind: 'tenant', weight: 2, requirementSet: 'tenant', onProjects: false, words: ['Olive & Vine', 'Saffron', 'Smoke Stack', 'Golden Lotus'], suffixes: ['Restaurant Group LLC', 'Hospitality, Inc.'], storefront: ['Kitchen', 'Bistro', 'Grill'], vehicles: 'hired', umbrellaChance: 0.7, operations: 'Restaurant and bar operations including liquor service', contactTitles: ['Owner', 'General Manager'] },
  { trade: 'fitness', kind: 'tenant', weight: 1, requirementSet: 'tenant', onProjects: false, words: ['Iron Works', 'Flow', 'Pulse'], suffixes: ['Fitness LLC', 'Wellness Studios, Inc.'], storefront: ['Fitness', 'Yoga Studio', 'Cycle'], vehicles: 'none', umbrellaChance: 0.5, operations: 'Fitness studio operations', contactTitles: ['Studio Owner'] },
  { trade: 'medical-office', kind: 'tenant', weight: 1, requirementSet: 'tenant', onProjects: false, words: ['Brightsmile', 'Lakeside', 'Northpoint'], suffixes: ['Dental Group, PLLC', 'Family Medicine, PA'], vehicles: 'none', umbrellaChance: 0.5, professional: 'Professional Liability', operations: 'Outpatient dental and medical office', contactTitles: ['Practice Manager'] },
  { trade: 'retail', kind: 'tenant', weight: 1, requirementSet: 'tenant', onProjects: false, words: ['Paper Lantern', 'Willow & Thread', 'Cedar Lane'], suffixes: ['Retail LLC', 'Boutique, Inc.'], storefront: ['Books', 'Boutique', 'Gifts'], vehicles: 'none', umbrellaChance: 0.2, operations: 'Retail store operations', contactTitles: ['Owner', 'Store Manager'] },
];

// ---------------------------------------------------------------------------------------------------------------
// Requirement sets, in the interchange format of shared/contracts/requirements.md

function requirementSets(holderName: string): DemoRequirementSet[] {
  const holder = { name: holderName, address: HEADQUARTERS };
  const base = { schemaVersion: 1, expiringWithinDays: EXPIRING_WITHIN_DAYS, certificateHolder: holder, approvedInsurerNaics: null, minimumInsurerRating: null, descriptionMustMention: [] };
  const statutoryComp = (el: number) => ({
    coverage: 'workers_compensation',
    perStatute: true,
    limits: { el_each_accident: el, el_disease_each_employee: el, el_disease_policy_limit: el },
  });
  return [
    {
      key: 'subcontractor',
      name: 'Standard subcontractor',
      description: 'Trades working on our properties and construction projects: plumbing, HVAC, electrical, roofing and the like.',
      definition: {
        ...base,
        name: 'Standard subcontractor',
        coverages: [
          {
            coverage: 'general_liability',
            limits: { each_occurrence: 1_000_000, general_aggregate: 2_000_000, products_completed_operations_aggregate: 2_000_000 },
            additionalInsured: true,
            subrogationWaived: true,
            primaryNonContributory: true,
            basis: 'occurrence',
            aggregateAppliesPer: ['project', 'location'],
            umbrellaMayApply: true,
          },
          { coverage: 'automobile_liability', limits: { combined_single_limit: 1_000_000 }, additionalInsured: true, umbrellaMayApply: true },
          { coverage: 'umbrella_liability', limits: { each_occurrence: 5_000_000 } },
          { ...statutoryComp(1_000_000), subrogationWaived: true, umbrellaMayApply: true },
        ],
      },
    },
    {
      key: 'tenant',
      name: 'Tenant',
      description: 'Retail, restaurant and office tenants, as required by the lease.',
      definition: {
        ...base,
        name: 'Tenant',
        coverages: [
          {
            coverage: 'general_liability',
            limits: { each_occurrence: 1_000_000, general_aggregate: 2_000_000, damage_to_rented_premises: 300_000 },
            additionalInsured: true,
            primaryNonContributory: true,
            umbrellaMayApply: true,
          },
          statutoryComp(500_000),
        ],
      },
    },
    {
      key: 'vendor',
      name: 'Light vendor',
      description: 'Service vendors with limited on-site work: janitorial, landscaping, security, catering, supplies.',
      definition: {
        ...base,
        name: 'Light vendor',
        coverages: [
          {
            coverage: 'general_liability',
            limits: { each_occurrence: 1_000_000, general_aggregate: 2_000_000 },
            additionalInsured: true,
            umbrellaMayApply: true,
          },
          { coverage: 'automobile_liability', limits: { combined_single_limit: 1_000_000 }, umbrellaMayApply: true },
          statutoryComp(500_000),
        ],
      },
    },
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// The generator

/** Builds the whole demo. `today` is the organization's calendar day (YYYY-MM-DD). */
export function generateDemoData(options: DemoOptions): DemoData {
  parseDate(options.today);
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const count = options.insureds ?? DEFAULT_DEMO_INSUREDS;
  if (!Number.isInteger(count) || count < 1) throw new RangeError('insureds must be a whole number of at least 1');
  const rng = new Rng(seed);
  const today = options.today;
  const organization = { name: options.organizationName ?? 'Demo Property Group', timeZone: 'America/Chicago', address: HEADQUARTERS };

  const locations: DemoLocation[] = LOCATIONS.map(({ region: _region, project, ...l }) => ({
    ...l,
    address: { ...l.address, lines: [...l.address.lines] },
    activeFrom: project ? addDays(today, -project[0]) : null,
    activeTo: project ? addDays(today, project[1]) : null,
  }));

  const states = stateQuota(count, rng);
  const usedNames = new Set<string>();
  const insureds: DemoInsured[] = [];
  for (let i = 0; i < count; i++) {
    insureds.push(makeInsured(rng, i, states[i]!, today, organization.name, usedNames));
  }
  markNeedsReview(rng, insureds, today);
  return { seed, today, organization, locations, requirementSets: requirementSets(organization.name), insureds };
}

/** The states, in random order, in fixed proportions; each of the four appears once there are at least four insureds. */
function stateQuota(count: number, rng: Rng): InsuranceState[] {
  const share: [InsuranceState, number][] = [
    ['expiring', 0.14],
    ['expired', 0.12],
    ['missing', 0.12],
  ];
  const out: InsuranceState[] = [];
  for (const [state, p] of share) {
    const n = Math.max(count >= 4 ? 1 : 0, Math.round(count * p));
    for (let k = 0; k < n && out.length < count; k++) out.push(state);
  }
  while (out.length < count) out.push('current');
  return rng.shuffle(out);
}

function makeInsured(rng: Rng, index: number, state: InsuranceState, today: string, holderName: string, usedNames: Set<string>): DemoInsured {
  const trade = rng.weighted(TRADES.map((t) => [t, t.weight] as const));
  const locationChoices = LOCATIONS.filter((l) => trade.onProjects || l.kind === 'property');
  const first = rng.pick(locationChoices);
  const region = REGIONS.find((r) => r.key === first.region)!;
  const { legalName, dba } = companyName(rng, trade, usedNames);

  const assignments: DemoInsured['assignments'] = [{ locationKey: first.key, requirementSetKey: trade.requirementSet }];
  if (rng.chance(0.4)) {
    // a second site: usually nearby, sometimes a vendor that serves several markets
    const nearby = locationChoices.filter((l) => l.key !== first.key && (l.region === first.region || rng.chance(0.15)));
    if (nearby.length > 0) assignments.push({ locationKey: rng.pick(nearby).key, requirementSetKey: trade.requirementSet });
  }

  const [city, st, zip] = rng.pick(region.places);
  const address: DemoAddress = { lines: [`${rng.int(100, 9899)} ${rng.pick(region.streets)}`], city, state: st, postalCode: zip };
  if (rng.chance(0.3)) address.lines.push(`${rng.pick(['Suite', 'Unit', 'Bldg'])} ${rng.int(1, 4)}${rng.digits(2)}`);

  const agency = rng.pick(AGENCIES.filter((a) => a.region === region.key || a.region === 'any'));
  const [agentName, agentTitle] = rng.pick(agency.agents);
  const agentEmail = `${emailLocal(agentName)}@${agency.domain}`;
  const phone = () => `(${rng.pick(region.areaCodes)}) 555-01${rng.digits(2)}`;
  const domain = `${slug(dba ?? legalName)}.example`;

  const contacts: DemoContact[] = [];
  const contactName = `${rng.pick(FIRST_NAMES)} ${rng.pick(SURNAMES)}`;
  contacts.push({ kind: 'vendor', name: contactName, email: `${emailLocal(contactName)}@${domain}`, phone: phone(), title: rng.pick(trade.contactTitles), company: null, isPrimary: true });
  if (rng.chance(0.9)) {
    contacts.push({ kind: 'broker', name: agentName, email: agentEmail, phone: agency.phone, title: agentTitle, company: agency.name, isPrimary: false });
  }
  if (rng.chance(0.25)) {
    const name = `${rng.pick(FIRST_NAMES)} ${rng.pick(SURNAMES)}`;
    contacts.push({ kind: 'vendor', name, email: `ap@${domain}`, phone: phone(), title: 'Accounts Payable', company: null, isPrimary: false });
  }

  const tags = [trade.trade];
  if (trade.kind !== 'tenant' && rng.chance(0.2)) tags.push('preferred');
  if (['plumbing', 'hvac', 'electrical', 'elevator', 'fire-protection'].includes(trade.trade) && rng.chance(0.4)) tags.push('on-call');
  if (['electrical', 'plumbing'].includes(trade.trade) && rng.chance(0.3)) tags.push('union');
  if (rng.chance(0.1)) tags.push('mbe');
  if (state === 'missing') tags.push('onboarding');

  const deficiency = state === 'missing' ? null : pickDeficiency(rng, trade);
  const locationNames = assignments.map((a) => LOCATIONS.find((l) => l.key === a.locationKey)!.name);
  const profile: CertificateProfile = {
    trade,
    legalName,
    dba,
    address,
    holderName,
    locationNames,
    producer: { name: agency.name, address: agency.address, contactName: agentName, phone: agency.phone, fax: null, email: agentEmail },
    carriers: {
      main: rng.pick(ADMITTED_CARRIERS),
      excess: rng.chance(0.5) ? null : rng.pick(EXCESS_CARRIERS),
      comp: rng.chance(0.35) ? null : rng.pick(COMP_CARRIERS),
      professional: rng.pick(PROFESSIONAL_CARRIERS),
    },
    policyBases: {
      general_liability: policyBase(rng, ['CGL', 'GL', 'PKG', 'CPP']),
      automobile_liability: policyBase(rng, ['BA', 'CA', 'BAP']),
      umbrella_liability: policyBase(rng, ['CUP', 'UMB', 'XS']),
      workers_compensation: policyBase(rng, ['WC', 'WCP', 'WCA']),
      other: policyBase(rng, ['PL', 'EO', 'PRF']),
    },
    umbrellaLimit: rng.weighted([
      [1_000_000, trade.requirementSet === 'subcontractor' ? 0 : 3],
      [2_000_000, trade.requirementSet === 'subcontractor' ? 0 : 3],
      [5_000_000, 6],
      [10_000_000, trade.kind === 'contractor' ? 4 : 1],
    ] as const),
    hasUmbrella: rng.chance(trade.umbrellaChance),
    deficiency,
  };

  const certificates: DemoCertificate[] = [];
  if (state !== 'missing') {
    const expiration = expirationFor(rng, state, today);
    const effective = addYears(expiration, -1);
    // a few insureds show their history: last year's certificate, now superseded
    if (state === 'current' && rng.chance(0.12)) {
      const prior = makeCertificate(rng, profile, addYears(effective, -1), today, true);
      certificates.push({ ...prior, archived: true });
    }
    certificates.push(makeCertificate(rng, profile, effective, today, false));
  }

  return {
    key: `insured-${index + 1}`,
    legalName,
    dba,
    kind: trade.kind,
    trade: trade.trade,
    address,
    taxId: `${rng.pick(['20', '26', '27', '45', '46', '47', '81', '82', '83', '84', '85', '86', '87', '88', '90', '92', '93'])}-${rng.digits(7)}`,
    tags,
    notes: insuredNote(rng, state, trade),
    externalId: `${trade.kind === 'tenant' ? 'T' : 'V'}-${String(10_400 + index)}`,
    contacts,
    assignments,
    certificates,
    state,
    deficiency,
  };
}

function companyName(rng: Rng, trade: Trade, used: Set<string>): { legalName: string; dba: string | null } {
  for (let attempt = 0; ; attempt++) {
    const word = rng.chance(0.5) ? rng.pick(trade.words) : rng.pick(SURNAMES);
    let legalName: string;
    let dba: string | null = null;
    if (trade.storefront) {
      legalName = `${word} ${rng.pick(trade.suffixes)}`;
      dba = `${word} ${rng.pick(trade.storefront)}`;
    } else if (rng.chance(0.15)) {
      // the trading name differs from the legal entity, as with family holding companies
      const family = rng.pick(SURNAMES);
      legalName = `${family} ${rng.pick(['Enterprises, Inc.', 'Holdings LLC', 'Group, Inc.'])}`;
      dba = `${word} ${rng.pick(trade.suffixes).replace(/,? (Inc\.|LLC|Co\.|PLLC|Company)$/, '')}`;
    } else {
      legalName = `${word} ${rng.pick(trade.suffixes)}`;
    }
    // with thousands of insureds the name pool runs dry: number the repeats rather than loop forever
    if (attempt > 20) legalName = `${legalName} (${attempt - 20})`;
    if (!used.has(legalName.toLowerCase())) {
      used.add(legalName.toLowerCase());
      return { legalName, dba };
    }
  }
}

function pickDeficiency(rng: Rng, trade: Trade): Deficiency | null {
  if (!rng.chance(0.2)) return null;
  const options: Deficiency[] = ['gl_limits_low', 'additional_insured_missing'];
  if (trade.requirementSet !== 'vendor') options.push('primary_noncontributory_missing');
  if (trade.requirementSet === 'subcontractor') options.push('umbrella_missing');
  if (trade.kind !== 'tenant') options.push('workers_comp_missing');
  return rng.pick(options);
}

function expirationFor(rng: Rng, state: Exclude<InsuranceState, 'missing'>, today: string): string {
  switch (state) {
    case 'current':
      return addDays(today, rng.int(EXPIRING_WITHIN_DAYS + 15, 350));
    case 'expiring':
      return addDays(today, rng.int(1, EXPIRING_WITHIN_DAYS - 2));
    case 'expired':
      return addDays(today, -rng.int(3, 120));
  }
}

function insuredNote(rng: Rng, state: InsuranceState, trade: Trade): string | null {
  if (state === 'missing') return rng.pick(['New vendor; certificate requested at onboarding.', 'Awaiting certificate from broker before work can start.']);
  if (state === 'expired' && rng.chance(0.5)) return 'Renewal certificate requested; broker says the policies were renewed.';
  if (trade.kind === 'tenant' && rng.chance(0.5)) return `Lease renews ${rng.pick(['January', 'April', 'July', 'October'])} 1.`;
  if (rng.chance(0.15)) return 'Master service agreement on file.';
  return null;
}

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/\b(inc|llc|co|pllc|pa|company)\b\.?/g, '')
    .replace(/[^a-z0-9]+/g, '')
    .slice(0, 30) || 'company';
const emailLocal = (person: string) => {
  const [firstName, ...rest] = person.toLowerCase().replace(/[^a-z ]/g, '').split(' ');
  return `${firstName}.${rest.join('')}`;
};

type PolicyBase = { prefix: string; number: string };
const policyBase = (rng: Rng, prefixes: string[]): PolicyBase => ({ prefix: rng.pick(prefixes), number: rng.digits(7) });
/** Renewals keep the base number and change the term suffix, as most carriers do. */
const policyNumber = (base: PolicyBase, effective: string) => `${base.prefix} ${base.number}-${effective.slice(2, 4)}`;

type CertificateProfile = {
  trade: Trade;
  legalName: string;
  dba: string | null;
  address: DemoAddress;
  holderName: string;
  locationNames: string[];
  producer: DemoProducer;
  carriers: { main: Carrier; excess: Carrier | null; comp: Carrier | null; professional: Carrier };
  policyBases: Record<'general_liability' | 'automobile_liability' | 'umbrella_liability' | 'workers_compensation' | 'other', PolicyBase>;
  umbrellaLimit: number;
  hasUmbrella: boolean;
  deficiency: Deficiency | null;
};

function makeCertificate(rng: Rng, p: CertificateProfile, effective: string, today: string, superseded: boolean): DemoCertificate {
  const expiration = addYears(effective, 1);
  const insurers: DemoCertificate['insurers'] = [];
  const letterOf = (carrier: Carrier) => {
    let entry = insurers.find((i) => i.naic === carrier.naic);
    if (!entry) {
      entry = { letter: String.fromCharCode(65 + insurers.length), name: carrier.name, naic: carrier.naic };
      insurers.push(entry);
    }
    return entry.letter;
  };
  const d = p.deficiency;
  const subcontractor = p.trade.requirementSet === 'subcontractor';
  const policies: DemoPolicy[] = [];
  const policy = (coverage: Coverage, carrier: Carrier, rest: Omit<DemoPolicy, 'coverage' | 'insurerLetter' | 'policyNumber' | 'effectiveDate' | 'expirationDate'>) => {
    const base = p.policyBases[coverage as keyof CertificateProfile['policyBases']];
    policies.push({
      coverage,
      insurerLetter: letterOf(carrier),
      policyNumber: policyNumber(base, effective),
      effectiveDate: effective,
      expirationDate: expiration,
      ...rest,
    });
  };

  const occurrence = d === 'gl_limits_low' ? 500_000 : subcontractor && rng.chance(0.25) ? 2_000_000 : 1_000_000;
  policy('general_liability', p.carriers.main, {
    description: null,
    additionalInsured: d !== 'additional_insured_missing',
    subrogationWaived: subcontractor || rng.chance(0.5),
    basis: 'occurrence',
    limits: {
      each_occurrence: occurrence,
      damage_to_rented_premises: p.trade.kind === 'tenant' ? rng.pick([300_000, 500_000]) : rng.pick([100_000, 300_000]),
      medical_expense: rng.pick([5_000, 10_000]),
      personal_advertising_injury: occurrence,
      general_aggregate: occurrence * 2,
      products_completed_operations_aggregate: occurrence * 2,
    },
    details: { aggregateAppliesPer: subcontractor ? rng.pick(['project', 'location', 'project']) : rng.pick(['policy', 'location']) },
  });

  if (p.trade.vehicles !== 'none') {
    const owned = p.trade.vehicles === 'owned';
    policy('automobile_liability', p.carriers.main, {
      description: null,
      additionalInsured: subcontractor && d !== 'additional_insured_missing',
      subrogationWaived: subcontractor,
      basis: null,
      limits: { combined_single_limit: 1_000_000 },
      details: { anyAuto: owned, ownedAutosOnly: false, scheduledAutos: false, hiredAutosOnly: !owned, nonOwnedAutosOnly: !owned },
    });
  }

  if (p.hasUmbrella && d !== 'umbrella_missing') {
    const limit = p.umbrellaLimit;
    policy('umbrella_liability', p.carriers.excess ?? p.carriers.main, {
      description: null,
      additionalInsured: false,
      subrogationWaived: false,
      basis: 'occurrence',
      limits: { each_occurrence: limit, aggregate: limit, retention: rng.pick([0, 10_000, 10_000, 25_000]) },
      details: {},
    });
  }

  if (d !== 'workers_comp_missing' && (p.trade.kind !== 'tenant' || rng.chance(0.8))) {
    const el = subcontractor ? 1_000_000 : rng.pick([500_000, 1_000_000]);
    // comp often renews on its own anniversary; only ever later, so the certificate's state is set by the other lines
    const shift = superseded || policies.length === 0 ? 0 : rng.chance(0.3) ? rng.int(5, 60) : 0;
    const compEffective = addDays(effective, shift);
    const compCarrier = p.carriers.comp ?? p.carriers.main;
    policies.push({
      coverage: 'workers_compensation',
      description: null,
      insurerLetter: letterOf(compCarrier),
      policyNumber: policyNumber(p.policyBases.workers_compensation, compEffective),
      effectiveDate: compEffective,
      expirationDate: addYears(compEffective, 1),
      additionalInsured: false,
      subrogationWaived: subcontractor || rng.chance(0.4),
      basis: null,
      limits: { el_each_accident: el, el_disease_each_employee: el, el_disease_policy_limit: el },
      details: { perStatute: true, proprietorExcluded: rng.chance(0.15) ? true : rng.chance(0.5) ? false : null },
    });
  }

  if (p.trade.professional) {
    const label = p.trade.professional;
    policy('other', p.carriers.professional, {
      description: label,
      additionalInsured: false,
      subrogationWaived: false,
      basis: 'claims_made',
      limits: { each_claim: 1_000_000, aggregate: 2_000_000 },
      details: {},
    });
  }

  const certificateDate = minDate(addDays(effective, rng.int(-12, 20)), today);
  const receivedDate = minDate(addDays(certificateDate, rng.int(0, 3)), today);
  const insuredAddress: DemoAddress = { ...p.address, lines: p.dba ? [`DBA ${p.dba}`, ...p.address.lines] : [...p.address.lines] };
  return {
    status: 'confirmed',
    archived: false,
    receivedAt: timestamp(rng, receivedDate),
    formType: 'ACORD 25',
    formEdition: '2016/03',
    certificateDate,
    certificateNumber: rng.chance(0.4) ? rng.digits(8) : null,
    producer: { ...p.producer, address: { ...p.producer.address, lines: [...p.producer.address.lines] } },
    insuredName: p.legalName,
    insuredAddress,
    insurers,
    policies,
    descriptionOfOperations: descriptionOfOperations(p),
    holderName: p.holderName,
    holderAddress: { ...HEADQUARTERS, lines: [...HEADQUARTERS.lines] },
    warnings: [],
    confidence: {},
  };
}

function descriptionOfOperations(p: CertificateProfile): string {
  const parts = [`${p.trade.operations}. Re: ${p.locationNames.join('; ')}.`];
  const lines = p.trade.requirementSet === 'subcontractor' ? 'general liability and automobile liability' : 'general liability';
  if (p.deficiency !== 'additional_insured_missing') {
    parts.push(`${p.holderName}, its affiliates and property managers are included as additional insureds on the ${lines} when required by written contract.`);
  }
  if (p.deficiency !== 'primary_noncontributory_missing' && p.trade.requirementSet !== 'vendor') {
    parts.push('Coverage is primary and non-contributory.');
  }
  if (p.trade.requirementSet === 'subcontractor') {
    parts.push('Waiver of subrogation applies in favor of the certificate holder on general liability, auto liability and workers compensation where permitted by law.');
  }
  if (p.trade.requirementSet === 'subcontractor' && p.hasUmbrella && p.deficiency !== 'umbrella_missing') {
    parts.push('Umbrella follows form over general liability, auto liability and employers liability.');
  }
  return parts.join(' ');
}

function timestamp(rng: Rng, date: string): string {
  // business hours in the continental US, expressed in UTC
  return `${date}T${String(rng.int(13, 22)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}.000Z`;
}

const REVIEW_WARNINGS: [warning: string, pointer: string][] = [
  ['The policy number on the page differs from the text layer; the page was used.', '/policies/0/policyNumber'],
  ['The certificate holder box is partly covered by a stamp.', '/certificateHolder/name'],
  ['Umbrella limits appear handwritten.', '/policies/2/limits/each_occurrence'],
  ['The scan is skewed; dates were read by OCR.', '/policies/0/expirationDate'],
];

/** A few recently received certificates still wait for a person to confirm what was read from them. */
function markNeedsReview(rng: Rng, insureds: DemoInsured[], today: string): void {
  const candidates = insureds.filter((i) => i.state === 'current' || i.state === 'expiring');
  const wanted = Math.min(candidates.length, Math.max(1, Math.round(insureds.length * 0.06)));
  for (const insured of rng.shuffle([...candidates]).slice(0, wanted)) {
    const certificate = insured.certificates[insured.certificates.length - 1]!;
    const [warning, pointer] = rng.pick(REVIEW_WARNINGS);
    const received = addDays(today, -rng.int(0, 4));
    certificate.status = 'needs_review';
    certificate.receivedAt = timestamp(rng, received);
    certificate.certificateDate = addDays(received, -rng.int(0, 1));
    certificate.warnings = [warning];
    certificate.confidence = { [pointer]: Math.round((0.45 + rng.next() * 0.3) * 100) / 100, '/insured/name': 0.98 };
  }
}
