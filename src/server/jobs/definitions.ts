// The background jobs this server runs. Each has a zod payload; `send` validates before queueing.
import { z } from 'zod';
import type { AppContext } from '../context.js';
import type { JobDefinition } from './queue.js';
import { readCertificate, readCertificateJob, type ReadOptions } from './read-certificate.js';
import { complianceEvaluateJob, complianceSweepJob, runEvaluateJob, runSweepJob } from '../compliance/service.js';

export { readCertificateJob } from './read-certificate.js';

export const sendEmailJob = {
  name: 'email.send',
  payload: z.object({ to: z.email(), subject: z.string().min(1), text: z.string(), html: z.string().optional() }),
};

export function jobDefinitions(ctx: AppContext, options: { read?: ReadOptions } = {}): JobDefinition<any>[] {
  return [
    {
      ...readCertificateJob,
      handler: async (payload: z.infer<typeof readCertificateJob.payload>) => {
        await readCertificate(ctx, payload, options.read);
      },
    },
    {
      ...complianceEvaluateJob,
      handler: async (payload: z.infer<typeof complianceEvaluateJob.payload>) => {
        await runEvaluateJob(ctx, payload);
      },
    },
    {
      ...complianceSweepJob,
      handler: async () => {
        await runSweepJob(ctx);
      },
    },
    {
      ...sendEmailJob,
      handler: async (mail: z.infer<typeof sendEmailJob.payload>) => {
        await ctx.mailer.send(mail);
      },
    },
  ];
}
