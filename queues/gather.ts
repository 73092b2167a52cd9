/**
 * Lets jobs that start close together start together. At a steady trickle (a few complaints a
 * second) each triage job would otherwise run alone and every read and insert it makes would be a
 * database command of its own; held for a short window, the jobs that arrive in it read their
 * complaints with one `$in` find and store their cases and notices with one insert (see
 * src/db/group-read.ts and group-insert.ts). Under load the window fills up at once and nobody waits.
 *
 * `wait()` resolves when `windowMs` has passed since the first caller of the current group arrived,
 * or as soon as `max` callers are waiting, whichever comes first. `windowMs` 0 turns it off.
 */
export interface Gather {
  wait(): Promise<void>;
  /** Callers held right now (for tests). */
  waiting(): number;
}

export function createGather(opts: { windowMs: number; max: number }): Gather {
  let held: (() => void)[] = [];
  let timer: NodeJS.Timeout | null = null;
  const release = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const group = held;
    held = [];
    for (const go of group) go();
  };
  return {
    wait() {
      if (opts.windowMs <= 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        held.push(resolve);
        if (held.length >= opts.max) release();
        else timer ??= setTimeout(release, opts.windowMs);
      });
    },
    waiting: () => held.length,
  };
}
