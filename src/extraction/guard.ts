// Text on a page that addresses the reader as if it were instructions ("ignore previous instructions…"). Our reader
// is deterministic and never follows page text; this only detects such text so a person reviewing the certificate
// sees it, and so it is never taken for a field value.
export const INSTRUCTION_TEXT_WARNING = 'text that addresses the reader as instructions was ignored';

const PATTERNS: RegExp[] = [
  /\bignore\s+(all\s+|any\s+)?(the\s+)?(previous|prior|above|earlier|preceding)\s+(instructions|prompts?|rules|directions)/i,
  /\bdisregard\s+(all\s+|any\s+)?(the\s+)?(previous|prior|above|safety|earlier)\b/i,
  /\b(system|developer)\s+prompt\b/i,
  /\byou\s+are\s+now\s+(a|an|in)\b/i,
  /\b(jailbreak|do\s+anything\s+now)\b/i,
  /\bforget\s+(all\s+|everything\s+|your\s+)(previous\s+|prior\s+)?(instructions|rules|training)/i,
  /\b(new|updated)\s+instructions\s*:/i,
  /\bas\s+an\s+ai\s+(language\s+)?model\b/i,
  /\b(mark|report|classify)\s+(this\s+)?(certificate|document)\s+as\s+(compliant|approved|valid)\b/i,
];

/** The phrases in `text` that speak to the reader as instructions (empty when none). */
export function findInstructionText(text: string): string[] {
  const folded = text.replace(/\s+/g, ' ');
  const hits: string[] = [];
  for (const re of PATTERNS) {
    const m = re.exec(folded);
    if (m) hits.push(m[0]);
  }
  return hits;
}

/** Whether a line of text speaks to the reader (so it is kept out of every field but plain description text). */
export function isInstructionText(text: string): boolean {
  return findInstructionText(text).length > 0;
}
