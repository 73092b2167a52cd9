import type { ComplaintRepository } from '../db/repositories/complaint-repository';
import type { PendingComplaints } from '../redis/pending-complaints';

export interface SweepDeps {
  complaints: Pick<ComplaintRepository, 'findUnprocessed' | 'get'>;
  triageQueue: { ensureQueued(complaintId: string): Promise<'added' | 'retried' | 'pending'> };
  pending: Pick<PendingComplaints, 'olderThan' | 'remove' | 'trusted' | 'distrust'>;
}

export interface SweepReport {
  checked: number;
  requeued: number;
}

/**
 * Re-queues complaints that were stored but never processed (Redis lost its data, a process died
 * between the write and the enqueue): nothing acknowledged is ever lost.
 *
 * Each sweep looks at the pending set (ids noted before each write, removed once processed) and
 * reads only those complaints, by id. The store itself is scanned only when the pending set cannot
 * be trusted: on the first sweep, and after Redis lost its data.
 */
export async function sweepUnprocessed(deps: SweepDeps, opts: { graceMs: number; batchSize?: number; now?: Date }): Promise<SweepReport> {
  const cutoff = new Date((opts.now ?? new Date()).getTime() - opts.graceMs);
  const limit = opts.batchSize ?? 500;
  const unprocessed = new Set<string>();
  if (!(await deps.pending.trusted())) {
    try {
      for (const id of await deps.complaints.findUnprocessed(cutoff, limit)) unprocessed.add(id);
    } catch (err) {
      await deps.pending.distrust().catch(() => undefined);
      throw err;
    }
  }
  for (const id of await deps.pending.olderThan(cutoff, limit)) {
    if (unprocessed.has(id)) continue;
    const c = await deps.complaints.get(id);
    // Never stored (the write failed, or it was a repeat stored under another id), or done already.
    if (!c || c.state !== 'received') await deps.pending.remove(id);
    else unprocessed.add(id);
  }
  let requeued = 0;
  for (const id of unprocessed) {
    if ((await deps.triageQueue.ensureQueued(id)) !== 'pending') requeued++;
  }
  return { checked: unprocessed.size, requeued };
}
