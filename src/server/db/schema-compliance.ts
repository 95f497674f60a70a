// Tables of the compliance engine (docs/ARCHITECTURE.md, "Compliance"): the organization's insurer table, waivers,
// per-location overrides of requirement sets, each insured's current status per location, every change of status
// (the history an auditor asks for), and a daily count per location. Part of the Drizzle schema with schema.ts.
import { sql } from 'drizzle-orm';
import { bigserial, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { COVERAGES } from '../../domain/coverage.js';
import type { Finding } from '../../domain/compliance/evaluate.js';
import type { CoverageOutcome } from '../../domain/compliance/evaluate.js';
import type { LocationOverrides } from '../../domain/compliance/overrides.js';
import { insureds, locations, organizations, requirementSets, users } from './schema.js';

const orgId = () =>
  uuid('organization_id')
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' });

export const STATUS_VALUES = ['compliant', 'expiring', 'expired', 'non_compliant', 'missing', 'pending_review'] as const;

/** The organization's own table of insurers: ratings are not printed on certificates, so people enter or import them. */
export const insurerRatings = pgTable(
  'insurer_ratings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    naic: text('naic').notNull(),
    name: text('name').notNull(),
    rating: text('rating'),
    notes: text('notes'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('insurer_ratings_org_naic_key').on(t.organizationId, t.naic)],
);

/** A finding the organization accepts for one insured (at one location, or all), with who, why and until when. */
export const waivers = pgTable(
  'waivers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: orgId(),
    insuredId: uuid('insured_id')
      .notNull()
      .references(() => insureds.id, { onDelete: 'cascade' }),
    locationId: uuid('location_id').references(() => locations.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    coverage: text('coverage', { enum: COVERAGES }),
    description: text('description'),
    limitKey: text('limit_key'),
    reason: text('reason').notNull(),
    expiresOn: date('expires_on'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [index('waivers_insured_idx').on(t.organizationId, t.insuredId)],
);

/** What a location changes in every requirement set applied there (a holder name per property, say). */
export const locationOverrides = pgTable('location_overrides', {
  locationId: uuid('location_id')
    .primaryKey()
    .references(() => locations.id, { onDelete: 'cascade' }),
  organizationId: orgId(),
  overrides: jsonb('overrides').$type<LocationOverrides>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Each insured's status at each location it is assigned to, as last evaluated. */
export const complianceStatuses = pgTable(
  'compliance_statuses',
  {
    organizationId: orgId(),
    insuredId: uuid('insured_id')
      .notNull()
      .references(() => insureds.id, { onDelete: 'cascade' }),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    requirementSetId: uuid('requirement_set_id').references(() => requirementSets.id, { onDelete: 'set null' }),
    status: text('status', { enum: STATUS_VALUES }).notNull(),
    findings: jsonb('findings').$type<Finding[]>().notNull().default(sql`'[]'::jsonb`),
    coverages: jsonb('coverages').$type<CoverageOutcome[]>().notNull().default(sql`'[]'::jsonb`),
    certificateIds: uuid('certificate_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** When the current status began. */
    since: timestamp('since', { withTimezone: true }).notNull(),
    /** The organization's day the evaluation was made for. */
    asOf: date('as_of').notNull(),
    evaluatedAt: timestamp('evaluated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.insuredId, t.locationId] }), index('compliance_statuses_org_status_idx').on(t.organizationId, t.status), index('compliance_statuses_location_idx').on(t.locationId)],
);

/**
 * Every change of status, with its time and cause. Rows are only ever added: "who was compliant at location L on date
 * D" is the last row per insured at L changed on or before the end of D.
 */
export const complianceHistory = pgTable(
  'compliance_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    organizationId: orgId(),
    insuredId: uuid('insured_id').notNull(),
    locationId: uuid('location_id').notNull(),
    requirementSetId: uuid('requirement_set_id'),
    status: text('status', { enum: [...STATUS_VALUES, 'unassigned'] }).notNull(),
    previousStatus: text('previous_status'),
    certificateIds: uuid('certificate_ids').array().notNull().default(sql`'{}'::uuid[]`),
    findings: jsonb('findings').$type<Finding[]>().notNull().default(sql`'[]'::jsonb`),
    cause: text('cause').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
    asOf: date('as_of').notNull(),
  },
  (t) => [index('compliance_history_lookup_idx').on(t.organizationId, t.locationId, t.insuredId, t.changedAt)],
);

/** Counts per status per location per day, written by the daily sweep: compliance rates over time. */
export const complianceDaily = pgTable(
  'compliance_daily',
  {
    organizationId: orgId(),
    locationId: uuid('location_id')
      .notNull()
      .references(() => locations.id, { onDelete: 'cascade' }),
    day: date('day').notNull(),
    compliant: integer('compliant').notNull().default(0),
    expiring: integer('expiring').notNull().default(0),
    expired: integer('expired').notNull().default(0),
    nonCompliant: integer('non_compliant').notNull().default(0),
    missing: integer('missing').notNull().default(0),
    pendingReview: integer('pending_review').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.locationId, t.day] }), index('compliance_daily_org_day_idx').on(t.organizationId, t.day)],
);

/** The days the daily sweep has run for, per organization (its own calendar day), so that it runs once a day. */
export const complianceSweeps = pgTable(
  'compliance_sweeps',
  {
    organizationId: orgId(),
    day: date('day').notNull(),
    sweptAt: timestamp('swept_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.day] })],
);
