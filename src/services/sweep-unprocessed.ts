import type { ComplaintRepository } from '../db/repositories/complaint-repository';

export interface SweepDeps {
  complaints: Pick<ComplaintRepository, 'findUnprocessed'>;
  triageQueue: { ensureQueued(complaintId: string): Promise<'added' | 'retried' | 'pending'> };
}

export interface SweepReport {
  checked: number;
  requeued: number;
}

/**
 * Re-queues complaints that were stored but never processed (Redis lost its data, a process died
 * between the write and the enqueue): nothing acknowledged is ever lost.
 */
export async function sweepUnprocessed(deps: SweepDeps, opts: { graceMs: number; batchSize?: number; now?: Date }): Promise<SweepReport> {
  const cutoff = new Date((opts.now ?? new Date()).getTime() - opts.graceMs);
  const ids = await deps.complaints.findUnprocessed(cutoff, opts.batchSize ?? 500);
  let requeued = 0;
  for (const id of ids) {
    if ((await deps.triageQueue.ensureQueued(id)) !== 'pending') requeued++;
  }
  return { checked: ids.length, requeued };
}
