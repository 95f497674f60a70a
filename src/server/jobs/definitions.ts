// The background jobs this server runs. Each has a zod payload; `send` validates before queueing.
import { z } from 'zod';
import type { AppContext } from '../context.js';
import type { JobDefinition } from './queue.js';

export const sendEmailJob = {
  name: 'email.send',
  payload: z.object({ to: z.email(), subject: z.string().min(1), text: z.string(), html: z.string().optional() }),
};

export function jobDefinitions(ctx: AppContext): JobDefinition<any>[] {
  return [
    {
      ...sendEmailJob,
      handler: async (mail: z.infer<typeof sendEmailJob.payload>) => {
        await ctx.mailer.send(mail);
      },
    },
  ];
}
