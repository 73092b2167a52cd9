import { triageByRules } from '../../../src/triage/rule-triage';
import type { TriageResult } from '../../../src/domain/triage-result';

const read = (text: string, channel: 'wechat' | 'hotline' = 'wechat'): TriageResult => triageByRules({ channel, text });

describe('categories: family matters, rentals, memberships, scams, follow-ups', () => {
  it('when a husband is paid but sends nothing home, then not a labour matter', () => {
    expect(read('我老公在外头打工，工资每个月都发了，就是一分钱都不寄回屋里，全部拿去打牌，你们能不能管管他').category).toBe('invalid');
  });

  it('when a machine was rented out and the rent is unpaid (挖机租给…), then not wages', () => {
    expect(read('我的挖机租给一个修路的老板用了三个月，租金只给了一个月，还欠四万，我冇去做事，这种能投诉不').category).toBe('invalid');
  });

  it("when a landlord also worked in the tenant's kitchen unpaid, then the wages are still owed", () => {
    expect(read('我屋里的门面租给一个老板开饭店，他欠了我半年房租，我还在他店里帮厨，两个月工资五千也冇给').category).toBe('wage_arrears');
  });

  it('when a gym membership cannot be refunded (办了年卡…退不回来), then not wages', () => {
    expect(read('在一个健身房办了年卡，才去了三次就关门了，老板跑了，三千多块钱退不回来，找哪个部门').category).toBe('invalid');
  });

  it('when a message asks to click a link to claim compensation, then a scam', () => {
    expect(read('【人社通知】您有一笔欠薪补偿金待领取，请点击 http://rs-xx.cn/a 填写银行卡信息办理').category).toBe('invalid');
  });

  it('when a mediation held by the office was not honoured (调解书都签了), then a progress query', () => {
    expect(read('调解书都签了，老板讲月底前打钱，月底过了还冇到账，当时是在你们这里调解的，现在找哪个').category).toBe('progress_query');
  });

  it('when a complaint still shows as being handled (状态还是处理中), then a progress query', () => {
    expect(read('我上个月在平台上反映的那个事，到现在状态还是“处理中”，能不能帮忙催一下').category).toBe('progress_query');
  });

  it('when a creditor asks the office to chase a bill (帮忙催一下) with no earlier complaint, then not a progress query', () => {
    expect(read('我是卖钢材的，给一个工地供了一批螺纹钢，货款到现在冇结，你们能不能帮忙催一下').category).not.toBe('progress_query');
  });

  it('when the team leader complained before and the caller asks how it is going (怎么样哒), then a progress query', () => {
    expect(read('我们上次是组长打的电话投诉，想问一下现在怎么样哒').category).toBe('progress_query');
  });

  it('when a promise to settle was broken (讲好过年前把工资结清…还欠我), then wage arrears', () => {
    expect(read('养猪场的老板，去年讲好过年前把工资结清，结果拖到现在还欠我八千块').category).toBe('wage_arrears');
  });

  it('when pickers hired by a co-operative are asked how much is owed, then wage arrears', () => {
    const text = '坐席：您好。\n来电人：我们是金橘柑橘专业合作社请的采摘工。\n坐席：欠多少？\n来电人：每个人一千五。';
    expect(read(text, 'hotline').category).toBe('wage_arrears');
  });
});

describe('employers: village committees, depots, works departments, described nicknames', () => {
  it('when a village committee hired the workers, then the committee', () => {
    expect(read('我们四个在剪市镇青山村修文化广场，是青山村村委会请的我们，工钱拖了一年多').employer).toBe('青山村村委会');
  });

  it('when the worker delivers for a parcel station, then the station', () => {
    expect(read('我是龙潭镇顺丰驿站的快递员，老板钟平把我两个月的工资扣着不发').employer).toBe('顺丰驿站');
  });

  it('when a works department took the job, then it', () => {
    expect(read('水电是万家兴水电安装工程部包的，老板叫万小平，欠我一万五').employer).toBe('万家兴水电安装工程部');
  });

  it('when the boss is called by a description and his surname (胖子李), then that', () => {
    expect(read('我们帮一个老板栽树苗，名字不晓得，大家都喊他胖子吴，开个蓝色的货车，欠我们两万').employer).toBe('胖子吴');
  });

  it('when a master is named by surname then in full (跟邹师傅做的，邹光明), then the full name', () => {
    expect(read('我们是跟骆师傅做的，骆光辉，模板这一块是他包的，欠我们三万').employer).toBe('骆光辉');
  });

  it('when a hotel outsourced a department to a boss known by surname who pays, then that boss', () => {
    expect(read('我在桃花源大酒店客房部做保洁，客房部包给了外面一个老板，承包的老板姓邝，工资都是他发，他欠我两个月').employer).toBe(
      '邝老板',
    );
  });

  it('when a crew chief works under a company (X公司下面一个施工队的，队长叫Y), then the chief', () => {
    expect(read('我们老板是湖南阳光新能源科技有限公司下面一个施工队的，队长叫石磊，欠我们三万').employer).toBe('石磊');
  });
});
