// How compliance statuses read and look everywhere: badge, label, colour, and the wording of history causes.
import { Badge, type BadgeProps } from '@mantine/core';
import type { ComplianceStatus } from '../../api/compliance';

export const complianceLabels: Record<ComplianceStatus, string> = {
  compliant: 'Compliant',
  expiring: 'Expiring soon',
  expired: 'Expired',
  non_compliant: 'Not compliant',
  missing: 'No certificate',
  pending_review: 'Pending review',
};

const colors: Record<ComplianceStatus, string> = {
  compliant: 'green',
  expiring: 'yellow',
  expired: 'red',
  non_compliant: 'orange',
  missing: 'gray',
  pending_review: 'blue',
};

export function complianceColor(status: string): string {
  return colors[status as ComplianceStatus] ?? 'gray';
}

export function complianceLabel(status: string): string {
  if (status === 'unassigned') return 'No longer assigned';
  return complianceLabels[status as ComplianceStatus] ?? status;
}

/** A status, or "No locations" for an insured assigned nowhere (null). */
export function ComplianceBadge({ status, ...props }: { status: ComplianceStatus | 'unassigned' | null } & BadgeProps) {
  if (status === null) {
    return (
      <Badge color="gray" variant="outline" miw="fit-content" {...props}>
        No locations
      </Badge>
    );
  }
  return (
    // never squeezed into "NOT COMPL…" by a narrow table column
    <Badge color={complianceColor(status)} variant="light" miw="fit-content" {...props}>
      {complianceLabel(status)}
    </Badge>
  );
}

/** "certificate:<id>" → what happened, in words; the id, when there is one, for a link. */
export function describeCause(cause: string): { text: string; certificateId?: string } {
  const [kind, id] = cause.split(':', 2);
  switch (kind) {
    case 'certificate':
      return { text: 'Certificate changed', certificateId: id };
    case 'waiver':
      return { text: 'Waiver granted or revoked' };
    case 'assignment':
      return { text: 'Assignment changed' };
    case 'requirement_set':
      return { text: 'Requirement set edited' };
    case 'location':
      return { text: 'Location requirements changed' };
    case 'insurer':
      return { text: 'Insurer table changed' };
    case 'sweep':
      return { text: 'Daily check (dates passed)' };
    case 'manual':
      return { text: 'Re-evaluated by hand' };
    default:
      return { text: cause };
  }
}

/** 0.873 → "87%"; null (nothing to count) → "—". */
export function formatRate(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${Math.round(rate * 100)}%`;
}

/** A timestamp's calendar day in the viewer's zone: "since" is a moment, but people read it as a day. */
export function formatDay(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}
