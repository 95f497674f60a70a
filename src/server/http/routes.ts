// Every /api/v1 route module, in one list. A new resource is added here and to the tenant-isolation test.
import type { AppContext } from '../context.js';
import { assignmentRoutes } from './assignments/routes.js';
import { auditRoutes } from './audit/routes.js';
import { authRoutes } from './auth/routes.js';
import { certificateRoutes } from './certificates/routes.js';
import { complianceRoutes } from './compliance/routes.js';
import type { App } from './common.js';
import { contactRoutes } from './contacts/routes.js';
import { documentRoutes } from './documents/routes.js';
import { insuredRoutes } from './insureds/routes.js';
import { insurerRoutes } from './insurers/routes.js';
import { locationRoutes } from './locations/routes.js';
import { organizationRoutes } from './organizations/routes.js';
import { requirementSetRoutes } from './requirement-sets/routes.js';
import { waiverRoutes } from './waivers/routes.js';

export async function apiRoutes(app: App, ctx: AppContext) {
  await authRoutes(app, ctx);
  await organizationRoutes(app, ctx);
  await locationRoutes(app, ctx);
  await insuredRoutes(app, ctx);
  await contactRoutes(app, ctx);
  await assignmentRoutes(app, ctx);
  await requirementSetRoutes(app, ctx);
  await certificateRoutes(app, ctx);
  await documentRoutes(app, ctx);
  await complianceRoutes(app, ctx);
  await waiverRoutes(app, ctx);
  await insurerRoutes(app, ctx);
  await auditRoutes(app, ctx);
}
