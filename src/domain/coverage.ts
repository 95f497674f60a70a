// The coverages a certificate can show and the limit keys of each, as shared/contracts/coi-extraction.md defines
// them. Certificates, requirement sets, the database schema and the reader all take them from here.

export const COVERAGES = [
  'general_liability',
  'automobile_liability',
  'umbrella_liability',
  'excess_liability',
  'workers_compensation',
  'other',
] as const;
export type Coverage = (typeof COVERAGES)[number];

/** The limit keys each coverage may carry; `other` rows use their printed label in snake_case instead. */
export const LIMIT_KEYS: Record<Exclude<Coverage, 'other'>, readonly string[]> = {
  general_liability: [
    'each_occurrence',
    'damage_to_rented_premises',
    'medical_expense',
    'personal_advertising_injury',
    'general_aggregate',
    'products_completed_operations_aggregate',
  ],
  automobile_liability: ['combined_single_limit', 'bodily_injury_per_person', 'bodily_injury_per_accident', 'property_damage_per_accident'],
  umbrella_liability: ['each_occurrence', 'aggregate', 'retention'],
  excess_liability: ['each_occurrence', 'aggregate', 'retention'],
  workers_compensation: ['el_each_accident', 'el_disease_each_employee', 'el_disease_policy_limit'],
};
