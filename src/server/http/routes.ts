// Every /api/v1 route module, in one list. A new resource is added here and to the tenant-isolation test.
import type { AppContext } from '../context.js';
import { authRoutes } from './auth/routes.js';
import type { App } from './common.js';
import { locationRoutes } from './locations/routes.js';
import { organizationRoutes } from './organizations/routes.js';

export async function apiRoutes(app: App, ctx: AppContext) {
  await authRoutes(app, ctx);
  await organizationRoutes(app, ctx);
  await locationRoutes(app, ctx);
}
