import { commandsPerComplaint, cpuPerComplaint, intakeSteps } from '../../bench/end-to-end';
import { cpuSecondsOf, machineCpuSeconds, parseCommandCounts } from '../../bench/stack';

describe('bench CPU accounting', () => {
  it('when two snapshots are taken around a run, then each process gets its CPU per complaint in ms and the machine its busy share', () => {
    const before = {
      processes: { api: 1, worker: 2, ferretdb: 3, redis: 0.5, load: 4 },
      machine: { busy: 100, total: 400 },
      dbCommands: null,
    };
    const after = {
      processes: { api: 2, worker: 6, ferretdb: 7, redis: 0.7, load: 4.5 },
      machine: { busy: 250, total: 600 },
      dbCommands: null,
    };
    const r = cpuPerComplaint(before, after, 500);
    expect(r.msPerComplaint).toEqual({ api: 2, worker: 8, ferretdb: 8, redis: expect.closeTo(0.4, 6), load: 1 });
    expect(r.machineBusyPct).toBe(75);
  });

  it('when a process could not be read or nothing was accepted, then its figure is unknown rather than made up', () => {
    const before = { processes: { api: 1, worker: null, ferretdb: 3, redis: 0.5, load: 4 }, machine: null, dbCommands: null };
    const after = {
      processes: { api: 2, worker: 5, ferretdb: null, redis: 0.7, load: 4.5 },
      machine: { busy: 1, total: 2 },
      dbCommands: null,
    };
    const r = cpuPerComplaint(before, after, 10);
    expect(r.msPerComplaint.worker).toBeNull();
    expect(r.msPerComplaint.ferretdb).toBeNull();
    expect(r.msPerComplaint.api).toBe(100);
    expect(r.machineBusyPct).toBeNull();
    expect(cpuPerComplaint(before, after, 0).msPerComplaint.api).toBeNull();
  });

  it('when this process burns CPU, then /proc shows its CPU time grow; a process that does not exist reads as null', async () => {
    const t0 = (await cpuSecondsOf(process.pid))!;
    const m0 = (await machineCpuSeconds())!;
    const until = Date.now() + 150;
    let x = 0;
    while (Date.now() < until) x += Math.sqrt(x + 1);
    expect(x).toBeGreaterThan(0);
    const t1 = (await cpuSecondsOf(process.pid))!;
    const m1 = (await machineCpuSeconds())!;
    expect(t1 - t0).toBeGreaterThanOrEqual(0.05);
    expect(m1.busy - m0.busy).toBeGreaterThanOrEqual(0.05);
    expect(m1.total).toBeGreaterThan(m1.busy);
    expect(await cpuSecondsOf(2 ** 22 + 12345)).toBeNull();
  });

  it("when FerretDB's metrics are read before and after, then its commands per complaint come out by name, most frequent first", () => {
    const metrics = (insert: number, find: number, update: number) =>
      [
        '# HELP ferretdb_client_requests_total Total number of requests.',
        '# TYPE ferretdb_client_requests_total counter',
        `ferretdb_client_requests_total{command="find",opcode="OP_MSG"} ${find}`,
        `ferretdb_client_requests_total{command="insert",opcode="OP_MSG"} ${insert}`,
        `ferretdb_client_requests_total{command="update",opcode="OP_MSG"} ${update}`,
        'ferretdb_client_requests_total{command="unknown",opcode="OP_QUERY"} 3',
        'ferretdb_client_responses_total{argument="unknown",command="find",opcode="OP_MSG",result="ok"} 99',
      ].join('\n');
    const before = parseCommandCounts(metrics(10, 5, 0));
    expect(before).toEqual({ find: 5, insert: 10, update: 0, unknown: 3 });
    const after = parseCommandCounts(metrics(410, 105, 200));
    expect(Object.entries(commandsPerComplaint(before, after, 200)!)).toEqual([
      ['insert', 2],
      ['update', 1],
      ['find', 0.5],
    ]);
    expect(commandsPerComplaint(null, after, 200)).toBeNull();
  });

  it('when answers carry Server-Timing, then the accepted ones give each step and their sum; other answers count for nothing', () => {
    const steps = intakeSteps();
    expect(steps.summary()).toBeNull();
    steps.record(0, 202, '{}', { 'server-timing': 'note;dur=1.00, store;dur=4.00, queue;dur=1.00' });
    steps.record(1, 202, '{}', { 'server-timing': 'note;dur=0.50, store;dur=2.00, queue;dur=0.50' });
    steps.record(2, 200, '{}', { 'server-timing': 'note;dur=9.00, store;dur=90.00, queue;dur=0.00' });
    steps.record(3, 202, '{}', {});
    const s = steps.summary()!;
    expect(s.store).toMatchObject({ n: 2, p50: 2, p99: 4 });
    expect(s.inside).toMatchObject({ n: 2, p50: 3, p99: 6 });
    expect(Object.keys(s).sort()).toEqual(['inside', 'note', 'queue', 'store']);
  });
});
