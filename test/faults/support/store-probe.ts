import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { Types } from 'mongoose';
import { QUEUE_NAMES } from '../../../queues/jobs';
import { connectDb, type Db } from '../../../src/db/connection';
import { setTimeout as delay } from 'node:timers/promises';
import type { CaseReport } from './figures';
import type { Delivery } from './traffic';

export interface StoreTally {
  sent: number;
  acknowledged: number;
  /** Acknowledged complaints that are stored and triaged. */
  stored: number;
  lost: number;
  duplicated: number;
  triageFailed: number;
}

/** Reads what the store holds about the deliveries: by complaint id, by call id, and the leads they opened. */
export class StoreProbe {
  private constructor(readonly db: Db) {}

  static async open(uri: string): Promise<StoreProbe> {
    return new StoreProbe(await connectDb(uri, 3000));
  }

  async states(ids: string[]): Promise<Map<string, string>> {
    const docs = await this.db
      .collection('complaints')
      .find({ _id: { $in: ids.map((i) => new Types.ObjectId(i)) } }, { projection: { state: 1 } })
      .toArray();
    return new Map(docs.map((d) => [String(d._id), String(d.state)]));
  }

  /**
   * Waits until every acknowledged complaint has left 'received', for as long as the workers make
   * progress: slow is not lost. Gives up after `stallMs` without progress (longer than BullMQ's
   * stalled-job recovery) or `maxMs` in all.
   */
  async waitProcessed(deliveries: Delivery[], stallMs: number, maxMs = 15 * 60_000): Promise<boolean> {
    const ids = deliveries.flatMap((d) => (d.complaintId ? [d.complaintId] : []));
    const started = Date.now();
    let best = -1;
    let progressAt = Date.now();
    for (;;) {
      const s = await this.states(ids);
      const done = ids.filter((id) => s.has(id) && s.get(id) !== 'received').length;
      if (done === ids.length) return true;
      if (done > best) {
        best = done;
        progressAt = Date.now();
      }
      if (Date.now() - progressAt > stallMs || Date.now() - started > maxMs) return false;
      await delay(500);
    }
  }

  /** lost: acknowledged but not stored, or never processed; duplicated: a second complaint for one call, or a complaint in two cases. */
  async tally(deliveries: Delivery[]): Promise<StoreTally> {
    const acked = deliveries.filter((d) => d.complaintId);
    const states = await this.states(acked.map((d) => d.complaintId!));
    const callIds = deliveries.map((d) => d.callId);
    const byCall = await this.db
      .collection('complaints')
      .aggregate<{ _id: string; n: number }>([{ $match: { dedupKey: { $in: callIds } } }, { $group: { _id: '$dedupKey', n: { $sum: 1 } } }])
      .toArray();
    const extraComplaints = byCall.reduce((a, r) => a + (r.n - 1), 0);
    const ids = new Set(acked.map((d) => d.complaintId!));
    const leads = await this.db
      .collection('leads')
      .find({}, { projection: { complaintIds: 1 } })
      .toArray();
    const seen = new Map<string, number>();
    for (const l of leads)
      for (const c of (l.complaintIds as Types.ObjectId[]) ?? [])
        if (ids.has(String(c))) seen.set(String(c), (seen.get(String(c)) ?? 0) + 1);
    const extraLeads = [...seen.values()].reduce((a, n) => a + (n - 1), 0);
    const stored = acked.filter((d) => ['triaged', 'triage_failed'].includes(states.get(d.complaintId!) ?? '')).length;
    return {
      sent: deliveries.length,
      acknowledged: acked.length,
      stored,
      lost: acked.length - stored,
      duplicated: extraComplaints + extraLeads,
      triageFailed: acked.filter((d) => states.get(d.complaintId!) === 'triage_failed').length,
    };
  }

  /** Adds a tally to the report and fails it on any loss, duplicate or manual-review leftover. */
  async report(r: CaseReport, deliveries: Delivery[], what: string): Promise<StoreTally> {
    const t = await this.tally(deliveries);
    r.add('sent', t.sent);
    r.add('acknowledged', t.acknowledged);
    r.add('stored', t.stored);
    r.add('lost', t.lost);
    r.add('duplicated', t.duplicated);
    r.expect(t.lost === 0, `${what}: ${t.lost} acknowledged complaints lost`);
    r.expect(t.duplicated === 0, `${what}: ${t.duplicated} duplicates`);
    r.expect(t.triageFailed === 0, `${what}: ${t.triageFailed} complaints ended in triage_failed`);
    return t;
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

/** The triage queue's job counts under a prefix, read from Redis. */
export async function triageJobCounts(redisUrl: string, prefix: string): Promise<Record<string, number>> {
  const conn = new IORedis(redisUrl, { maxRetriesPerRequest: 1 });
  const q = new Queue(QUEUE_NAMES.triage, { connection: conn, prefix });
  try {
    return await q.getJobCounts('waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized', 'waiting-children');
  } finally {
    await q.close();
    conn.disconnect();
  }
}
