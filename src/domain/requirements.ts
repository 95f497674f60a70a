// Requirement sets in the interchange format of shared/contracts/requirements.md: the zod schema that validates
// them (used for the API, import and export) and a plain-language description of one. Pure: no I/O.
import { z } from 'zod';
import { COVERAGES, LIMIT_KEYS, type Coverage } from './coverage.js';

export { COVERAGES, LIMIT_KEYS, type Coverage };

export const COVERAGE_LABELS: Record<Coverage, string> = {
  general_liability: 'General liability',
  automobile_liability: 'Automobile liability',
  umbrella_liability: 'Umbrella liability',
  excess_liability: 'Excess liability',
  workers_compensation: "Workers' compensation",
  other: 'Other coverage',
};

/** Limit keys in words, as a person reads them in a summary or a finding. */
export const LIMIT_LABELS: Record<string, string> = {
  each_occurrence: 'each occurrence',
  damage_to_rented_premises: 'damage to rented premises',
  medical_expense: 'medical expense',
  personal_advertising_injury: 'personal and advertising injury',
  general_aggregate: 'general aggregate',
  products_completed_operations_aggregate: 'products-completed operations aggregate',
  combined_single_limit: 'combined single limit',
  bodily_injury_per_person: 'bodily injury per person',
  bodily_injury_per_accident: 'bodily injury per accident',
  property_damage_per_accident: 'property damage per accident',
  aggregate: 'aggregate',
  retention: 'retention',
  el_each_accident: "employers' liability each accident",
  el_disease_each_employee: 'disease each employee',
  el_disease_policy_limit: 'disease policy limit',
};

export const AM_BEST_LETTERS = ['A++', 'A+', 'A', 'A-', 'B++', 'B+', 'B', 'B-', 'C++', 'C+', 'C', 'C-', 'D', 'E', 'F', 'S'] as const;
export const AM_BEST_SIZES = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'] as const;

/** Parses "A- VIII" (size optional) into its parts, or null when it is not an AM Best rating. */
export function parseInsurerRating(rating: string): { letter: (typeof AM_BEST_LETTERS)[number]; size: (typeof AM_BEST_SIZES)[number] | null } | null {
  const m = /^(\S+)(?:\s+(\S+))?$/.exec(rating.trim());
  if (!m) return null;
  const letter = AM_BEST_LETTERS.find((l) => l === m[1]);
  const size = m[2] === undefined ? null : AM_BEST_SIZES.find((s) => s === m[2]);
  if (!letter || size === undefined) return null;
  return { letter, size };
}

const SNAKE_CASE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;

// Strict objects: a misspelt field ("additionalInsurd") would otherwise be dropped silently and weaken the requirement.
const closed = <T extends z.ZodRawShape>(shape: T) =>
  z.strictObject(shape, {
    error: (iss) => (iss.code === 'unrecognized_keys' ? `unknown field${iss.keys.length > 1 ? 's' : ''}: ${iss.keys.join(', ')}` : undefined),
  });

const text = (max: number) => z.string().trim().min(1, { message: 'must not be empty' }).max(max);

const dollars = z
  .number({ error: 'must be a whole number of dollars' })
  .int({ message: 'must be a whole number of dollars' })
  .positive({ message: 'must be greater than 0' })
  .max(Number.MAX_SAFE_INTEGER);

/**
 * Minimum limits keyed as in the extraction format. A record plus a key check, rather than a strict object, so that a
 * misspelt key is reported at its own path (coverages.0.limits.each_occurence) instead of at the parent.
 */
function limitsFor(coverage: Coverage) {
  const known: readonly string[] | null = coverage === 'other' ? null : LIMIT_KEYS[coverage];
  return z
    .record(z.string(), dollars)
    .superRefine((limits, ctx) => {
      for (const key of Object.keys(limits)) {
        if (known ? !known.includes(key) : !SNAKE_CASE.test(key)) {
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: known
              ? `is not a limit of ${coverage}; expected one of ${known.join(', ')}`
              : 'must be the printed label in snake_case, e.g. each_claim',
          });
        }
      }
    })
    .default({})
    .meta({
      description: known
        ? `Minimum limits in whole US dollars; keys: ${known.join(', ')}`
        : 'Minimum limits in whole US dollars, keyed by the printed label in snake_case',
    });
}

const conditions = {
  additionalInsured: z.boolean().default(false),
  subrogationWaived: z.boolean().default(false),
  primaryNonContributory: z.boolean().default(false),
  umbrellaMayApply: z.boolean().default(false),
  basis: z.enum(['occurrence', 'claims_made']).nullish(),
  aggregateAppliesPer: z
    .array(z.enum(['policy', 'project', 'location', 'other']))
    // an empty list would accept no policy at all
    .min(1, { message: 'must list at least one value, or be left out' })
    .nullish(),
};

const coverageRequirement = z.discriminatedUnion(
  'coverage',
  [
    closed({ coverage: z.literal('general_liability'), limits: limitsFor('general_liability'), ...conditions }),
    closed({ coverage: z.literal('automobile_liability'), limits: limitsFor('automobile_liability'), ...conditions }),
    closed({ coverage: z.literal('umbrella_liability'), limits: limitsFor('umbrella_liability'), ...conditions }),
    closed({ coverage: z.literal('excess_liability'), limits: limitsFor('excess_liability'), ...conditions }),
    closed({
      coverage: z.literal('workers_compensation'),
      limits: limitsFor('workers_compensation'),
      perStatute: z.boolean().default(false),
      ...conditions,
    }),
    closed({ coverage: z.literal('other'), description: text(200), limits: limitsFor('other'), ...conditions }),
  ],
  { error: (iss) => (iss.code === 'invalid_union' ? `must be one of ${COVERAGES.join(', ')}` : undefined) },
);
export type CoverageRequirement = z.output<typeof coverageRequirement>;

const address = closed({
  lines: z.array(z.string().trim().max(200)).max(6).default([]),
  city: z.string().trim().max(100).nullable().default(null),
  state: z.string().trim().max(50).nullable().default(null),
  postalCode: z.string().trim().max(20).nullable().default(null),
});

const ratingSchema = z.string().trim().refine((v) => parseInsurerRating(v) !== null, {
  message: `must be an AM Best rating: ${AM_BEST_LETTERS.join(', ')}, optionally followed by a size category I to XV (e.g. "A- VIII")`,
});

const definitionShape = {
  schemaVersion: z.literal(1, { error: 'must be 1' }),
  name: text(200),
  expiringWithinDays: z.number().int({ message: 'must be a whole number of days' }).min(0).max(365).default(30),
  certificateHolder: closed({ name: text(300), address: address.nullish() }).nullish(),
  coverages: z.array(coverageRequirement).max(50).default([]),
  approvedInsurerNaics: z
    .array(z.string().regex(/^\d{5}$/, { message: 'must be a 5-digit NAIC code' }))
    // an empty list would approve no insurer at all; null means any insurer
    .min(1, { message: 'must list at least one NAIC code, or be null for any insurer' })
    .nullable()
    .default(null),
  minimumInsurerRating: ratingSchema.nullable().default(null),
  descriptionMustMention: z.array(text(200)).max(50).default([]),
};

type DefinitionLike = { coverages: CoverageRequirement[] };

/** An aggregate is the most paid over a period, so a minimum below the per-event minimum it contains contradicts it. */
const AGGREGATE_AT_LEAST: Array<[aggregate: string, perEvent: string]> = [
  ['general_aggregate', 'each_occurrence'],
  ['products_completed_operations_aggregate', 'each_occurrence'],
  ['aggregate', 'each_occurrence'],
  ['el_disease_policy_limit', 'el_disease_each_employee'],
];
/** Coverages an umbrella or excess policy tops up (shared/contracts/requirements.md). */
const TOPPED_UP = new Set(['general_liability', 'automobile_liability', 'workers_compensation']);
/** Coverages printed with an occurrence / claims-made basis on a certificate. */
const WITH_BASIS = new Set(['general_liability', 'umbrella_liability', 'excess_liability', 'other']);

/**
 * Two entries for the same coverage would each set their own minimums; which one counts is unclear, so refuse. So are
 * conditions a coverage cannot meet on any certificate, and aggregates below the per-event limit they contain.
 */
function refuseContradictions(def: DefinitionLike, ctx: z.RefinementCtx) {
  def.coverages.forEach((entry, i) => {
    const at = (...path: (string | number)[]) => ['coverages', i, ...path];
    for (const [aggregate, perEvent] of AGGREGATE_AT_LEAST) {
      const a = entry.limits[aggregate];
      const e = entry.limits[perEvent];
      if (a !== undefined && e !== undefined && a < e) {
        ctx.addIssue({ code: 'custom', path: at('limits', aggregate), message: `is below the ${perEvent} minimum (${e}); an aggregate cannot be less than one ${perEvent.replace(/_/g, ' ')}` });
      }
    }
    if (entry.aggregateAppliesPer?.length && entry.coverage !== 'general_liability') {
      ctx.addIssue({ code: 'custom', path: at('aggregateAppliesPer'), message: 'applies to general liability only' });
    }
    if (entry.basis && !WITH_BASIS.has(entry.coverage)) {
      ctx.addIssue({ code: 'custom', path: at('basis'), message: `${entry.coverage} is not written on an occurrence or claims-made basis` });
    }
    if (entry.umbrellaMayApply && !TOPPED_UP.has(entry.coverage)) {
      ctx.addIssue({ code: 'custom', path: at('umbrellaMayApply'), message: 'an umbrella tops up general liability, automobile liability and employers’ liability only' });
    }
  });
  const seen = new Map<string, number>();
  def.coverages.forEach((entry, i) => {
    const key = entry.coverage === 'other' ? `other:${foldText(entry.description)}` : entry.coverage;
    const first = seen.get(key);
    if (first === undefined) return void seen.set(key, i);
    ctx.addIssue({
      code: 'custom',
      path: ['coverages', i, entry.coverage === 'other' ? 'description' : 'coverage'],
      message:
        entry.coverage === 'other'
          ? `repeats coverages.${first} ("${entry.description}"); merge the two entries`
          : `${entry.coverage} is already required by coverages.${first}; merge the two entries`,
    });
  });
}

/** A requirement set exactly as the contract writes it; also the shape import reads and export writes. */
export const requirementSetDefinition = closed(definitionShape)
  .superRefine(refuseContradictions)
  .meta({ id: 'RequirementSetDefinition', description: 'A requirement set in the format of shared/contracts/requirements.md' });
export type RequirementSetDefinition = z.output<typeof requirementSetDefinition>;

/**
 * The definition inside a create/update request: the set's own `name` field wins, so the definition's name and
 * schemaVersion may be left out there.
 */
export const requirementSetDefinitionInput = closed({
  ...definitionShape,
  schemaVersion: definitionShape.schemaVersion.default(1),
  name: definitionShape.name.optional(),
}).superRefine(refuseContradictions);
export type RequirementSetDefinitionInput = z.output<typeof requirementSetDefinitionInput>;

/** Case and punctuation folded, as the contract compares `other` descriptions. */
export function foldText(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
export const limitLabel = (key: string) => LIMIT_LABELS[key] ?? key.replace(/_/g, ' ');

function describeCoverage(entry: CoverageRequirement): string {
  const title = entry.coverage === 'other' ? entry.description : COVERAGE_LABELS[entry.coverage];
  // known limits in the order a certificate prints them; `other` labels in the order given
  const keys: readonly string[] = entry.coverage === 'other' ? Object.keys(entry.limits) : LIMIT_KEYS[entry.coverage];
  const limits = keys.filter((k) => entry.limits[k] !== undefined).map((k) => `${money.format(entry.limits[k]!)} ${limitLabel(k)}`);
  const parts: string[] = [];
  if (entry.coverage === 'workers_compensation' && entry.perStatute) parts.push('statutory limits');
  if (limits.length) parts.push(limits.join(', '));
  if (parts.length === 0) parts.push('any limits');
  if (entry.basis) parts.push(entry.basis === 'occurrence' ? 'occurrence basis' : 'claims-made basis');
  if (entry.aggregateAppliesPer?.length) parts.push(`aggregate applies per ${orList(entry.aggregateAppliesPer)}`);
  if (entry.additionalInsured) parts.push('additional insured');
  if (entry.subrogationWaived) parts.push('waiver of subrogation');
  if (entry.primaryNonContributory) parts.push('primary and non-contributory');
  if (entry.umbrellaMayApply) parts.push('an umbrella or excess policy may make up a shortfall');
  return `${title}: ${parts.join('; ')}`;
}

const orList = (items: readonly string[]) =>
  items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;

type Address = { lines: string[]; city: string | null; state: string | null; postalCode: string | null };
/** "1 Main St, Austin, TX 78701" */
const oneLineAddress = (a: Address) =>
  [...a.lines, a.city, [a.state, a.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ');

/** The requirement set in plain language, one line per requirement, for people and e-mails to vendors. */
export function describeRequirementSet(def: RequirementSetDefinition): string[] {
  const lines = def.coverages.map(describeCoverage);
  if (lines.length === 0) lines.push('No insurance coverage required');
  if (def.certificateHolder) {
    const where = def.certificateHolder.address ? oneLineAddress(def.certificateHolder.address) : '';
    lines.push(`Certificate holder: ${def.certificateHolder.name}${where ? `, ${where}` : ''}`);
  }
  if (def.minimumInsurerRating) lines.push(`Insurers rated ${def.minimumInsurerRating} or better by AM Best`);
  if (def.approvedInsurerNaics) lines.push(`Insurers limited to NAIC ${orList(def.approvedInsurerNaics)}`);
  if (def.descriptionMustMention.length) {
    lines.push(`Description of operations must mention ${def.descriptionMustMention.map((t) => `"${t}"`).join(', ')}`);
  }
  lines.push(
    def.expiringWithinDays === 0
      ? 'Policies count as expiring only on their last day'
      : `Policies ending within ${def.expiringWithinDays} day${def.expiringWithinDays === 1 ? '' : 's'} count as expiring`,
  );
  return lines;
}
