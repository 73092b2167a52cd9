import { Cluster } from 'ioredis';
import { triageJobId } from '../../queues/jobs';
import { contactLine } from '../../src/composition/outbound';
import type { Lead } from '../../src/domain/lead';
import { createImportUploadStore } from '../../src/redis/import-uploads';
import { startRedisCluster, type LocalRedisCluster } from '../support/redis-cluster';
import { postTranscript, startTestApp, testConfig, uniqueName, waitFor, type TestApp } from '../support/test-app';

/**
 * REDIS_CLUSTER_NODES: the API and the workers on a Redis Cluster of three masters of the test's own
 * (FerretDB as in every test). Redis refuses a script, transaction or multi-key command whose keys lie
 * in more than one slot (CROSSSLOT), so each step that runs here runs within one.
 */
describe('Redis Cluster: the app on three masters', () => {
  let cluster: LocalRedisCluster;
  let app: TestApp;

  beforeAll(async () => {
    cluster = await startRedisCluster(3);
    app = await startTestApp({ config: testConfig({ REDIS_CLUSTER_NODES: cluster.nodesEnv }) });
  }, 60_000);

  afterAll(async () => {
    await app?.stop();
    await cluster?.stop();
  }, 30_000);

  const submitCall = async (text: string, callerPhone: string): Promise<{ complaintId: string; lead: Lead }> => {
    const res = await postTranscript(app.url, {
      callId: uniqueName('call'),
      receivedAt: new Date().toISOString(),
      callerPhone,
      transcript: `来电人：${text}`,
    });
    expect(res.status).toBe(202);
    const { complaintId } = (await res.json()) as { complaintId: string };
    const leadId = await waitFor(async () => (await app.ctx.repos.complaints.get(complaintId))?.leadId, 10_000, 'triage');
    return { complaintId, lead: (await app.ctx.repos.leads.get(leadId))! };
  };

  /** The names of every key on every master that belongs to this app's prefix. */
  const keysOnMasters = async (): Promise<string[]> => {
    const all: string[] = [];
    for (const master of cluster.masters) {
      let cursor = '0';
      do {
        const [next, keys] = await master.scan(cursor, 'MATCH', `*${app.ctx.config.QUEUE_PREFIX}*`, 'COUNT', 1000);
        all.push(...keys);
        cursor = next;
      } while (cursor !== '0');
    }
    return all;
  };

  it('when two hotline calls name the same employer, then the first opens a case and the second joins it', async () => {
    expect(app.ctx.producerConnection).toBeInstanceOf(Cluster);
    expect(app.ctx.redis).toBeInstanceOf(Cluster);

    const first = await submitCall('我在浔阳街道锦华苑工地做木工，湖南广益建设有限公司欠我工资8000元。', '13900009101');
    expect(first.lead.caseNumber).toMatch(/^WA\d{8}-\d{4}$/);
    expect(first.lead).toMatchObject({ category: 'wage_arrears', channel: 'hotline', amountYuan: 8000 });
    const second = await submitCall('广益建筑公司在锦华苑的项目拖欠我们工钱，我一个人被欠了9500块。', '13900009102');
    expect(second.lead.id).toBe(first.lead.id);
    const job = await app.ctx.triageQueue.queue.getJob(triageJobId(first.complaintId));
    expect(await job?.getState()).toBe('completed');

    // BullMQ's keys under {prefix}; the keys used together under a tag of their group; the rest as always.
    const p = app.ctx.config.QUEUE_PREFIX;
    const keys = await keysOnMasters();
    expect(keys).toContain(`{${p}}:triage:${triageJobId(first.complaintId)}`);
    expect(keys.some((k) => k.startsWith(`{${p}:dedup}:case-index:v3:`))).toBe(true);
    expect(keys.some((k) => k.startsWith(`{${p}:intake}:hotline:seen:`))).toBe(true);
    expect(keys.some((k) => k.startsWith(`${p}:case-seq:`))).toBe(true);
    expect(keys.filter((k) => !k.startsWith(`{${p}`) && !k.startsWith(`${p}:`))).toEqual([]);
  });

  it('when the stores whose scripts and transactions span several keys are used, then each runs within one slot', async () => {
    // A contact's line of messages: two keys per contact, in Lua scripts and a MULTI.
    const line = contactLine(app.ctx);
    const contact = `wechat:${uniqueName('wxid')}`;
    await line.enter(contact, 'm1', 60_000);
    await line.enter(contact, 'm2', 60_000);
    expect(await line.isTurn(contact, 'm2', 60_000)).toBe(false);
    await line.leave(contact, 'm1');
    expect(await line.isTurn(contact, 'm2', 60_000)).toBe(true);

    // Several cases locked together: one Redlock script over every key.
    expect(await app.ctx.withLocks(['lead:a', 'lead:b', 'lead:c'], () => Promise.resolve('held'))).toBe('held');

    // A console import: its hash, rows and lease written and dropped together.
    const store = createImportUploadStore(app.ctx.redis, app.ctx.keys);
    const id = uniqueName('upload');
    const upload = {
      id,
      fileName: '热线工单.csv',
      channel: 'hotline' as const,
      staffId: 'staff-1',
      createdAt: new Date().toISOString(),
      rows: 1,
    };
    await store.save(upload, { headers: ['工单编号'], rows: [{ 工单编号: 'A-1' }] }, 600);
    expect(await store.claim(id, 10_000)).toBe(true);
    await store.progress(id, { phase: 'accepting', done: 1, total: 1 }, 10_000, 600);
    const summary = {
      rows: 1,
      accepted: 1,
      newCases: 1,
      mergedIntoCases: 0,
      notWageArrears: 0,
      stillProcessing: 0,
      duplicates: 0,
      rejected: 0,
      rejections: [],
      dispositions: {},
    };
    await store.finish(id, summary, 600);
    expect(await store.get(id)).toMatchObject({ state: 'done', summary });
    expect(await store.rows(id)).toBeNull();
  });
});
