// The compliance engine: each insured's status per location with its findings, counts and rates, "who was compliant
// on date D", waivers, location overrides of requirement sets and the ready-made requirement-set templates.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './client';
import { invalidateResources, orgKey, useOrgId } from './orgScope';
import type { Address, CoverageType, Insured, InsuredListParams, IsoDate, IsoDateTime, Page, PageParams, RequirementDefinition, RequirementSet } from './types';

// the server's own lists (src/domain/compliance/codes.ts): statuses worst first, and the contract's finding codes
import { FINDING_CODES, STATUSES_WORST_FIRST, type FindingCode, type LocationStatus } from '../../../src/domain/compliance/codes';
export const complianceStatuses = STATUSES_WORST_FIRST;
export type ComplianceStatus = LocationStatus;
export const findingCodes = FINDING_CODES;
export type { FindingCode };

export interface Finding {
  code: FindingCode;
  /** A sentence for a broker. */
  message: string;
  coverage?: CoverageType;
  /** For 'other' coverages. */
  description?: string;
  limit?: string;
  required?: number | string | boolean;
  actual?: number | string | boolean | null;
  waived?: true;
  /** The waiver that covers a waived finding. */
  waiverId?: string;
}

export interface CoverageOutcome {
  coverage: CoverageType;
  description?: string;
  certificateId: string | null;
  policyNumber: string | null;
  expirationDate: IsoDate | null;
}

/** An insured at one location: its status, why, and which certificates count. */
export interface ComplianceRow {
  insuredId: string;
  insuredName: string;
  locationId: string;
  locationName: string;
  requirementSetId: string | null;
  requirementSetName: string | null;
  status: ComplianceStatus;
  findings: Finding[];
  coverages: CoverageOutcome[];
  certificateIds: string[];
  since: IsoDateTime;
  asOf: IsoDate;
  evaluatedAt: IsoDateTime;
}

export interface ComplianceHistoryEntry {
  locationId: string;
  locationName: string;
  /** A status, or 'unassigned' when the assignment ended. */
  status: ComplianceStatus | 'unassigned';
  previousStatus: string | null;
  /** 'certificate:<id>', 'waiver:<id>', 'assignment:<id>', 'requirement_set:<id>', 'sweep', 'manual', 'location:<id>', 'insurer' */
  cause: string;
  changedAt: IsoDateTime;
  asOf: IsoDate;
  certificateIds: string[];
}

export interface InsuredCompliance {
  insuredId: string;
  status: ComplianceStatus | null;
  locations: ComplianceRow[];
  history: ComplianceHistoryEntry[];
}

export type StatusCounts = Record<ComplianceStatus, number>;

export interface Tally {
  counts: StatusCounts;
  total: number;
  /** (compliant + expiring) / total, or null with nothing to count. */
  rate: number | null;
}

export interface ComplianceSummary {
  asOf: IsoDate;
  organization: Tally;
  insureds: Tally;
  locations: (Tally & { locationId: string; name: string })[];
  history: { day: IsoDate; counts: StatusCounts; rate: number | null }[];
}

export interface AsOfRow {
  insuredId: string;
  insuredName: string;
  locationId: string;
  locationName: string;
  status: ComplianceStatus;
  certificateIds: string[];
  /** Those certificates, described for an auditor (archived or deleted since, possibly). */
  certificates: AsOfCertificate[];
  findings: Finding[];
  since: IsoDateTime;
  cause: string;
}

export interface AsOfCertificate {
  id: string;
  certificateNumber: string | null;
  certificateDate: IsoDate | null;
  producerName: string | null;
  archived: boolean;
  deleted?: boolean;
}

/** "No. 1234, dated 2026-03-01, Tri-County Brokers": a certificate named for a reader. */
export function certificateLabel(c: AsOfCertificate, index: number): string {
  const parts = [c.certificateNumber ? `No. ${c.certificateNumber}` : null, c.certificateDate ? `dated ${c.certificateDate}` : null, c.producerName].filter(Boolean);
  const name = parts.length ? parts.join(', ') : `Certificate ${index + 1}`;
  return c.deleted ? `${name} (deleted)` : c.archived ? `${name} (archived)` : name;
}

export interface AsOfReport {
  date: IsoDate;
  items: AsOfRow[];
}

export interface ReevaluateReport {
  asOf: IsoDate;
  evaluated: number;
  changed: number;
  superseded: number;
}

export interface Waiver {
  id: string;
  insuredId: string;
  /** null: at every location. */
  locationId: string | null;
  code: FindingCode;
  coverage: CoverageType | null;
  description: string | null;
  limit: string | null;
  reason: string;
  /** Last day it applies; null: until revoked. */
  expiresOn: IsoDate | null;
  createdBy: { id: string; name: string } | null;
  createdAt: IsoDateTime;
  revokedAt: IsoDateTime | null;
  active: boolean;
}

export interface WaiverInput {
  code: FindingCode;
  coverage?: CoverageType | null;
  description?: string | null;
  limit?: string | null;
  locationId?: string | null;
  reason: string;
  expiresOn?: IsoDate | null;
}

export type OverrideCoverage = Exclude<CoverageType, 'other'>;

export interface LocationOverrides {
  certificateHolder?: { name: string; address?: Address | null } | null;
  descriptionMustMention?: string[] | null;
  expiringWithinDays?: number | null;
  limits?: Partial<Record<OverrideCoverage, Record<string, number>>> | null;
}

export interface RequirementTemplate {
  key: string;
  name: string;
  description: string;
  definition: RequirementDefinition;
  summary: string[];
}

/** An insureds list row as the server sends it now: with the worst status across its locations. */
export type InsuredWithCompliance = Insured & { complianceStatus: ComplianceStatus | null };
export type InsuredComplianceListParams = InsuredListParams & { complianceStatus?: ComplianceStatus };

// Statuses are cached under the 'insureds' resource: every write that can move one (certificates, assignments,
// locations, insureds) already marks 'insureds' stale, so status views follow without each hook knowing them.
const statusTouched = ['insureds'];

/** The insureds list with its compliance column and filter; same cache entries as the plain list. */
export function useInsuredsWithCompliance(params: InsuredComplianceListParams) {
  const orgId = useOrgId();
  return useQuery({
    queryKey: orgKey(orgId, 'insureds', 'list', params),
    queryFn: () => apiRequest<Page<InsuredWithCompliance>>('/insureds', { orgId, query: { ...params } }),
    placeholderData: keepPreviousData,
  });
}

export function useInsuredCompliance(insuredId: string) {
  const orgId = useOrgId();
  return useQuery({
    queryKey: orgKey(orgId, 'insureds', 'compliance', 'insured', insuredId),
    queryFn: () => apiRequest<InsuredCompliance>(`/insureds/${insuredId}/compliance`, { orgId }),
  });
}

export interface ComplianceStatusParams extends PageParams {
  locationId?: string;
  insuredId?: string;
  status?: ComplianceStatus;
}

export function useComplianceStatuses(params: ComplianceStatusParams) {
  const orgId = useOrgId();
  return useQuery({
    queryKey: orgKey(orgId, 'insureds', 'compliance', 'statuses', params),
    queryFn: () => apiRequest<Page<ComplianceRow>>('/compliance/statuses', { orgId, query: { ...params } }),
    placeholderData: keepPreviousData,
  });
}

export function useComplianceSummary(days = 90) {
  const orgId = useOrgId();
  return useQuery({
    queryKey: orgKey(orgId, 'insureds', 'compliance', 'summary', days),
    queryFn: () => apiRequest<ComplianceSummary>('/compliance/summary', { orgId, query: { days } }),
  });
}

export function useComplianceAsOf(date: IsoDate | null, locationId: string | null) {
  const orgId = useOrgId();
  return useQuery({
    queryKey: orgKey(orgId, 'insureds', 'compliance', 'as-of', date, locationId),
    queryFn: () => apiRequest<AsOfReport>('/compliance/as-of', { orgId, query: { date, locationId } }),
    enabled: Boolean(date),
  });
}

export function useReevaluate() {
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<ReevaluateReport>('/compliance/reevaluate', { method: 'POST', orgId }),
    onSuccess: () => invalidateResources(queryClient, orgId, ...statusTouched),
  });
}

export function useWaivers(insuredId: string) {
  const orgId = useOrgId();
  return useQuery({
    queryKey: orgKey(orgId, 'waivers', insuredId),
    queryFn: () => apiRequest<{ items: Waiver[] }>(`/insureds/${insuredId}/waivers`, { orgId }).then((r) => r.items),
  });
}

export function useCreateWaiver(insuredId: string) {
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: WaiverInput) => apiRequest<Waiver>(`/insureds/${insuredId}/waivers`, { json: input, orgId }),
    onSuccess: () => invalidateResources(queryClient, orgId, 'waivers', ...statusTouched),
  });
}

export function useRevokeWaiver() {
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest<Waiver>(`/waivers/${id}`, { method: 'DELETE', orgId }),
    onSuccess: () => invalidateResources(queryClient, orgId, 'waivers', ...statusTouched),
  });
}

export function useLocationOverrides(locationId: string) {
  const orgId = useOrgId();
  return useQuery({
    queryKey: orgKey(orgId, 'location-overrides', locationId),
    queryFn: () => apiRequest<LocationOverrides>(`/locations/${locationId}/requirement-overrides`, { orgId }),
  });
}

export function useSaveLocationOverrides(locationId: string) {
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (overrides: LocationOverrides) =>
      apiRequest<LocationOverrides>(`/locations/${locationId}/requirement-overrides`, { method: 'PUT', json: overrides, orgId }),
    onSuccess: (saved) => {
      queryClient.setQueryData(orgKey(orgId, 'location-overrides', locationId), saved);
      // the server re-evaluates the location's insureds in the background, so statuses may follow a moment later
      return invalidateResources(queryClient, orgId, ...statusTouched);
    },
  });
}

export function useRequirementTemplates(enabled = true) {
  const orgId = useOrgId();
  return useQuery({
    queryKey: orgKey(orgId, 'requirement-set-templates'),
    queryFn: () => apiRequest<{ items: RequirementTemplate[] }>('/requirement-set-templates', { orgId }).then((r) => r.items),
    staleTime: Infinity, // templates ship with the server and never change under it
    enabled,
  });
}

export function useCreateFromTemplate() {
  const orgId = useOrgId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { template: string; name?: string }) =>
      apiRequest<RequirementSet>('/requirement-sets/from-template', { json: input, orgId }),
    onSuccess: () => invalidateResources(queryClient, orgId, 'requirement-sets'),
  });
}
