// What a location changes in the requirement sets applied there: the certificate holder the certificate must name
// (a holder per property), phrases the description must mention (the project's name), the expiring window, and
// higher or lower minimum limits for a coverage. Applied on top of the set before each check. Pure.
import { z } from 'zod';
import { COVERAGES, LIMIT_KEYS } from '../coverage.js';
import type { RequirementSetDefinition } from '../requirements.js';

const dollars = z.number({ error: 'must be a whole number of dollars' }).int({ message: 'must be a whole number of dollars' }).positive({ message: 'must be greater than 0' });

export const locationOverridesSchema = z
  .strictObject({
    certificateHolder: z
      .strictObject({
        name: z.string().trim().min(1, { message: 'must not be empty' }).max(300),
        address: z
          .strictObject({
            lines: z.array(z.string().trim().max(200)).max(6).default([]),
            city: z.string().trim().max(100).nullable().default(null),
            state: z.string().trim().max(50).nullable().default(null),
            postalCode: z.string().trim().max(20).nullable().default(null),
          })
          .nullish(),
      })
      .nullish()
      .meta({ description: 'The holder certificates for this location must name; replaces the set’s holder' }),
    descriptionMustMention: z
      .array(z.string().trim().min(1, { message: 'must not be empty' }).max(200))
      .max(50)
      .nullish()
      .meta({ description: 'Added to the set’s phrases' }),
    expiringWithinDays: z.number().int().min(0).max(365).nullish(),
    limits: z
      .partialRecord(z.enum(COVERAGES.filter((c) => c !== 'other') as [Exclude<(typeof COVERAGES)[number], 'other'>, ...Exclude<(typeof COVERAGES)[number], 'other'>[]]), z.record(z.string(), dollars))
      .nullish()
      .superRefine((limits, ctx) => {
        for (const [coverage, keys] of Object.entries(limits ?? {})) {
          for (const key of Object.keys(keys ?? {})) {
            const known = LIMIT_KEYS[coverage as keyof typeof LIMIT_KEYS];
            if (!known.includes(key)) ctx.addIssue({ code: 'custom', path: [coverage, key], message: `is not a limit of ${coverage}; expected one of ${known.join(', ')}` });
          }
        }
      })
      .meta({ description: 'Minimum limits that replace the set’s, by coverage, for sets that require that coverage' }),
  })
  .meta({ id: 'LocationOverrides' });
export type LocationOverrides = z.output<typeof locationOverridesSchema>;

/** The requirement set as it applies at a location with these overrides. */
export function applyOverrides(def: RequirementSetDefinition, overrides: LocationOverrides | null | undefined): RequirementSetDefinition {
  if (!overrides) return def;
  return {
    ...def,
    certificateHolder: overrides.certificateHolder ? { name: overrides.certificateHolder.name, address: overrides.certificateHolder.address ?? null } : def.certificateHolder,
    descriptionMustMention: overrides.descriptionMustMention?.length ? [...def.descriptionMustMention, ...overrides.descriptionMustMention] : def.descriptionMustMention,
    expiringWithinDays: overrides.expiringWithinDays ?? def.expiringWithinDays,
    coverages: def.coverages.map((entry) => {
      const limits = entry.coverage === 'other' ? undefined : overrides.limits?.[entry.coverage];
      return limits ? { ...entry, limits: { ...entry.limits, ...limits } } : entry;
    }),
  };
}
