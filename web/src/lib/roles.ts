// What each organization role may do in the UI. The server enforces the same rules; the UI only
// hides controls a person could not use anyway.
import type { Role } from '../api/types';

const rank: Record<Role, number> = { viewer: 0, editor: 1, admin: 2, owner: 3 };

export function atLeast(role: Role | undefined, minimum: Role): boolean {
  return role !== undefined && rank[role] >= rank[minimum];
}

export interface Permissions {
  /** create and change locations, insureds, certificates, requirement sets */
  canEdit: boolean;
  /** manage members, invitations, API keys and organization settings */
  canAdmin: boolean;
  isOwner: boolean;
}

export function permissionsFor(role: Role | undefined): Permissions {
  return { canEdit: atLeast(role, 'editor'), canAdmin: atLeast(role, 'admin'), isOwner: role === 'owner' };
}
