import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { connectDb } from '../../src/db/connection';
import { uniqueName } from '../support/test-app';

const run = promisify(execFile);
const root = path.resolve(__dirname, '../..');

// Each case starts the CLI as a child process (tsx compiles on start): seconds each on a busy machine.
jest.setTimeout(90_000);

describe('npm run import: hotline work orders and national-platform exports', () => {
  let dir: string;
  const mongoUri = `${process.env.TEST_MONGODB_URL}/${uniqueName('wa_import')}`;
  const env = {
    ...process.env,
    MONGODB_URI: mongoUri,
    REDIS_URL: process.env.TEST_REDIS_URL ?? '',
    QUEUE_PREFIX: uniqueName('waimport'),
    AUTO_START_SERVICES: 'false',
    LOG_LEVEL: 'silent',
  };
  const importFile = async (file: string, ...args: string[]) => {
    const { stdout, stderr } = await run(
      path.join(root, 'node_modules', '.bin', 'tsx'),
      [path.join(root, 'src/cli/import.ts'), file, ...args],
      {
        cwd: root,
        env,
        timeout: 60_000,
      },
    );
    return { summary: JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>, stderr };
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'wa-import-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    const db = await connectDb(mongoUri, 2000);
    await db.dropDatabase();
    await db.close();
  });

  it('when a CSV export with Chinese headers is imported twice, then rows are accepted, merged or rejected with reasons, and the second run only finds duplicates', async () => {
    const csv = [
      '工单编号,受理时间,投诉人,联系电话,诉求内容',
      'GD2026001,2026-11-20 09:15,田师傅,139 0000 8101,在盘塘镇的金山石材厂做了三个月，金山石材厂欠我工资一万二。',
      'GD2026002,2026-11-20 10:02,龚师傅,13900008102,盘塘镇金山石材厂拖欠我们工钱8000元。',
      'GD2026003,2026-11-20 11:40,覃女士,13900008103,请问劳动仲裁要准备哪些材料？',
      'GD2026004,昨天下午,吴先生,13900008104,老板欠我工资。',
      ',2026-11-20 12:00,无名,13900008105,欠薪',
    ].join('\n');
    const file = path.join(dir, 'hotline-orders.csv');
    await writeFile(file, `\uFEFF${csv}`);
    const first = await importFile(file);
    expect(first.summary).toMatchObject({
      rows: 5,
      accepted: 3,
      newCases: 1,
      mergedIntoCases: 1,
      notWageArrears: 1,
      duplicates: 0,
      rejected: 2,
    });
    expect(first.stderr).toContain('row 5');
    expect(first.stderr).toContain('row 6');
    const again = await importFile(file);
    expect(again.summary).toMatchObject({ accepted: 0, duplicates: 3, rejected: 2 });
  });

  it('when national-platform leads come as XLSX or JSONL, then they are read the same way', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('leads');
    sheet.addRow(['id', 'receivedAt', 'name', 'phone', 'text']);
    sheet.addRow([
      'GJ-0001',
      '2026-11-21T08:00:00+08:00',
      '易某',
      '13900008201',
      '本人在九溪镇九溪中学新宿舍楼工地务工，湖南楚天建设有限公司拖欠工资15000元。',
    ]);
    const xlsx = path.join(dir, 'platform.xlsx');
    await book.xlsx.writeFile(xlsx);
    expect((await importFile(xlsx, '--channel', 'national_platform')).summary).toMatchObject({ rows: 1, accepted: 1, newCases: 1 });

    const jsonl = path.join(dir, 'platform.jsonl');
    await writeFile(
      jsonl,
      [
        JSON.stringify({
          id: 'GJ-0002',
          receivedAt: '2026-11-21T09:00:00+08:00',
          text: '我在九溪镇做事，楚天建设公司在九溪中学新宿舍楼项目上欠我们工资2万。',
          phone: '13900008202',
        }),
        '{broken',
      ].join('\n'),
    );
    const r = await importFile(jsonl, '--channel', 'national_platform');
    expect(r.summary).toMatchObject({ rows: 2, accepted: 1, mergedIntoCases: 1, rejected: 1 });
    expect(r.stderr).toContain('not JSON');
  });
});
