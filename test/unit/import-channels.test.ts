import { rowToComplaint } from '../../src/services/import-rows';

describe('the importer’s channel words', () => {
  const row = (channel: string) => ({ 工单编号: 'T-0001', 受理时间: '2022-03-05 14:20', 诉求内容: '某工地欠我工资3000元', 渠道: channel });
  const channelOf = (word: string) => {
    const r = rowToComplaint(row(word), 'hotline', 'importer');
    return 'complaint' in r ? r.complaint.channel : r.error;
  };

  it('when a row names the bureau’s own complaint line, then it is a phone complaint; 12345/12333 stay the hotline', () => {
    for (const word of ['电话', '来电', '电话投诉', 'phone']) expect(channelOf(word)).toBe('phone');
    for (const word of ['热线', '12345', '12333']) expect(channelOf(word)).toBe('hotline');
  });
});
