// Which form a document is, from the words printed on it: the ACORD titles and footer stamps, a carrier's own
// certificate, or a document that is no certificate at all (an invoice, a W-9, a letter) with the reason.
// Tolerant of OCR slips: text is compared with letters folded (0→O, 1→I, 5→S) and spaces removed.
import type { FormType } from '../domain/certificate.js';
import type { PageWords } from './layout/words.js';

export type RecognizedForm = { type: FormType; edition: string | null; isCertificate: boolean; reason: string };

/** Upper-case letters only, with the digits OCR confuses for letters folded to them: for matching titles. */
export function foldForMatch(text: string): string {
  return text
    .toUpperCase()
    .replace(/0/g, 'O')
    .replace(/[1|!]/g, 'I')
    .replace(/5/g, 'S')
    .replace(/[^A-Z]/g, '');
}

const TITLES: { type: Exclude<FormType, 'other'>; title: string }[] = [
  // longest first: "EVIDENCE OF COMMERCIAL PROPERTY INSURANCE" contains "PROPERTY INSURANCE"
  { type: 'ACORD 28', title: 'EVIDENCE OF COMMERCIAL PROPERTY INSURANCE' },
  { type: 'ACORD 27', title: 'EVIDENCE OF PROPERTY INSURANCE' },
  { type: 'ACORD 24', title: 'CERTIFICATE OF PROPERTY INSURANCE' },
  { type: 'ACORD 101', title: 'ADDITIONAL REMARKS SCHEDULE' },
  { type: 'ACORD 25', title: 'CERTIFICATE OF LIABILITY INSURANCE' },
];

/** Words that only an ACORD 25 grid prints; a page titled like one without them is a look-alike layout. */
const ACORD25_GRID = ['INSRLTR', 'ADDLINSD', 'SUBRWVD', 'POLICYEFF', 'POLICYEXP', 'TYPEOFINSURANCE', 'INSURERSAFFORDINGCOVERAGE', 'NAIC'];
const PROPERTY_GRID = ['LOANNUMBER', 'COMPANY', 'ADDITIONALINTEREST', 'POLICYNUMBER', 'EFFECTIVEDATE', 'NAMEANDADDRESS', 'LOCATIONDESCRIPTION', 'PREMISES'];

const NON_CERTIFICATES: { reason: string; all: string[][] }[] = [
  { reason: 'a W-9 (Request for Taxpayer Identification Number and Certification)', all: [['REQUESTFORTAXPAYER'], ['IDENTIFICATIONNUMBER', 'CERTIFICATION', 'W9', 'W-9']] },
  { reason: 'an invoice', all: [['INVOICE'], ['AMOUNTDUE', 'BALANCEDUE', 'TOTALDUE', 'SUBTOTAL', 'INVOICENUMBER', 'INVOICEDATE', 'BILLTO', 'REMITTO']] },
  { reason: 'a premium bill or statement', all: [['PREMIUMDUE', 'AMOUNTDUE', 'PAYMENTDUE'], ['STATEMENT', 'BILLINGNOTICE', 'PREMIUMNOTICE']] },
  { reason: 'a cancellation notice', all: [['NOTICEOFCANCELLATION', 'CANCELLATIONNOTICE', 'NOTICEOFNONRENEWAL'], ['POLICY']] },
];

/** How certificates in carriers' own layouts title themselves. */
const CERTIFICATE_TITLES = [
  'CERTIFICATEOF',
  'EVIDENCEOF',
  'MEMORANDUMOFINSURANCE',
  'PROOFOFINSURANCE',
  'PROOFOFCOVERAGE',
  'LETTEROFINSURANCE',
  'CONFIRMATIONOFINSURANCE',
  'CONFIRMATIONOFCOVERAGE',
  'SCHEDULEOFINSURANCE',
  'STATEMENTOFINSURANCE',
  'VERIFICATIONOFINSURANCE',
  'VERIFICATIONOFCOVERAGE',
  'SUMMARYOFCOVERAGE',
  'SUMMARYOFINSURANCE',
  'COVERAGESUMMARY',
  'INSURANCESUMMARY',
  'INSURANCECERTIFICATE',
  'COVERAGECERTIFICATE',
];
const CERTIFICATE_WORDS = ['CERTIFICATEOFINSURANCE', 'CERTIFICATEOFLIABILITY', 'EVIDENCEOFINSURANCE', 'CERTIFICATEHOLDER', 'CERTIFICATEISSUEDTO', 'CERTIFICATENUMBER', 'CERTIFICATENO', 'INSURED', 'POLICYHOLDER', 'AFFORDINGCOVERAGE'];
const POLICY_WORDS = ['POLICYNUMBER', 'POLICYNO', 'POLICY', 'EFFECTIVE', 'EXPIRATION', 'EXPIRES', 'LIMITS', 'EACHOCCURRENCE', 'AGGREGATE', 'GENERALLIABILITY', 'WORKERSCOMP', 'POLICYPERIOD', 'SINGLELIMIT', 'EACHACCIDENT', 'EACHCLAIM', 'NAIC'];

/**
 * The form of a document from its pages' words. ACORD forms by title and footer stamp ('ACORD 25 (2016/03)');
 * certificates in other layouts as 'other'; anything else isCertificate false with the reason.
 */
export function recognizeForm(pages: PageWords[]): RecognizedForm {
  const texts = pages.map((p) => p.words.map((w) => w.text).join(' '));
  const all = texts.join(' ');
  const foldedAll = foldForMatch(all);
  // in a package the form is not always page 1 (a cover letter first): the first page titled as a certificate, else
  // one titled as remarks (ACORD 101), else page 1
  const titledPages = texts.map((text) => {
    const f = withoutCrossReferences(foldForMatch(text));
    return { text, folded: f, titled: TITLES.find((t) => fuzzyContains(f, foldForMatch(t.title))) };
  });
  const main = titledPages.find((p) => p.titled && p.titled.type !== 'ACORD 101') ?? titledPages.find((p) => p.titled) ?? titledPages[0];
  const folded = main?.folded ?? '';
  const titled = main?.titled;
  const stamp = footerStamp(main?.text ?? '') ?? footerStamp(all);
  const gridHits = ACORD25_GRID.filter((w) => folded.includes(w)).length;

  if (titled && titled.type !== 'ACORD 25') {
    const edition = stamp?.type === titled.type ? stamp.edition : null;
    const propertyHits = PROPERTY_GRID.filter((w) => folded.includes(w)).length;
    const isForm = stamp?.type === titled.type || propertyHits >= 2 || titled.type === 'ACORD 101';
    if (isForm) return { type: titled.type, edition, isCertificate: true, reason: `titled "${titled.title}"${stamp ? ` and stamped ${stamp.type} (${stamp.edition})` : ''}` };
  }
  if (titled?.type === 'ACORD 25' || stamp?.type === 'ACORD 25') {
    // look-alikes claim 'ACORD 25 (2016/03)' in a layout of their own; the real form prints its grid headings
    if (gridHits >= 4) {
      return { type: 'ACORD 25', edition: stamp?.type === 'ACORD 25' ? stamp.edition : null, isCertificate: true, reason: `ACORD 25 title and coverage grid (${gridHits} grid headings)` };
    }
    return { type: 'other', edition: null, isCertificate: true, reason: `a certificate of liability insurance in a layout that is not the ACORD 25 grid (${gridHits} of its headings found)` };
  }
  if (stamp) return { type: stamp.type, edition: stamp.edition, isCertificate: true, reason: `stamped ${stamp.type} (${stamp.edition})` };

  // (a word of seven letters or more with one letter OCR misread counts: 'Ingured')
  const certWords = CERTIFICATE_WORDS.filter((w) => oneSlipContains(foldedAll, w)).length;
  const policyWords = POLICY_WORDS.filter((w) => oneSlipContains(foldedAll, w)).length;
  // (a certificate's title before a non-certificate's words makes them its boilerplate: "Notice of cancellation will
  // be mailed to the certificate holder" under "Workers' Compensation Certificate of Coverage")
  const firstAt = (words: string[]) => Math.min(...words.map((w) => foldedAll.indexOf(foldForMatch(w))).filter((at) => at >= 0));
  const titleAt = firstAt(CERTIFICATE_TITLES);
  for (const kind of NON_CERTIFICATES) {
    if (kind.all.every((anyOf) => anyOf.some((w) => foldedAll.includes(foldForMatch(w)))) && !(titleAt < firstAt(kind.all[0]!))) {
      // an invoice that happens to mention a policy is still an invoice, unless it calls itself a certificate
      if (!fuzzyContains(foldedAll, 'CERTIFICATEOF') || certWords < 2) return { type: 'other', edition: null, isCertificate: false, reason: `not a certificate of insurance: it reads as ${kind.reason}` };
    }
  }
  if (CERTIFICATE_TITLES.some((t) => fuzzyContains(foldedAll, t)) && policyWords >= 2) {
    return { type: 'other', edition: null, isCertificate: true, reason: "a certificate of insurance in a carrier's own layout" };
  }
  if (certWords >= 2 && policyWords >= 3) return { type: 'other', edition: null, isCertificate: true, reason: 'insurance certificate wording (insured, holder, policy numbers, limits) without an ACORD title' };
  if (all.trim() === '') return { type: 'other', edition: null, isCertificate: false, reason: 'not a certificate of insurance: no readable text' };
  if (/^\s*(dear|to whom it may concern)\b/im.test(all) || /\b(sincerely|regards|yours truly)\b/i.test(all)) {
    return { type: 'other', edition: null, isCertificate: false, reason: 'not a certificate of insurance: it reads as a letter' };
  }
  return { type: 'other', edition: null, isCertificate: false, reason: 'not a certificate of insurance: no certificate title, policy numbers or limits found' };
}

/**
 * Folded page text without the places where one form names another, which are no titles: an ACORD 25's description
 * box says "(ACORD 101, Additional Remarks Schedule, may be attached …)", and an ACORD 101 names the form it continues
 * ("FORM TITLE: CERTIFICATE OF LIABILITY INSURANCE").
 */
function withoutCrossReferences(folded: string): string {
  return folded.replace(/ACORDIOIADDITIONALREMARKSSCHEDULE/g, 'ACORDIOI').replace(/FORMTITLE(?:CERTIFICATEOFLIABILITYINSURANCE|EVIDENCEOF(?:COMMERCIAL)?PROPERTYINSURANCE|CERTIFICATEOFPROPERTYINSURANCE)/g, 'FORMTITLE');
}

/** 'ACORD 25 (2016/03)' anywhere in the text; OCR'd O for 0 and spaces inside are tolerated. */
export function footerStamp(text: string): { type: Exclude<FormType, 'other'>; edition: string } | null {
  const re = /AC[O0]RD\s*(2\s*[4578]|1\s*[O0]\s*1)\s*\(\s*([12O0ILl][0-9OIlSs]{3})\s*[/\\-]\s*([0-9OIlSs]{2})\s*\)/gi;
  for (const m of text.matchAll(re)) {
    const digits = (s: string) => s.replace(/[Oo]/g, '0').replace(/[IlL]/g, '1').replace(/[Ss]/g, '5').replace(/\s/g, '');
    const type = `ACORD ${digits(m[1])}` as Exclude<FormType, 'other'>;
    if (!['ACORD 25', 'ACORD 24', 'ACORD 27', 'ACORD 28', 'ACORD 101'].includes(type)) continue;
    return { type, edition: `${digits(m[2])}/${digits(m[3])}` };
  }
  return null;
}

/** Whether `hay` holds `needle`, or, a needle of seven letters or more, with one letter other. */
function oneSlipContains(hay: string, needle: string): boolean {
  if (hay.includes(needle)) return true;
  if (needle.length < 7) return false;
  for (let i = 0; i + needle.length <= hay.length; i++) {
    let wrong = 0;
    for (let j = 0; j < needle.length && wrong <= 1; j++) if (hay[i + j] !== needle[j]) wrong++;
    if (wrong <= 1) return true;
  }
  return false;
}

/** Whether `needle` occurs in `hay` with at most one letter wrong per 12 (OCR slips), both already folded. */
function fuzzyContains(hay: string, needle: string): boolean {
  if (hay.includes(needle)) return true;
  const allowed = Math.floor(needle.length / 12);
  if (allowed === 0 || hay.length < needle.length) return false;
  // cheap screen: the needle's first four letters must appear somewhere near
  for (let i = 0; i + needle.length <= hay.length + allowed; i++) {
    let wrong = 0;
    for (let j = 0; j < needle.length && wrong <= allowed; j++) if (hay[i + j] !== needle[j]) wrong++;
    if (wrong <= allowed) return true;
  }
  return false;
}
