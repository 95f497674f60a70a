// The one error type of the reading engine. `code` says why a file gave no extraction; the message says it for a person.

export const EXTRACTION_ERROR_CODES = [
  'encrypted', // locked with a user (open) password; owner-password-only files open fine
  'corrupt', // not a readable PDF: truncated, damaged, or bytes that only claim to be one
  'empty', // a PDF with no pages
  'unsupported', // a kind of input this engine does not read (yet); the message names it
] as const;
export type ExtractionErrorCode = (typeof EXTRACTION_ERROR_CODES)[number];

export class ExtractionError extends Error {
  readonly code: ExtractionErrorCode;
  constructor(code: ExtractionErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ExtractionError';
    this.code = code;
  }
}
