// The requirement set editor's values, and their conversion to and from the interchange definition
// (shared/contracts/requirements.md). Keys the editor has no inputs for are carried through untouched.
import type { CoverageRequirement, CoverageType, RequirementDefinition, RequirementSet } from '../../api/types';
import { coverageTypes } from '../../api/types';
import { blankToNull } from '../../lib/format';

export type LimitValue = number | string;

export interface CoverageFormValues {
  key: string;
  coverage: CoverageType;
  description: string;
  limits: Record<string, LimitValue>;
  additionalInsured: boolean;
  subrogationWaived: boolean;
  primaryNonContributory: boolean;
  /** The rest of the coverage entry (basis, umbrellaMayApply, perStatute, …). */
  extra: Record<string, unknown>;
}

export interface RequirementFormValues {
  name: string;
  description: string;
  expiringWithinDays: number | string;
  holderName: string;
  coverages: CoverageFormValues[];
  /** The rest of the definition (certificateHolder.address, approvedInsurerNaics, …). */
  extra: Record<string, unknown>;
  holderExtra: Record<string, unknown>;
}

let seed = 0;
const newKey = () => `c${++seed}`;

export function coverageFormValues(entry?: CoverageRequirement): CoverageFormValues {
  const { coverage, description, limits, additionalInsured, subrogationWaived, primaryNonContributory, ...extra } =
    entry ?? ({ coverage: 'general_liability', limits: {} } as CoverageRequirement);
  return {
    key: newKey(),
    coverage: coverageTypes.includes(coverage) ? coverage : 'other',
    description: typeof description === 'string' ? description : '',
    limits: { ...(limits ?? {}) },
    additionalInsured: additionalInsured === true,
    subrogationWaived: subrogationWaived === true,
    primaryNonContributory: primaryNonContributory === true,
    extra,
  };
}

export function emptyDefinition(): RequirementDefinition {
  return { schemaVersion: 1, name: '', expiringWithinDays: 30, coverages: [] };
}

export function requirementFormValues(
  definition: RequirementDefinition,
  meta?: Pick<RequirementSet, 'name' | 'description'>,
): RequirementFormValues {
  const { schemaVersion: _v, name, expiringWithinDays, certificateHolder, coverages, ...extra } = definition;
  const { name: holderName, ...holderExtra } = certificateHolder ?? { name: '' };
  return {
    name: meta?.name ?? name ?? '',
    description: meta?.description ?? '',
    expiringWithinDays: typeof expiringWithinDays === 'number' ? expiringWithinDays : 30,
    holderName: holderName ?? '',
    coverages: (Array.isArray(coverages) ? coverages : []).map(coverageFormValues),
    extra,
    holderExtra,
  };
}

function limitsOf(limits: Record<string, LimitValue>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(limits)) {
    // an empty input means "no minimum for this limit"
    if (value !== '' && Number.isFinite(Number(value))) out[key] = Math.round(Number(value));
  }
  return out;
}

/**
 * An empty list would accept nothing, so the server refuses it: null means "any" for approvedInsurerNaics,
 * and aggregateAppliesPer is left out. `fallback` undefined drops the key.
 */
function withoutEmptyList(extra: Record<string, unknown>, key: string, fallback: null | undefined): Record<string, unknown> {
  const value = extra[key];
  if (!Array.isArray(value) || value.length > 0) return extra;
  const { [key]: _empty, ...rest } = extra;
  return fallback === undefined ? rest : { ...rest, [key]: fallback };
}

/**
 * The coverage entry's extra keys that still apply to its (possibly changed) type: perStatute belongs to workers'
 * compensation, the aggregate basis to general liability, a basis to coverages written on one, the umbrella top-up
 * to the coverages an umbrella tops up. The server refuses the others.
 */
function coverageExtra(c: CoverageFormValues): Record<string, unknown> {
  const { perStatute, aggregateAppliesPer, basis, umbrellaMayApply, ...rest } = withoutEmptyList(c.extra, 'aggregateAppliesPer', undefined);
  const out: Record<string, unknown> = { ...rest };
  if (c.coverage === 'workers_compensation' && perStatute !== undefined) out.perStatute = perStatute;
  if (c.coverage === 'general_liability' && aggregateAppliesPer !== undefined) out.aggregateAppliesPer = aggregateAppliesPer;
  if (basis !== undefined && ['general_liability', 'umbrella_liability', 'excess_liability', 'other'].includes(c.coverage)) out.basis = basis;
  if (umbrellaMayApply !== undefined && ['general_liability', 'automobile_liability', 'workers_compensation'].includes(c.coverage)) out.umbrellaMayApply = umbrellaMayApply;
  return out;
}

export function definitionOf(values: RequirementFormValues): RequirementDefinition {
  const holderName = values.holderName.trim();
  const definition: RequirementDefinition = {
    ...withoutEmptyList(values.extra, 'approvedInsurerNaics', null),
    schemaVersion: 1,
    name: values.name.trim(),
    expiringWithinDays: Number(values.expiringWithinDays) || 0,
    coverages: values.coverages.map((c) => {
      const entry: CoverageRequirement = { ...coverageExtra(c), coverage: c.coverage, limits: limitsOf(c.limits) };
      // only "other" coverages carry a description; the server refuses it on the others
      if (c.coverage === 'other') entry.description = c.description.trim();
      // flags are written only when required, matching how the interchange examples read
      if (c.additionalInsured) entry.additionalInsured = true;
      if (c.subrogationWaived) entry.subrogationWaived = true;
      if (c.primaryNonContributory) entry.primaryNonContributory = true;
      return entry;
    }),
  };
  if (holderName) definition.certificateHolder = { ...values.holderExtra, name: holderName };
  return definition;
}

export function requirementSetInput(values: RequirementFormValues) {
  return {
    name: values.name.trim(),
    description: blankToNull(values.description),
    definition: definitionOf(values),
  };
}

/** Checks pasted or imported JSON enough to load it into the editor; the server validates fully. */
export function parseDefinition(text: string): RequirementDefinition {
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error('The definition must be a JSON object.');
  }
  const candidate = parsed as Partial<RequirementDefinition>;
  if (candidate.schemaVersion !== 1) throw new Error('Only schemaVersion 1 definitions are supported.');
  if (!Array.isArray(candidate.coverages)) throw new Error('The definition needs a "coverages" list.');
  return parsed as RequirementDefinition;
}
