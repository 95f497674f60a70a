// Coverage types and the limit keys each one carries, as named by the extraction and requirement formats.
import type { CoverageType } from '../api/types';

export const limitKeysByCoverage: Record<CoverageType, readonly string[]> = {
  general_liability: [
    'each_occurrence',
    'damage_to_rented_premises',
    'medical_expense',
    'personal_advertising_injury',
    'general_aggregate',
    'products_completed_operations_aggregate',
  ],
  automobile_liability: [
    'combined_single_limit',
    'bodily_injury_per_person',
    'bodily_injury_per_accident',
    'property_damage_per_accident',
  ],
  umbrella_liability: ['each_occurrence', 'aggregate', 'retention'],
  excess_liability: ['each_occurrence', 'aggregate', 'retention'],
  workers_compensation: ['el_each_accident', 'el_disease_each_employee', 'el_disease_policy_limit'],
  // "other" rows use the printed label as their key, so there is no fixed list
  other: [],
};

const coverageLabels: Record<CoverageType, string> = {
  general_liability: 'General liability',
  automobile_liability: 'Automobile liability',
  umbrella_liability: 'Umbrella liability',
  excess_liability: 'Excess liability',
  workers_compensation: "Workers' compensation",
  other: 'Other',
};

export function coverageLabel(coverage: string): string {
  return coverageLabels[coverage as CoverageType] ?? coverage;
}

const limitLabels: Record<string, string> = {
  each_occurrence: 'Each occurrence',
  damage_to_rented_premises: 'Damage to rented premises',
  medical_expense: 'Medical expense',
  personal_advertising_injury: 'Personal & advertising injury',
  general_aggregate: 'General aggregate',
  products_completed_operations_aggregate: 'Products – completed ops aggregate',
  combined_single_limit: 'Combined single limit',
  bodily_injury_per_person: 'Bodily injury (per person)',
  bodily_injury_per_accident: 'Bodily injury (per accident)',
  property_damage_per_accident: 'Property damage (per accident)',
  aggregate: 'Aggregate',
  retention: 'Retention',
  el_each_accident: 'E.L. each accident',
  el_disease_each_employee: 'E.L. disease – each employee',
  el_disease_policy_limit: 'E.L. disease – policy limit',
};

export function limitLabel(key: string): string {
  return limitLabels[key] ?? key.replace(/_/g, ' ');
}
