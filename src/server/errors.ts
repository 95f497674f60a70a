// One error class for everything the API reports on purpose. Each code maps to one HTTP status.
export const errorStatus = {
  validation_failed: 400,
  bad_request: 400,
  unauthenticated: 401,
  // the caller is known but its role does not allow the action
  forbidden: 403,
  // also answered for rows of another organization, so that their existence does not leak
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_file_type: 415,
  rate_limited: 429,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const conflict = (message: string, details?: Record<string, unknown>) => new AppError('conflict', message, details);
export const invalidField = (field: string, message: string) =>
  new AppError('validation_failed', `${field}: ${message}`, { fields: [{ field, message }] });
