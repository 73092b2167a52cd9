import { AppError, isStoreUnavailable } from '../domain/app-error';
import type { NewComplaint } from '../domain/complaint';
import type { ComplaintRepository } from '../db/repositories/complaint-repository';
import type { OnceClaim } from '../redis/pending-complaints';

export interface AcceptComplaintDeps {
  complaints: Pick<ComplaintRepository, 'insertOnce' | 'newId'>;
  triageQueue: { isReady(): boolean; enqueue(complaintId: string): Promise<void> };
  /** Where the sweeper looks for what was stored but never queued (see redis/pending-complaints). */
  pending: { add(complaintId: string, claim?: OnceClaim): Promise<boolean> };
  /** Signed deliveries (the hotline feed): each signature is accepted once. */
  replayGuard?: { claimFor(signature: string): OnceClaim; release(signature: string): Promise<void> };
}

export interface AcceptedComplaint {
  complaintId: string;
  /** False when the same message or call was delivered before: nothing new was stored or queued. */
  created: boolean;
  /** Milliseconds per step: the Redis note, the store write, the enqueue (0 when nothing was queued). */
  timing: IntakeTiming;
}

export type IntakeTiming = { note: number; store: number; queue: number };

const since = (t: number) => Math.round((performance.now() - t) * 100) / 100;

const queueDown = (cause?: unknown) =>
  new AppError('queue_unavailable', '队列服务暂不可用，请稍后重试 (queue unavailable, retry later)', { status: 503, cause });

/**
 * Acknowledged means stored: the complaint is written first, then its id is queued. If the store is
 * down nothing is acknowledged (503). If the queue is down after the write, the caller also gets 503
 * and retries; the stored complaint answers the retry and the sweeper queues it.
 *
 * With a `signature` (a signed delivery), a signature seen before is refused (409) before anything
 * is written; a delivery that fails gives its signature back, so the sender may retry it.
 */
export async function acceptComplaint(
  deps: AcceptComplaintDeps,
  input: NewComplaint,
  opts: { signature?: string } = {},
): Promise<AcceptedComplaint> {
  if (!deps.triageQueue.isReady()) throw queueDown();
  const started = performance.now();
  // The id is chosen and noted as pending before the write, so that a process dying between the
  // write and the enqueue leaves a trace the sweeper finds without scanning the store.
  const id = deps.complaints.newId();
  const claim = opts.signature && deps.replayGuard ? deps.replayGuard.claimFor(opts.signature) : undefined;
  const noted = await deps.pending.add(id, claim).catch((err: unknown) => {
    throw queueDown(err);
  });
  if (!noted) {
    throw new AppError('replayed_request', 'this signed request was received before; sign each delivery with a fresh X-Timestamp', {
      status: 409,
    });
  }
  const timing: IntakeTiming = { note: since(started), store: 0, queue: 0 };
  try {
    return await storeAndQueue(deps, input, id, timing);
  } catch (err) {
    if (claim && opts.signature) await deps.replayGuard?.release(opts.signature).catch(() => undefined);
    throw err;
  }
}

async function storeAndQueue(deps: AcceptComplaintDeps, input: NewComplaint, id: string, timing: IntakeTiming): Promise<AcceptedComplaint> {
  const storing = performance.now();
  const { complaint, created } = await deps.complaints.insertOnce(input, id).catch((err: unknown) => {
    if (!isStoreUnavailable(err)) throw err;
    throw new AppError('store_unavailable', '数据库暂不可用，投诉未保存，请稍后重试 (database unavailable, complaint not stored)', {
      status: 503,
      cause: err,
    });
  });
  timing.store = since(storing);
  if (created || complaint.state === 'received') {
    const queueing = performance.now();
    try {
      await deps.triageQueue.enqueue(complaint.id);
      timing.queue = since(queueing);
    } catch (err) {
      if (created) throw queueDown(err);
      // A repeat delivery: the complaint is stored already and the sweeper will queue it.
    }
  }
  return { complaintId: complaint.id, created, timing };
}
