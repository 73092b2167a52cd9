import ExcelJS from 'exceljs';
import { importComplaintsPort, importPagesPort } from '../../src/composition/import';
import { isAppError } from '../../src/domain/app-error';
import type { StaffUser } from '../../src/domain/staff';
import { parseExport } from '../../src/infra/export-file';
import type { ImportProgress } from '../../src/services/import/import-complaints';
import { startTestApp, uniqueName, waitFor, type TestApp } from '../support/test-app';

jest.setTimeout(90_000);

const staff = (username: string, role: StaffUser['role']): StaffUser => ({
  id: uniqueName(username),
  username,
  role,
  area: null,
  active: true,
  createdAt: new Date(),
});

/** Two complaints of one crew against one employer, per test (a second test's would join the first's case). */
const CREWS = [
  ['在盘塘镇的金山石材厂做了三个月，金山石材厂欠我工资一万二。', '盘塘镇金山石材厂拖欠我们工钱8000元。'],
  [
    '本人在九溪镇九溪中学新宿舍楼工地务工，湖南楚天建设有限公司拖欠工资15000元。',
    '我在九溪镇做事，楚天建设公司在九溪中学新宿舍楼项目上欠我们工资2万。',
  ],
] as const;

/** Hotline work orders as a CSV export: a crew's two complaints, a question, a vague one without a number to call back, a bad time, a repeated id. */
function ordersCsv(prefix: string, crew: readonly [string, string] = CREWS[0]): Buffer {
  return Buffer.from(
    [
      '\uFEFF工单编号,受理时间,投诉人,联系电话,诉求内容,承办单位',
      `${prefix}-01,2026-11-20 09:15,田师傅,139 0000 8101,${crew[0]},县人社局`,
      `${prefix}-02,2026-11-20 10:02,龚师傅,13900008102,${crew[1]},县人社局`,
      `${prefix}-03,2026-11-20 11:40,覃女士,13900008103,请问劳动仲裁要准备哪些材料？,县人社局`,
      `${prefix}-04,2026-11-20 11:55,邓先生,,老板欠我工资，一直不给。,县人社局`,
      `${prefix}-05,昨天下午,吴先生,13900008105,老板欠我工资。,县人社局`,
      `${prefix}-01,2026-11-20 09:15,田师傅,13900008101,${crew[0]},县人社局`,
    ].join('\n'),
  );
}

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (err) {
    if (isAppError(err)) return err.code;
    throw err;
  }
  throw new Error('expected a refusal');
}

describe('the import use case (services/import), shared by the command and the console', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app.stop());

  it('when rows are imported, then each is accepted like any intake, triage is awaited and the summary counts cases, dispositions, duplicates and rejections', async () => {
    const { rows } = await parseExport('csv', ordersCsv(uniqueName('GD')));
    const progress: ImportProgress[] = [];
    const run = () =>
      importComplaintsPort(app.ctx)({ rows, channel: 'hotline', importedBy: 'import:test.csv', waitMs: 30_000 }, (p) => {
        progress.push(p);
      });
    const first = await run();
    expect(first).toMatchObject({
      rows: 6,
      accepted: 4,
      newCases: 1,
      mergedIntoCases: 1,
      notWageArrears: 2,
      stillProcessing: 0,
      duplicates: 1,
      rejected: 1,
      dispositions: { consultation_answered: 1, needs_details: 1 },
    });
    expect(first.rejections).toEqual([
      { row: 6, code: 'bad_time', value: '昨天下午', reason: 'missing or unreadable time (受理时间): 昨天下午' },
    ]);
    expect(progress.filter((p) => p.phase === 'accepting').map((p) => p.done)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(progress.filter((p) => p.phase === 'triage').map((p) => p.done)).toEqual([0, 1, 2, 3, 4]);

    const again = await run();
    expect(again).toMatchObject({ accepted: 0, duplicates: 5, rejected: 1, newCases: 0, dispositions: {} });
  });

  it('when a supervisor uploads an export, then the preview maps columns and marks rows; the run keeps progress in Redis, sums up, and drops the rows', async () => {
    const port = importPagesPort(app.ctx);
    const sup = staff('sup', 'supervisor');
    const prefix = uniqueName('GX');
    const file = ordersCsv(prefix, CREWS[1]);
    const id = await port.receiveImportUpload(sup, { fileName: '热线工单.csv', data: file, channel: 'hotline' });

    const { upload, preview } = await port.importUpload(sup, id);
    expect(upload).toMatchObject({ fileName: '热线工单.csv', channel: 'hotline', rows: 6, state: 'ready' });
    expect(preview!.columns).toEqual([
      { header: '工单编号', field: 'externalId' },
      { header: '受理时间', field: 'receivedAt' },
      { header: '投诉人', field: 'name' },
      { header: '联系电话', field: 'phone' },
      { header: '诉求内容', field: 'text' },
      { header: '承办单位', field: null },
    ]);
    expect(preview).toMatchObject({ missing: [], rows: 6, wouldReject: 1, duplicatesInFile: 1 });
    expect(preview!.sample[0]!.cells[3]).toBe('139****8101');
    expect(preview!.sample[4]).toMatchObject({ row: 6, rejection: { code: 'bad_time', value: '昨天下午' } });
    expect(preview!.sample[5]).toMatchObject({ row: 7, rejection: null, duplicateOf: 2 });

    expect(await refusal(port.importUpload(staff('other', 'supervisor'), id))).toBe('import_not_found');
    await port.startImportRun(sup, id);
    await port.startImportRun(sup, id); // a second click while it runs starts nothing
    const done = await waitFor(async () => {
      const v = await port.importUpload(sup, id);
      return v.upload.state === 'done' ? v.upload : null;
    }, 60_000);
    expect(done.summary).toMatchObject({ rows: 6, accepted: 4, newCases: 1, mergedIntoCases: 1, duplicates: 1, rejected: 1 });
    expect(done.progress).toEqual({ phase: 'triage', done: 4, total: 4 });
    expect(await app.ctx.redis.exists(`${app.ctx.config.QUEUE_PREFIX}:import:${id}:rows`)).toBe(0);

    const reupload = await port.receiveImportUpload(sup, { fileName: '热线工单.csv', data: file, channel: 'hotline' });
    await port.startImportRun(sup, reupload);
    const second = await waitFor(async () => (await port.importUpload(sup, reupload)).upload.summary, 60_000);
    expect(second).toMatchObject({ accepted: 0, duplicates: 5, rejected: 1 });
  });

  it('when a file is not a CSV or XLSX export of complaints, then it is refused with a reason the page can word', async () => {
    const port = importPagesPort(app.ctx);
    const sup = staff('sup', 'supervisor');
    const upload = (fileName: string, data: Buffer) => refusal(port.receiveImportUpload(sup, { fileName, data, channel: 'hotline' }));
    expect(await upload('notes.txt', Buffer.from('工单编号,诉求内容\n1,欠薪'))).toBe('import_unsupported_type');
    expect(await upload('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe('import_old_excel');
    expect(await upload('broken.xlsx', Buffer.from('not a zip at all'))).toBe('import_unreadable');
    expect(await upload('names.csv', Buffer.from('序号,姓名拼音,备注\n1,zhang,无'))).toBe('import_no_columns');
    expect(await upload('empty.csv', Buffer.from('工单编号,受理时间,诉求内容\n'))).toBe('import_no_rows');
  });

  it('when an XLSX holds real date cells or a CSV is saved in GB18030, then times are China time and Chinese headers are read', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('工单');
    sheet.addRow(['工单编号', '受理时间', '诉求内容']);
    sheet.addRow(['XD-0001', new Date(Date.UTC(2026, 10, 20, 9, 15)), '欠薪']);
    const xlsx = await parseExport('xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    expect(xlsx.rows[0]!['受理时间']).toBe('2026-11-20 09:15:00');

    const gbk = Buffer.from([0xb9, 0xa4, 0xb5, 0xa5, 0xb1, 0xe0, 0xba, 0xc5, 0x0a, 0x58, 0x31]); // 工单编号\nX1 in GB18030
    expect(await parseExport('csv', gbk)).toEqual({ headers: ['工单编号'], rows: [{ 工单编号: 'X1' }] });
  });
});
