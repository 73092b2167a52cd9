import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { StaffRole } from '../../src/domain/staff';
import { createStaffUser } from '../../src/services/staff-accounts';
import { postTranscript, startTestApp, uniqueName, waitFor, type TestApp } from '../support/test-app';

describe('exporting the cases of a period (CSV, XLSX): scoped, masked, audited', () => {
  let app: TestApp;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const leads: Record<string, string> = {};
  const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

  const call = async (text: string, callerPhone: string) => {
    const res = await postTranscript(app.url, {
      callId: uniqueName('call'),
      receivedAt: new Date().toISOString(),
      callerPhone,
      transcript: text,
    });
    const { complaintId } = (await res.json()) as { complaintId: string };
    return waitFor(async () => (await app.ctx.repos.complaints.get(complaintId))?.leadId, 10_000, 'the case');
  };

  beforeAll(async () => {
    app = await startTestApp();
    for (const [username, role, area] of [
      ['admin', 'admin', null],
      ['sup-zs', 'supervisor', '陬市镇'],
      ['insp', 'inspector', '陬市镇'],
    ] as [string, StaffRole, string | null][]) {
      const made = await createStaffUser({ staff: app.ctx.repos.staff }, { username, password: 'a-long-test-password', role, area });
      tokens[username] = made.token;
      ids[username] = made.user.id;
    }
    leads.zs = await call('来电人：我在陬市镇恒兴纸箱厂做事，恒兴纸箱厂欠我们3个人工资共2万元，电话13900009901', '13900009901');
    leads.zj = await call('来电人：我在漳江街道滨湖小区工地做木工，宏远建筑劳务公司欠我们5个人工资共4万元，电话13900009902', '13900009902');
  });
  afterAll(() => app.stop());

  const exportAs = (who: string, query: string) =>
    fetch(`${app.url}/api/exports/cases?${query}`, { headers: { authorization: `Bearer ${tokens[who]}` } });

  it('when a township’s supervisor exports as CSV, then only that township’s cases come, one row each with the inspector’s fields, phones masked, and the export is audited', async () => {
    const res = await exportAs('sup-zs', `from=${today}&to=${today}&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename=cases-${today}-${today}.csv`);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 with a BOM, as Excel wants it
    const text = bytes.toString('utf8');
    const rows = parse<Record<string, string>>(text, { columns: true, bom: true });
    expect(rows).toHaveLength(1);
    const lead = (await app.ctx.repos.leads.get(leads.zs!))!;
    expect(rows[0]).toMatchObject({
      案件编号: lead.caseNumber,
      状态: '新线索',
      '属地（乡镇/街道）': '陬市镇',
      '欠薪金额（元）': '20000',
      涉及人数: '3',
      '已追回（元）': '0',
      来源渠道: '政务热线',
      '联系电话（脱敏）': '139****9901',
    });
    expect(Object.keys(rows[0]!)).toEqual(
      expect.arrayContaining(['立案时间', '受理时间', '办结时间', '欠薪单位', '项目', '地点', '已支付人数', '行业', '优先级', '超期环节']),
    );
    expect(text).not.toMatch(/1390000990\d/);

    const [audited] = (await app.ctx.repos.audit.latest(10)).filter((e) => e.action === 'cases_exported');
    expect(audited).toMatchObject({
      actor: ids['sup-zs'],
      subject: `cases:${today}..${today}`,
      detail: { from: today, to: today, format: 'csv', rows: 1, area: '陬市镇' },
    });
  });

  it('when an admin exports as XLSX, then every case of the period is a row of the sheet', async () => {
    const res = await exportAs('admin', `from=${today}&to=${today}&format=xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('案件');
    expect(sheet.getRow(1).getCell(1).text).toBe('案件编号');
    const numbers = [2, 3].map((r) => sheet.getRow(r).getCell(1).text).sort();
    const expected = await Promise.all([leads.zs!, leads.zj!].map(async (id) => (await app.ctx.repos.leads.get(id))!.caseNumber));
    expect(numbers).toEqual(expected.sort());
    expect(sheet.rowCount).toBe(3);
    expect(typeof sheet.getRow(2).getCell(11).value).toBe('number');
    const [audited] = (await app.ctx.repos.audit.latest(10)).filter((e) => e.action === 'cases_exported');
    expect(audited).toMatchObject({ actor: ids.admin, detail: { format: 'xlsx', rows: 2, area: null } });
  });

  it('when an inspector exports, or a period runs backwards or before any case, then they are refused or get an empty file', async () => {
    expect((await exportAs('insp', `from=${today}&to=${today}`)).status).toBe(403);
    expect((await exportAs('admin', `from=${today}&to=2020-01-01`)).status).toBe(400);
    expect((await exportAs('admin', `from=${today}&to=${today}&format=pdf`)).status).toBe(400);
    const empty = await exportAs('admin', 'from=2020-01-01&to=2020-12-31');
    expect(parse(await empty.text(), { columns: true, bom: true })).toEqual([]);
  });
});
