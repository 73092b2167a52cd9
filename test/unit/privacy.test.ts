import { ConfigError, loadConfig } from '../../src/config';
import { daysInWords, defaultPrivacyNotice, ERASURE_REQUEST } from '../../src/domain/privacy';
import { encodeTable } from '../../src/infra/table-file';
import { anonymisedText } from '../../src/services/privacy/anonymise';

describe('personal data: the notice, retention settings, anonymised text and exported files', () => {
  it('when nothing is configured, then the notice says what is kept, why, who sees it, for how long, and how to have it erased', () => {
    const config = loadConfig({});
    expect(config.retention).toEqual({ nonLeadDays: 180, evidenceDays: 365, closedCaseDays: 1095 });
    expect(config.privacyNotice).toBe(defaultPrivacyNotice(config.retention));
    for (const part of [
      '您告诉我们的情况',
      '微信身份',
      '照片',
      '欠薪投诉',
      '劳动保障监察人员',
      '180天',
      '1年',
      '3年',
      '匿名化',
      '删除我的信息',
    ])
      expect(config.privacyNotice).toContain(part);
    expect([...config.privacyNotice].length).toBeLessThan(250);
  });

  it('when the periods or the text are configured, then the notice follows; a period out of range stops start-up naming it', () => {
    expect(loadConfig({ NON_LEAD_RETENTION_DAYS: '90', CLOSED_CASE_RETENTION_DAYS: '1825' }).privacyNotice).toMatch(/90天[\s\S]*5年/);
    expect(loadConfig({ PRIVACY_NOTICE: '本服务收集您的投诉信息，仅用于处理欠薪投诉。' }).privacyNotice).toBe(
      '本服务收集您的投诉信息，仅用于处理欠薪投诉。',
    );
    expect(() => loadConfig({ EVIDENCE_RETENTION_DAYS: '0' })).toThrow(ConfigError);
    expect(() => loadConfig({ EVIDENCE_RETENTION_DAYS: '0' })).toThrow(/EVIDENCE_RETENTION_DAYS/);
    expect(daysInWords(730)).toBe('2年');
    expect(daysInWords(200)).toBe('200天');
  });

  it('when a worker asks to have their data erased, in the words the notice gives or close to them, then the request is recognised', () => {
    for (const s of ['删除我的信息', '请删除我的个人信息。', '删除我的资料', '清除我的信息！']) expect(ERASURE_REQUEST.test(s)).toBe(true);
    for (const s of ['我的信息被删除了吗', '老板删除了我的微信']) expect(ERASURE_REQUEST.test(s)).toBe(false);
  });

  it('when a text is anonymised, then numbers are masked and the complainant’s names replaced, and what was said stays', () => {
    const out = anonymisedText('我叫覃春生，恒兴纸箱厂欠我7600元，电话 139-0000-7702，身份证430725199001011234，春生的老婆也在厂里', [
      '覃春生',
      '春生',
    ]);
    expect(out).toBe('我叫[投诉人]，恒兴纸箱厂欠我7600元，电话 139****7702，身份证430****1234，[投诉人]的老婆也在厂里');
  });

  it('when a table is written as CSV, then it has a BOM, CRLF lines, quoted cells, and no cell a spreadsheet would run as a formula', async () => {
    const csv = await encodeTable('csv', {
      headers: ['案件编号', '欠薪单位', '金额'],
      rows: [
        ['WA20261128-0001', '=HYPERLINK("http://x","点我")', 8000],
        ['WA20261128-0002', '宏远, "建筑"', null],
      ],
    });
    expect(csv.toString('utf8')).toBe(
      '\uFEFF案件编号,欠薪单位,金额\r\nWA20261128-0001,"\'=HYPERLINK(""http://x"",""点我"")",8000\r\nWA20261128-0002,"宏远, ""建筑""",\r\n',
    );
    const xlsx = await encodeTable('xlsx', { headers: ['a'], rows: [[1]] });
    expect(xlsx.subarray(0, 2).toString()).toBe('PK');
  });
});
