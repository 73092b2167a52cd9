import { AppError } from '../domain/app-error';
import type { NewComplaint } from '../domain/complaint';
import type { ComplaintRepository } from '../db/repositories/complaint-repository';
import { isDbUnavailableError } from '../db/connection';
import { Types } from 'mongoose';

export interface AcceptComplaintDeps {
  complaints: Pick<ComplaintRepository, 'insertOnce'>;
  triageQueue: { isReady(): boolean; enqueue(complaintId: string): Promise<void> };
  /** Where the sweeper looks for what was stored but never queued (see infra/pending-complaints). */
  pending: { add(complaintId: string): Promise<void> };
}

export interface AcceptedComplaint {
  complaintId: string;
  /** False when the same message or call was delivered before: nothing new was stored or queued. */
  created: boolean;
  /**
   * How long each step took, in ms: the Redis round trip of the pending note (with the caller's
   * check), the write to the store, and the enqueue (0 when nothing was queued). Callers report it
   * (the hotline answers it as `Server-Timing` and logs it).
   */
  timing: IntakeTiming;
}

export type IntakeTiming = { note: number; store: number; queue: number };

const since = (t: number) => Math.round((performance.now() - t) * 100) / 100;

/**
 * Acknowledged means stored: the complaint is written first, then its id is queued. If the store is
 * down nothing is acknowledged (503). If the queue is down after the write, the caller also gets 503
 * and retries; the stored complaint answers the retry and the sweeper queues it.
 */
export async function acceptComplaint(
  deps: AcceptComplaintDeps,
  input: NewComplaint,
  opts: {
    /**
     * A check of the caller's that must pass before anything is stored (the hotline's replay guard),
     * run together with the pending note: both are Redis commands and go out in one round trip. If it
     * rejects, nothing is written and its error is the answer.
     */
    alongside?: Promise<unknown>;
  } = {},
): Promise<AcceptedComplaint> {
  if (!deps.triageQueue.isReady()) {
    throw new AppError('queue_unavailable', '队列服务暂不可用，请稍后重试 (queue unavailable, retry later)', { status: 503 });
  }
  // The id is chosen and noted as pending before the write, so that a process dying between the
  // write and the enqueue leaves a trace the sweeper finds without scanning the store. (A note whose
  // complaint is never written, e.g. a refused replay, is dropped by the sweeper.)
  const started = performance.now();
  const id = new Types.ObjectId().toHexString();
  const noted = deps.pending.add(id).catch((err: unknown) => {
    throw new AppError('queue_unavailable', '队列服务暂不可用，请稍后重试 (queue unavailable, retry later)', { status: 503, cause: err });
  });
  await Promise.all([noted, opts.alongside]);
  const timing: IntakeTiming = { note: since(started), store: 0, queue: 0 };
  const storing = performance.now();
  let stored;
  try {
    stored = await deps.complaints.insertOnce(input, id);
  } catch (err) {
    if (isDbUnavailableError(err)) {
      throw new AppError('store_unavailable', '数据库暂不可用，投诉未保存，请稍后重试 (database unavailable, complaint not stored)', {
        status: 503,
        cause: err,
      });
    }
    throw err;
  }
  timing.store = since(storing);
  const { complaint, created } = stored;
  if (created || complaint.state === 'received') {
    const queueing = performance.now();
    try {
      await deps.triageQueue.enqueue(complaint.id);
      timing.queue = since(queueing);
    } catch (err) {
      if (created) {
        throw new AppError('queue_unavailable', '队列服务暂不可用，请稍后重试 (queue unavailable, retry later)', {
          status: 503,
          cause: err,
        });
      }
      // A repeat delivery: the complaint is stored already and the sweeper will queue it.
    }
  }
  return { complaintId: complaint.id, created, timing };
}
