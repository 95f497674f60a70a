// How the rest of the server tells the compliance engine that something changed. Small scopes (one insured, one
// assignment) are re-evaluated at once, after the change is committed, so the next read shows the new status; wide
// ones (a requirement set used by thousands of insureds, the insurer table, a location's overrides) go to the
// compliance.evaluate job. A failure here is logged, never lost: the daily sweep re-evaluates everything.
import { z } from 'zod';
import type { AppContext } from '../context.js';
import { reevaluate, type Cause, type Scope } from './engine.js';
import { snapshotDaily, sweep } from './queries.js';

const uuidList = z.array(z.uuid()).max(10_000).optional();
export const complianceEvaluateJob = {
  name: 'compliance.evaluate',
  payload: z.object({
    organizationId: z.uuid(),
    scope: z.object({ insuredIds: uuidList, locationIds: uuidList, requirementSetIds: uuidList }),
    cause: z.object({ kind: z.string(), id: z.string().nullable().optional() }),
  }),
};
export const complianceSweepJob = { name: 'compliance.sweep', payload: z.object({}).passthrough() };

type Log = { error(o: unknown, msg?: string): void };

/** Re-evaluates now (insured-sized scopes); errors are logged and left to the sweep. */
export async function complianceChanged(ctx: AppContext, organizationId: string, scope: Scope, cause: Cause, log?: Log): Promise<void> {
  try {
    await ctx.database.db.transaction(async (tx) => {
      const report = await reevaluate(tx, organizationId, scope, cause, new Date());
      // today's counts follow the statuses, so the rates over time end on the current figures
      if (report.changed > 0) await snapshotDaily(tx, organizationId, report.asOf);
    });
  } catch (err) {
    (log ?? console).error({ err, organizationId, scope, cause }, 'compliance re-evaluation failed; the daily sweep will retry');
  }
}

/** Queues a re-evaluation of a wide scope. */
export async function complianceChangedLater(ctx: AppContext, organizationId: string, scope: Scope, cause: Cause): Promise<void> {
  await ctx.jobs.send(complianceEvaluateJob, { organizationId, scope, cause });
}

export async function runEvaluateJob(ctx: AppContext, payload: z.infer<typeof complianceEvaluateJob.payload>) {
  await ctx.database.db.transaction(async (tx) => {
    const report = await reevaluate(tx, payload.organizationId, payload.scope, { kind: payload.cause.kind, id: payload.cause.id ?? null }, new Date());
    if (report.changed > 0) await snapshotDaily(tx, payload.organizationId, report.asOf);
  });
}

export async function runSweepJob(ctx: AppContext) {
  await sweep(ctx.database.db, new Date());
}
