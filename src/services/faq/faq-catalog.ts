import { matchFaq, type FaqEntry, type FaqHit } from '../../domain/faq';

export interface FaqCatalogDeps {
  list(): Promise<FaqEntry[]>;
  /** A counter in a store every process shares, moved on by every change (see changed()). */
  version: { read(): Promise<string | null>; bump(): Promise<void> };
  /** What to answer with while the store cannot be read and nothing was read before. */
  fallback: readonly FaqEntry[];
  /** How long a copy is used without looking at the version. */
  checkEveryMs: number;
  /** How long a copy is used at most, whatever the version says (a lost bump, a flushed counter). */
  maxAgeMs: number;
  now?: () => number;
  onError?: (message: string) => void;
}

export type FaqCatalog = ReturnType<typeof createFaqCatalog>;

/**
 * The FAQ as every conversation, triage and the desk read it: a copy in the process, read again when
 * the shared version has moved (an admin changed an entry in any process) or the copy is old. Most
 * lookups cost nothing; at most one version read per `checkEveryMs`.
 */
export function createFaqCatalog(deps: FaqCatalogDeps) {
  const clock = deps.now ?? Date.now;
  let copy: { entries: FaqEntry[]; version: string | null; loadedAt: number; checkedAt: number } | null = null;
  let loading: Promise<readonly FaqEntry[]> | null = null;

  async function load(): Promise<readonly FaqEntry[]> {
    const now = clock();
    // Redis away: the copy stands (or the store is read) rather than failing a worker's question.
    const version = await deps.version.read().catch(() => undefined);
    if (copy && (version === undefined || version === copy.version) && now - copy.loadedAt < deps.maxAgeMs) {
      copy.checkedAt = now;
      return copy.entries;
    }
    try {
      // Read after the version: a change that lands in between is read again next time, never missed.
      const entries = await deps.list();
      copy = { entries, version: version ?? null, loadedAt: now, checkedAt: now };
      return entries;
    } catch (err) {
      deps.onError?.((err as Error).message);
      return copy?.entries ?? deps.fallback;
    }
  }

  async function entries(): Promise<readonly FaqEntry[]> {
    if (copy && clock() - copy.checkedAt < deps.checkEveryMs) return copy.entries;
    loading ??= load().finally(() => (loading = null));
    return loading;
  }

  return {
    entries,
    /** The answer to a consultation (the general one when no entry fits). */
    answerFor: async (text: string): Promise<FaqHit> => matchFaq(await entries(), text),
    /** After a change: this process reads afresh at once, the others at their next version check. */
    async changed(): Promise<void> {
      copy = null;
      await deps.version.bump().catch((err: Error) => deps.onError?.(err.message));
    },
  };
}
