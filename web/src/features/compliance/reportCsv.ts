// The compliance report as CSV for an auditor: one row per insured at a location, with the certificates that
// satisfied the requirements then (as links) and what fell short. Quoted per RFC 4180; cells that a spreadsheet
// would run as a formula are prefixed with an apostrophe.
import { certificateLabel, type AsOfRow } from '../../api/compliance';
import { complianceLabel, describeCause } from './status';

function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function reportCsv(date: string, rows: AsOfRow[], origin: string): string {
  const header = ['Date', 'Insured', 'Location', 'Status', 'Meets requirements', 'Status since', 'Last change', 'Certificates', 'Findings'];
  const lines = rows.map((r) => [
    date,
    r.insuredName,
    r.locationName,
    complianceLabel(r.status),
    r.status === 'compliant' || r.status === 'expiring' ? 'yes' : 'no',
    r.since,
    describeCause(r.cause).text,
    r.certificates.map((c, i) => `${certificateLabel(c, i)} ${origin}/certificates/${c.id}`).join(' | '),
    r.findings.map((f) => `${f.waived ? '[waived] ' : ''}${f.message}`).join(' | '),
  ]);
  return [header, ...lines].map((line) => line.map(cell).join(',')).join('\r\n') + '\r\n';
}
