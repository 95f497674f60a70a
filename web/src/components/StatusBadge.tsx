// Colored badges for the states people scan lists for: coverage, certificate processing, role.
import { Badge, type BadgeProps } from '@mantine/core';
import type { CertificateStatus, CoverageState, Role } from '../api/types';
import { humanize } from '../lib/format';

const coverageColors: Record<CoverageState, string> = {
  current: 'green',
  expiring: 'yellow',
  expired: 'red',
  missing: 'gray',
};

export const coverageStateLabels: Record<CoverageState, string> = {
  current: 'Current',
  expiring: 'Expiring soon',
  expired: 'Expired',
  missing: 'No certificate',
};

export function coverageStateColor(state: CoverageState): string {
  return coverageColors[state];
}

export function CoverageBadge({ state, ...props }: { state: CoverageState } & BadgeProps) {
  return (
    <Badge color={coverageColors[state] ?? 'gray'} variant="light" {...props}>
      {coverageStateLabels[state] ?? state}
    </Badge>
  );
}

const certificateColors: Record<CertificateStatus, string> = {
  received: 'blue',
  needs_review: 'orange',
  confirmed: 'green',
  rejected: 'red',
};

export function CertificateStatusBadge({ status, ...props }: { status: CertificateStatus } & BadgeProps) {
  return (
    <Badge color={certificateColors[status] ?? 'gray'} variant="light" {...props}>
      {humanize(status)}
    </Badge>
  );
}

const roleColors: Record<Role, string> = { owner: 'grape', admin: 'indigo', editor: 'teal', viewer: 'gray' };

export function RoleBadge({ role, ...props }: { role: Role } & BadgeProps) {
  return (
    <Badge color={roleColors[role] ?? 'gray'} variant="outline" {...props}>
      {role}
    </Badge>
  );
}
