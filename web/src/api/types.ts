// The shapes the REST API (/api/v1) sends and accepts. Kept by hand in step with the server's contract;
// every hook in this folder returns these types, so components never see untyped JSON.

export type IsoDate = string; // 'YYYY-MM-DD'
export type IsoDateTime = string; // ISO 8601 timestamp

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface PageParams {
  limit?: number;
  offset?: number;
}

export interface ApiErrorBody {
  error: {
    code: string;
    message: string;
    details?: { fields?: FieldError[] } & Record<string, unknown>;
  };
}

export interface FieldError {
  field: string;
  message: string;
}

export interface Address {
  lines: string[];
  city: string | null;
  state: string | null;
  postalCode: string | null;
}

// ---- auth, organizations, members ----

export const roles = ['owner', 'admin', 'editor', 'viewer'] as const;
export type Role = (typeof roles)[number];
/** Roles that can be given to an invitation or an API key: ownership is never handed out that way. */
export type GrantableRole = Exclude<Role, 'owner'>;

export interface User {
  id: string;
  email: string;
  name: string;
}

export interface Organization {
  id: string;
  name: string;
  role: Role;
  timeZone: string;
}

export interface Session {
  user: User;
  organizations: Organization[];
}

export interface SignupInput {
  email: string;
  password: string;
  name: string;
  organizationName: string;
}

export interface LoginInput {
  email: string;
  password: string;
}

export interface InvitationPreview {
  organizationName: string;
  email: string;
  role: GrantableRole;
  expired: boolean;
}

export interface AcceptInvitationInput {
  name?: string;
  password?: string;
}

export interface OrganizationSettings {
  id?: string;
  name: string;
  timeZone: string;
}

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
  createdAt: IsoDateTime;
}

export interface SentInvitation {
  id: string;
  email: string;
  role: GrantableRole;
  createdAt: IsoDateTime;
  expiresAt: IsoDateTime;
  acceptedAt: IsoDateTime | null;
  revokedAt: IsoDateTime | null;
  /** The inviter's name. */
  invitedBy: string | null;
}

export interface CreatedInvitation {
  invitation: SentInvitation;
  link: string;
}

export interface ApiKey {
  id: string;
  name: string;
  prefix: string;
  role: GrantableRole;
  createdAt: IsoDateTime;
  lastUsedAt: IsoDateTime | null;
  revokedAt: IsoDateTime | null;
}

export interface CreatedApiKey {
  apiKey: ApiKey;
  key: string;
}

// ---- locations ----

export const locationKinds = ['site', 'property', 'project', 'jobsite', 'office', 'other'] as const;
export type LocationKind = (typeof locationKinds)[number];

export interface Location {
  id: string;
  name: string;
  code: string | null;
  kind: LocationKind;
  address: Address | null;
  activeFrom: IsoDate | null;
  activeTo: IsoDate | null;
  archived: boolean;
  insuredCount: number;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

export interface LocationInput {
  name: string;
  code: string | null;
  kind: LocationKind;
  address: Address | null;
  activeFrom: IsoDate | null;
  activeTo: IsoDate | null;
  archived?: boolean;
}

export interface LocationListParams extends PageParams {
  q?: string;
  archived?: boolean;
}

// ---- insureds ----

export const insuredKinds = ['vendor', 'contractor', 'subcontractor', 'tenant', 'supplier', 'other'] as const;
export type InsuredKind = (typeof insuredKinds)[number];

export const coverageStates = ['current', 'expiring', 'expired', 'missing'] as const;
export type CoverageState = (typeof coverageStates)[number];

export type InsuredStatus = 'active' | 'archived';

export interface Insured {
  id: string;
  legalName: string;
  dba: string | null;
  kind: InsuredKind;
  address: Address | null;
  mailingAddress: Address | null;
  taxIdMasked: string | null;
  tags: string[];
  notes: string | null;
  externalId: string | null;
  status: InsuredStatus;
  certificateCount: number;
  nextExpiration: IsoDate | null;
  coverageState: CoverageState;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

export interface InsuredInput {
  legalName: string;
  dba: string | null;
  kind: InsuredKind;
  address: Address | null;
  mailingAddress: Address | null;
  /** Plain tax id; sent only when the user typed a new one (the server keeps it encrypted). */
  taxId?: string | null;
  tags: string[];
  notes: string | null;
  externalId: string | null;
  status?: InsuredStatus;
}

export interface InsuredListParams extends PageParams {
  q?: string;
  locationId?: string;
  status?: InsuredStatus;
  tag?: string;
  kind?: InsuredKind;
  coverageState?: CoverageState;
}

export const contactKinds = ['vendor', 'broker'] as const;
export type ContactKind = (typeof contactKinds)[number];

export interface Contact {
  id: string;
  insuredId: string;
  kind: ContactKind;
  name: string;
  email: string | null;
  phone: string | null;
  title: string | null;
  company: string | null;
  isPrimary: boolean;
}

export type ContactInput = Omit<Contact, 'id' | 'insuredId'>;

export interface Assignment {
  id: string;
  insuredId: string;
  locationId: string;
  locationName: string;
  requirementSetId: string | null;
  requirementSetName: string | null;
  createdAt: IsoDateTime;
}

export interface AssignmentInput {
  locationId: string;
  requirementSetId: string | null;
}

// ---- requirement sets ----

export const coverageTypes = [
  'general_liability',
  'automobile_liability',
  'umbrella_liability',
  'excess_liability',
  'workers_compensation',
  'other',
] as const;
export type CoverageType = (typeof coverageTypes)[number];

export type Limits = Record<string, number>;

export interface CoverageRequirement {
  coverage: CoverageType;
  limits: Limits;
  additionalInsured?: boolean;
  subrogationWaived?: boolean;
  primaryNonContributory?: boolean;
  description?: string;
  // the interchange format has more optional keys (basis, umbrellaMayApply, …); the editor keeps them as they are
  [extra: string]: unknown;
}

export interface RequirementDefinition {
  schemaVersion: 1;
  name: string;
  expiringWithinDays: number;
  certificateHolder?: { name: string; address?: Address | null } | null;
  coverages: CoverageRequirement[];
  [extra: string]: unknown;
}

export interface RequirementSet {
  id: string;
  name: string;
  description: string | null;
  definition: RequirementDefinition;
  /** The requirements in plain language, one line each, as the server words them. */
  summary: string[];
  coverageCount: number;
  /** Assignments (an insured at a location) that use this set. */
  assignmentCount: number;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

export interface RequirementSetInput {
  name: string;
  description: string | null;
  definition: RequirementDefinition;
}

// ---- certificates ----

export const certificateStatuses = ['received', 'needs_review', 'confirmed', 'rejected'] as const;
export type CertificateStatus = (typeof certificateStatuses)[number];

export interface StoredFile {
  id: string;
  contentType: string;
  size: number;
  originalName: string | null;
}

export interface Producer {
  name: string | null;
  address: Address | null;
  contactName: string | null;
  phone: string | null;
  fax: string | null;
  email: string | null;
}

export interface Insurer {
  letter: string | null;
  name: string;
  naic: string | null;
}

export type PolicyBasis = 'occurrence' | 'claims_made';

export interface Policy {
  id: string;
  coverage: CoverageType;
  description: string | null;
  insurerLetter: string | null;
  policyNumber: string | null;
  effectiveDate: IsoDate | null;
  expirationDate: IsoDate | null;
  additionalInsured: boolean;
  subrogationWaived: boolean;
  basis: PolicyBasis | null;
  limits: Limits;
  details: Record<string, unknown>;
}

/** A policy as sent back in a PATCH: without an id, since the list replaces the certificate's policies. */
export type PolicyInput = Omit<Policy, 'id'>;

export interface Certificate {
  id: string;
  insuredId: string;
  insuredLegalName: string;
  source: string;
  receivedAt: IsoDateTime;
  status: CertificateStatus;
  archived: boolean;
  file: StoredFile | null;
  formType: string | null;
  formEdition: string | null;
  certificateDate: IsoDate | null;
  certificateNumber: string | null;
  revisionNumber: string | null;
  producer: Producer | null;
  insuredName: string | null;
  insuredAddress: Address | null;
  insurers: Insurer[];
  descriptionOfOperations: string | null;
  holderName: string | null;
  holderAddress: Address | null;
  warnings: string[];
  notes: string | null;
  /** Confidence (0..1) of values read from the file, by JSON pointer into the extraction format, e.g. /policies/0/policyNumber. */
  confidence: Record<string, number>;
  /** When the file was last read; null until a reading finishes. */
  readAt: IsoDateTime | null;
  /** How it was read: acroform, text, ocr or mixed. */
  readMethod: string | null;
  /** Why the last reading gave no fields. */
  readError: string | null;
  policies: Policy[];
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
}

/** A box on a page of the file, in PDF points from the page's top-left corner. */
export interface SourceBox {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where the last reading found each value: page sizes (points) and boxes by JSON pointer (as in `confidence`). */
export interface CertificateProvenance {
  /** Each page's size; `turned`: the quarter turns clockwise its reading turned it upright (its image comes turned so). */
  pages: { page: number; width: number; height: number; turned?: 1 | 2 | 3 }[];
  boxes: Record<string, SourceBox>;
}

/** One certificate as GET /certificates/:id answers it, for the review screen. */
export interface CertificateDetail extends Certificate {
  provenance: CertificateProvenance | null;
  /** The warnings that name a value, by its JSON pointer. */
  flags: Record<string, string[]>;
}

export interface CertificateUpdate {
  status?: CertificateStatus;
  archived?: boolean;
  formType?: string | null;
  formEdition?: string | null;
  certificateDate?: IsoDate | null;
  certificateNumber?: string | null;
  revisionNumber?: string | null;
  producer?: Producer | null;
  insuredName?: string | null;
  insuredAddress?: Address | null;
  insurers?: Insurer[];
  descriptionOfOperations?: string | null;
  holderName?: string | null;
  holderAddress?: Address | null;
  notes?: string | null;
  policies?: PolicyInput[];
}

export interface CertificateListParams extends PageParams {
  insuredId?: string;
  status?: CertificateStatus;
  archived?: boolean;
}

// ---- documents ----

export const documentKinds = ['policy', 'endorsement', 'contract', 'w9', 'lease', 'other'] as const;
export type DocumentKind = (typeof documentKinds)[number];

export interface InsuredDocument {
  id: string;
  insuredId: string;
  kind: DocumentKind;
  title: string;
  expiresOn: IsoDate | null;
  notes: string | null;
  file: StoredFile;
  createdAt: IsoDateTime;
}

export interface DocumentListParams extends PageParams {
  insuredId?: string;
  kind?: DocumentKind;
}

export interface DocumentUploadInput {
  insuredId: string;
  kind: DocumentKind;
  title?: string;
  expiresOn?: IsoDate | null;
  file: File;
}

// ---- audit ----

export interface AuditEntry {
  id: string | number;
  action: string;
  entityType: string;
  entityId: string | null;
  actor: { type: 'user' | 'api_key'; id: string | null; name: string | null } | null;
  changes: Record<string, unknown> | null;
  createdAt: IsoDateTime;
}

export interface AuditListParams extends PageParams {
  entityType?: string;
  entityId?: string;
}
