// The vocabulary of compliance shared by the check, the server, its SQL and the web UI (which imports this file):
// the contract's finding codes (shared/contracts/requirements.md) and the statuses an insured can have at a location,
// worst first, the order in which an insured's locations are summed up into one status.

export const FINDING_CODES = [
  'certificate_missing',
  'coverage_missing',
  'policy_expired',
  'policy_not_yet_effective',
  'policy_dates_missing',
  'policy_expiring',
  'limit_missing',
  'limit_below_minimum',
  'additional_insured_missing',
  'subrogation_waiver_missing',
  'primary_noncontributory_missing',
  'basis_not_accepted',
  'aggregate_basis_not_accepted',
  'statutory_limits_missing',
  'holder_mismatch',
  'insurer_not_approved',
  'insurer_rating_below_minimum',
  'insurer_rating_unknown',
  'description_missing_text',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

/** The contract's five statuses plus pending_review (a certificate awaits a person), worst first. */
export const STATUSES_WORST_FIRST = ['missing', 'expired', 'non_compliant', 'pending_review', 'expiring', 'compliant'] as const;
export type LocationStatus = (typeof STATUSES_WORST_FIRST)[number];

/** The worst of some statuses, or null for none. */
export function worstOf(statuses: Iterable<string>): LocationStatus | null {
  const present = new Set(statuses);
  return STATUSES_WORST_FIRST.find((s) => present.has(s)) ?? null;
}
