import { AppError, isAppError } from '../domain/app-error';

/** The server refused a write on a unique key (code 11000). Used inside src/db; services see AppError 'duplicate'. */
export function isDuplicateKeyError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;
}

/** Errors that mean "the database is unreachable right now" rather than "this request is wrong". */
export function isDbUnavailableError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const name = (err as { name?: string }).name ?? '';
  return /MongoServerSelectionError|MongoNetworkError|MongoNetworkTimeoutError|MongoNotConnectedError|MongoTopologyClosedError|MongoPoolClearedError|StoreWriteTimeout/.test(
    name,
  );
}

/** A driver error as the app's one error type; anything else is returned as it is. */
export function toAppError(err: unknown): unknown {
  if (isAppError(err)) return err;
  if (isDuplicateKeyError(err)) return new AppError('duplicate', 'a record with this key exists already', { status: 409, cause: err });
  if (isDbUnavailableError(err)) {
    return new AppError('store_unavailable', '数据库暂不可用，请稍后重试 (database unavailable, retry later)', { status: 503, cause: err });
  }
  return err;
}

/** What kind of store error it is, for the metrics: the server unreachable, a unique key taken, or anything else. */
export type StoreErrorKind = 'unavailable' | 'duplicate' | 'other';

export function storeErrorKind(err: unknown): StoreErrorKind {
  return isDbUnavailableError(err) ? 'unavailable' : isDuplicateKeyError(err) ? 'duplicate' : 'other';
}

/**
 * The repository with every method's driver errors translated (see toAppError), so that no caller
 * outside src/db needs to know the driver. Methods keep their `this` and stay sync when they are.
 * `onError` hears of each error the store raised (not of the app's own AppErrors), before translation.
 */
export function translatingErrors<T extends object>(repo: T, onError?: (kind: StoreErrorKind) => void): T {
  const translate = (err: unknown) => {
    if (onError && !isAppError(err)) onError(storeErrorKind(err));
    return toAppError(err);
  };
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(repo)) {
    if (typeof value !== 'function') {
      out[name] = value;
      continue;
    }
    const method = value as (...args: unknown[]) => unknown;
    out[name] = function (this: unknown, ...args: unknown[]) {
      let result: unknown;
      try {
        result = method.apply(out, args);
      } catch (err) {
        throw translate(err);
      }
      return result instanceof Promise
        ? result.catch((err: unknown) => {
            throw translate(err);
          })
        : result;
    };
  }
  return out as T;
}
