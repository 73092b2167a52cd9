/** The one error type: a stable code for machines, a message for people, an HTTP status for the edge. */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details?: unknown;

  constructor(code: string, message: string, opts: { status?: number; details?: unknown; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = opts.status ?? 500;
    this.details = opts.details;
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}

/** The store refused a write on a unique key (the record exists already). */
export const isDuplicate = (err: unknown): boolean => isAppError(err) && err.code === 'duplicate';

/** The store could not be reached; nothing was written. */
export const isStoreUnavailable = (err: unknown): boolean => isAppError(err) && err.code === 'store_unavailable';
