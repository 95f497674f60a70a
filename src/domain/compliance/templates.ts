// Ready-made requirement sets that ship with the product, in the contract's format. An organization copies one and
// edits the copy; the templates themselves never change under a customer. The figures are common market practice
// for each kind of insured, not advice: every customer's contracts decide.
import { requirementSetDefinition, type RequirementSetDefinition } from '../requirements.js';

export type RequirementTemplate = { key: string; name: string; description: string; definition: RequirementSetDefinition };

const WC_EL_1M = { el_each_accident: 1_000_000, el_disease_each_employee: 1_000_000, el_disease_policy_limit: 1_000_000 };

const raw: Array<Omit<RequirementTemplate, 'definition'> & { definition: unknown }> = [
  {
    key: 'subcontractor',
    name: "General contractor's subcontractor",
    description: 'Trades working on a construction project for a general contractor: project aggregate, additional insured, waiver of subrogation, primary and non-contributory.',
    definition: {
      schemaVersion: 1,
      name: "General contractor's subcontractor",
      expiringWithinDays: 30,
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
        { coverage: 'automobile_liability', limits: { combined_single_limit: 1_000_000 }, additionalInsured: true, subrogationWaived: true, umbrellaMayApply: true },
        { coverage: 'umbrella_liability', limits: { each_occurrence: 2_000_000 } },
        { coverage: 'workers_compensation', perStatute: true, limits: WC_EL_1M, subrogationWaived: true, umbrellaMayApply: true },
      ],
      minimumInsurerRating: 'A- VII',
    },
  },
  {
    key: 'high_risk_trade',
    name: 'High-risk trade',
    description: 'Roofing, demolition, crane, excavation, hazardous materials: higher limits, an umbrella, pollution liability, strongly rated insurers.',
    definition: {
      schemaVersion: 1,
      name: 'High-risk trade',
      expiringWithinDays: 45,
      coverages: [
        {
          coverage: 'general_liability',
          limits: { each_occurrence: 2_000_000, general_aggregate: 4_000_000, products_completed_operations_aggregate: 4_000_000 },
          additionalInsured: true,
          subrogationWaived: true,
          primaryNonContributory: true,
          basis: 'occurrence',
          aggregateAppliesPer: ['project', 'location'],
          umbrellaMayApply: true,
        },
        { coverage: 'automobile_liability', limits: { combined_single_limit: 1_000_000 }, additionalInsured: true, subrogationWaived: true, umbrellaMayApply: true },
        { coverage: 'umbrella_liability', limits: { each_occurrence: 10_000_000, aggregate: 10_000_000 } },
        { coverage: 'workers_compensation', perStatute: true, limits: WC_EL_1M, subrogationWaived: true, umbrellaMayApply: true },
        { coverage: 'other', description: 'Pollution Liability', limits: { each_claim: 1_000_000 } },
      ],
      minimumInsurerRating: 'A- VIII',
    },
  },
  {
    key: 'tenant',
    name: 'Tenant',
    description: 'Commercial tenants under a lease: the landlord as additional insured and certificate holder, primary and non-contributory.',
    definition: {
      schemaVersion: 1,
      name: 'Tenant',
      expiringWithinDays: 30,
      coverages: [
        {
          coverage: 'general_liability',
          limits: { each_occurrence: 1_000_000, general_aggregate: 2_000_000, damage_to_rented_premises: 100_000 },
          additionalInsured: true,
          subrogationWaived: true,
          primaryNonContributory: true,
          umbrellaMayApply: true,
        },
        { coverage: 'umbrella_liability', limits: { each_occurrence: 1_000_000 } },
        { coverage: 'workers_compensation', perStatute: true, limits: { el_each_accident: 500_000, el_disease_each_employee: 500_000, el_disease_policy_limit: 500_000 } },
      ],
      minimumInsurerRating: 'A- VII',
    },
  },
  {
    key: 'light_vendor',
    name: 'Vendor, light',
    description: 'Deliveries, office services, short visits with little risk: general liability, auto and workers’ compensation at standard limits.',
    definition: {
      schemaVersion: 1,
      name: 'Vendor, light',
      expiringWithinDays: 30,
      coverages: [
        { coverage: 'general_liability', limits: { each_occurrence: 1_000_000, general_aggregate: 2_000_000 }, additionalInsured: true },
        { coverage: 'automobile_liability', limits: { combined_single_limit: 1_000_000 } },
        { coverage: 'workers_compensation', perStatute: true, limits: { el_each_accident: 500_000 } },
      ],
    },
  },
  {
    key: 'professional_services',
    name: 'Professional services',
    description: 'Consultants, architects, engineers, IT providers: professional liability (claims-made is normal) and cyber liability besides general liability.',
    definition: {
      schemaVersion: 1,
      name: 'Professional services',
      expiringWithinDays: 30,
      coverages: [
        { coverage: 'general_liability', limits: { each_occurrence: 1_000_000, general_aggregate: 2_000_000 }, additionalInsured: true },
        { coverage: 'workers_compensation', perStatute: true, limits: { el_each_accident: 1_000_000 } },
        { coverage: 'other', description: 'Professional Liability', limits: { each_claim: 1_000_000, aggregate: 2_000_000 } },
        { coverage: 'other', description: 'Cyber Liability', limits: { each_claim: 1_000_000 } },
      ],
    },
  },
];

/** The templates, each validated against the contract when the module loads (a typo fails every test at once). */
export const REQUIREMENT_TEMPLATES: readonly RequirementTemplate[] = raw.map((t) => ({ ...t, definition: requirementSetDefinition.parse(t.definition) }));

export function findTemplate(key: string): RequirementTemplate | null {
  return REQUIREMENT_TEMPLATES.find((t) => t.key === key) ?? null;
}
