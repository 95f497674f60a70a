// The database schema (Drizzle). Migrations in ./migrations are generated from it with `npm run db:generate`.
// Every tenant-owned table carries organization_id; repositories always filter on it.
import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { COVERAGES } from '../../domain/coverage.js';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
const orgId = () =>
  uuid('organization_id')
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' });

export type Address = { lines: string[]; city: string | null; state: string | null; postalCode: string | null };
/**
 * Where a reading found each value (src/extraction ReadProvenance): page sizes and, per JSON pointer of the extraction,
 * the box on the page, in PDF points from the page's top-left corner. A page OCR read turned upright (`turned` quarter
 * turns clockwise) has its size and boxes on the upright page; its image for review is turned the same way.
 */
export type CertificateProvenance = {
  pages: { page: number; width: number; height: number; turned?: 1 | 2 | 3 }[];
  boxes: Record<string, { page: number; x: number; y: number; width: number; height: number }>;
};

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email_key').on(sql`lower(${t.email})`)],
);

export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  timeZone: text('time_zone').notNull().default('America/New_York'),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

export const memberships = pgTable(
  'memberships',
  {
    organizationId: orgId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['owner', 'admin', 'editor', 'viewer'] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.userId] }), index('memberships_user_idx').on(t.userId)],
);

export const sessions = pgTable('sessions', {
  // sha256 of the cookie token; the token itself is never stored
  id: text('id').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' }),
  createdAt: createdAt(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    email: text('email').notNull(),
    role: text('role', { enum: ['admin', 'editor', 'viewer'] }).notNull(),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('invitations_token_key').on(t.tokenHash), index('invitations_org_idx').on(t.organizationId)],
);

export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    name: text('name').notNull(),
    // the first characters of the key, shown so a person can tell keys apart
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull(),
    role: text('role', { enum: ['admin', 'editor', 'viewer'] }).notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('api_keys_hash_key').on(t.keyHash), index('api_keys_org_idx').on(t.organizationId)],
);

export const locations = pgTable(
  'locations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    name: text('name').notNull(),
    code: text('code'),
    kind: text('kind', { enum: ['site', 'property', 'project', 'jobsite', 'office', 'other'] })
      .notNull()
      .default('site'),
    address: jsonb('address').$type<Address | null>(),
    activeFrom: date('active_from'),
    activeTo: date('active_to'),
    archived: boolean('archived').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('locations_org_code_key')
      .on(t.organizationId, sql`lower(${t.code})`)
      .where(sql`${t.code} is not null`),
    index('locations_org_idx').on(t.organizationId),
  ],
);

export const insureds = pgTable(
  'insureds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    legalName: text('legal_name').notNull(),
    dba: text('dba'),
    kind: text('kind', { enum: ['vendor', 'contractor', 'subcontractor', 'tenant', 'supplier', 'other'] })
      .notNull()
      .default('vendor'),
    address: jsonb('address').$type<Address | null>(),
    mailingAddress: jsonb('mailing_address').$type<Address | null>(),
    // AES-256-GCM ciphertext (see crypto.ts); only the last four digits are kept in clear
    taxIdEncrypted: text('tax_id_encrypted'),
    taxIdLast4: text('tax_id_last4'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    notes: text('notes'),
    externalId: text('external_id'),
    status: text('status', { enum: ['active', 'archived'] })
      .notNull()
      .default('active'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('insureds_org_idx').on(t.organizationId),
    uniqueIndex('insureds_org_external_key')
      .on(t.organizationId, t.externalId)
      .where(sql`${t.externalId} is not null`),
    index('insureds_name_trgm_idx').using('gin', sql`lower(${t.legalName}) gin_trgm_ops`),
  ],
);

export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    insuredId: uuid('insured_id')
      .notNull()
      .references(() => insureds.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['vendor', 'broker'] }).notNull(),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    title: text('title'),
    company: text('company'),
    isPrimary: boolean('is_primary').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('contacts_insured_idx').on(t.insuredId)],
);

export const requirementSets = pgTable(
  'requirement_sets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    name: text('name').notNull(),
    description: text('description'),
    // the requirement set in the interchange format of shared/contracts/requirements.md
    definition: jsonb('definition').$type<Record<string, unknown>>().notNull(),
    archived: boolean('archived').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('requirement_sets_org_name_key').on(t.organizationId, sql`lower(${t.name})`)],
);

export const assignments = pgTable(
  'assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    insuredId: uuid('insured_id')
      .notNull()
      .references(() => insureds.id, { onDelete: 'cascade' }),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    requirementSetId: uuid('requirement_set_id').references(() => requirementSets.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('assignments_insured_location_key').on(t.insuredId, t.locationId),
    index('assignments_location_idx').on(t.locationId),
  ],
);

export const files = pgTable(
  'files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    // sha256 of the bytes: the key in the blob store
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    contentType: text('content_type').notNull(),
    originalName: text('original_name'),
    createdAt: createdAt(),
  },
  (t) => [index('files_org_idx').on(t.organizationId), index('files_sha_idx').on(t.sha256)],
);

export const certificates = pgTable(
  'certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    insuredId: uuid('insured_id')
      .notNull()
      .references(() => insureds.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id').references(() => files.id, { onDelete: 'set null' }),
    source: text('source', { enum: ['upload', 'email', 'vendor_link', 'embed', 'api', 'manual', 'import', 'demo'] })
      .notNull()
      .default('upload'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    // processing state; compliance status is kept per insured and location
    status: text('status', { enum: ['received', 'needs_review', 'confirmed', 'rejected'] })
      .notNull()
      .default('received'),
    archived: boolean('archived').notNull().default(false),
    formType: text('form_type'),
    formEdition: text('form_edition'),
    certificateDate: date('certificate_date'),
    certificateNumber: text('certificate_number'),
    revisionNumber: text('revision_number'),
    producer: jsonb('producer').$type<Record<string, unknown> | null>(),
    insuredName: text('insured_name'),
    insuredAddress: jsonb('insured_address').$type<Address | null>(),
    insurers: jsonb('insurers')
      .$type<{ letter: string | null; name: string; naic: string | null }[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    descriptionOfOperations: text('description_of_operations'),
    holderName: text('holder_name'),
    holderAddress: jsonb('holder_address').$type<Address | null>(),
    warnings: jsonb('warnings').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    confidence: jsonb('confidence').$type<Record<string, number>>().notNull().default(sql`'{}'::jsonb`),
    notes: text('notes'),
    // the last reading of the file by the certificate.read job: when, how (the extraction's source.method), and why
    // it gave no fields, if it did not; all null until a read finishes
    readAt: timestamp('read_at', { withTimezone: true }),
    readMethod: text('read_method'),
    readError: text('read_error'),
    // where the last successful reading found each value; null until one finishes. Corrections by hand leave it.
    provenance: jsonb('provenance').$type<CertificateProvenance | null>(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('certificates_org_idx').on(t.organizationId), index('certificates_insured_idx').on(t.insuredId)],
);

export const policies = pgTable(
  'policies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    certificateId: uuid('certificate_id')
      .notNull()
      .references(() => certificates.id, { onDelete: 'cascade' }),
    position: integer('position').notNull().default(0),
    coverage: text('coverage', { enum: COVERAGES }).notNull(),
    description: text('description'),
    insurerLetter: text('insurer_letter'),
    policyNumber: text('policy_number'),
    effectiveDate: date('effective_date'),
    expirationDate: date('expiration_date'),
    additionalInsured: boolean('additional_insured').notNull().default(false),
    subrogationWaived: boolean('subrogation_waived').notNull().default(false),
    basis: text('basis', { enum: ['occurrence', 'claims_made'] }),
    limits: jsonb('limits').$type<Record<string, number>>().notNull().default(sql`'{}'::jsonb`),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  },
  (t) => [index('policies_certificate_idx').on(t.certificateId), index('policies_expiration_idx').on(t.organizationId, t.expirationDate)],
);

export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    insuredId: uuid('insured_id')
      .notNull()
      .references(() => insureds.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id, { onDelete: 'restrict' }),
    kind: text('kind', { enum: ['policy', 'endorsement', 'contract', 'w9', 'lease', 'other'] }).notNull(),
    title: text('title').notNull(),
    expiresOn: date('expires_on'),
    notes: text('notes'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('documents_insured_idx').on(t.insuredId)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organizationId: orgId(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    actorApiKeyId: uuid('actor_api_key_id').references(() => apiKeys.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    changes: jsonb('changes').$type<Record<string, unknown> | null>(),
    ip: text('ip'),
    createdAt: createdAt(),
  },
  (t) => [index('audit_log_org_time_idx').on(t.organizationId, t.createdAt)],
);
