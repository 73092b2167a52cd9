import type { RedisClient } from './connection';
import type { RedisKeySpace } from './key-space';
import type { ParsedExport } from '../services/import-rows';
import type { ImportProgress, ImportSummary } from '../services/import/import-complaints';
import type { ImportUpload, ImportUploadStore, NewImportUpload } from '../services/import/import-uploads';

/**
 * Console import uploads in Redis, so that any API process shows one's progress: a hash per upload
 * (what it is, its state, progress and summary), its parsed rows until the run ends, and a lease
 * held by the process that runs it. With hash tags, an upload's three keys share the slot of its id.
 */
export function createImportUploadStore(redis: RedisClient, keys: RedisKeySpace): ImportUploadStore {
  const key = (id: string) => `${keys.prefix}:import:${keys.entity(id)}`;
  const rowsKey = (id: string) => `${key(id)}:rows`;
  const leaseKey = (id: string) => `${key(id)}:lease`;
  return {
    async save(u: NewImportUpload, parsed: ParsedExport, ttlS: number) {
      await redis
        .multi()
        .set(rowsKey(u.id), JSON.stringify(parsed), 'EX', ttlS)
        .hset(key(u.id), { ...u, rows: String(u.rows), state: 'ready' })
        .expire(key(u.id), ttlS)
        .exec();
    },
    async get(id: string): Promise<ImportUpload | null> {
      const [h, leased] = await Promise.all([redis.hgetall(key(id)), redis.exists(leaseKey(id))]);
      if (!h.id) return null;
      const state = h.state === 'running' && !leased ? 'interrupted' : (h.state as ImportUpload['state']);
      return {
        id: h.id,
        fileName: h.fileName ?? '',
        channel: h.channel as ImportUpload['channel'],
        staffId: h.staffId ?? '',
        createdAt: h.createdAt ?? '',
        rows: Number(h.rows ?? 0),
        state,
        progress: h.phase ? { phase: h.phase as ImportProgress['phase'], done: Number(h.done), total: Number(h.total) } : null,
        summary: h.summary ? (JSON.parse(h.summary) as ImportSummary) : null,
        error: h.error ?? null,
      };
    },
    async rows(id: string) {
      const raw = await redis.get(rowsKey(id));
      return raw ? (JSON.parse(raw) as ParsedExport) : null;
    },
    async claim(id: string, leaseMs: number) {
      const taken = await redis.set(leaseKey(id), '1', 'PX', leaseMs, 'NX');
      if (taken !== 'OK') return false;
      await redis.hset(key(id), { state: 'running', startedAt: new Date().toISOString() });
      await redis.hdel(key(id), 'error', 'summary');
      return true;
    },
    async progress(id: string, p: ImportProgress, leaseMs: number, ttlS: number) {
      await redis
        .multi()
        .hset(key(id), { phase: p.phase, done: String(p.done), total: String(p.total) })
        .pexpire(leaseKey(id), leaseMs)
        .expire(key(id), ttlS)
        .expire(rowsKey(id), ttlS)
        .exec();
    },
    async finish(id: string, summary: ImportSummary, resultTtlS: number) {
      await redis
        .multi()
        .hset(key(id), { state: 'done', summary: JSON.stringify(summary), finishedAt: new Date().toISOString() })
        .expire(key(id), resultTtlS)
        .del(rowsKey(id), leaseKey(id))
        .exec();
    },
    async fail(id: string, message: string) {
      await redis
        .multi()
        .hset(key(id), { state: 'failed', error: message.slice(0, 500) })
        .del(leaseKey(id))
        .exec();
    },
  };
}
