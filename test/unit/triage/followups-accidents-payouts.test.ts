import { triageByRules } from '../../../src/triage/rule-triage';
import type { TriageResult } from '../../../src/domain/triage-result';

const read = (text: string, channel: 'wechat' | 'hotline' = 'wechat'): TriageResult => triageByRules({ channel, text });

describe('categories: the office at work, accidents, pay held back in other words', () => {
  it("when the office's staff phoned about a mediation and the caller asks where, then a progress query", () => {
    expect(read('前几天你们的人打电话讲约了老板下周三调解，我想问一下是在哪里调解？').category).toBe('progress_query');
  });

  it('when the inspectors said they would check and the worker asks how it went (核实得么样了), then a progress query', () => {
    expect(read('你们监察大队的人讲去核实了，核实得么样了？就是欠我钱的那个姓杨的老板').category).toBe('progress_query');
  });

  it('when a road accident off work is reported, then not a labour matter', () => {
    expect(read('前天在街上被一个骑电动车的撞了，对方跑了，医药费花了两千多，这个你们能不能帮忙').category).toBe('invalid');
  });

  it('when a boss holds back pay (压我一个半月工资), then wage arrears', () => {
    expect(read('洗车店的老板陈子明，压我一个半月工资，每月三千六，他讲走了就不算').category).toBe('wage_arrears');
  });

  it('when the platform pay was not transferred (两个月都冇打), then wage arrears', () => {
    const text = '坐席：嗯，什么问题？\n来电人：公司抽了成以后月底打给我们，十月份、十一月份两个月都冇打，我十月是四千，十一月是三千八。';
    expect(read(text, 'hotline').category).toBe('wage_arrears');
  });

  it('when lesson fees are unpaid though pupils were refunded (课时费…学生退费了), then wage arrears', () => {
    expect(read('补习班欠我暑假班的课时费，我带了100节课，一节课80块，到现在一分冇结，校长讲学生退费了冇得钱').category).toBe(
      'wage_arrears',
    );
  });

  it('when the wages were settled to the last fen (工钱是结哒的，一分冇少) and medical costs refused, then another labour matter', () => {
    expect(read('我老公在工地上被钢管砸了，包工头把他的工钱是结哒的，一分冇少，但是医药费一分不出').category).toBe('labor_other');
  });

  it('when a firm is asked about for a record of owing wages (不良记录), then a consultation', () => {
    expect(read('请问宏远建设在你们这里有冇欠薪的不良记录？').category).toBe('consultation');
  });
});

describe('employers of these shapes', () => {
  it('when a tunnel company is named only by its trade (隧道公司), then the foreman', () => {
    expect(read('我们在湖北打隧道 跟的包工头叫熊大山 熊大山讲隧道公司冇给他钱 五个人每人两万').employer).toBe('熊大山');
  });

  it('when a car-care shop is named in quotation marks (“车之家汽车美容”), then that shop', () => {
    expect(read('浔阳街道沅江路上的“车友汇汽车美容”，老板陈子华，压我一个月工资').employer).toBe('车友汇汽车美容');
  });

  it('when a hotel is being fitted out by a boss who hired the worker, then the boss, and the hotel the site', () => {
    const lead = read('我跟老板庞国华做装修，沙坪镇中学对面那个新开的宾馆，叫锦华宾馆，他包了宾馆的装修，欠我一万二');
    expect(lead.employer).toBe('庞国华');
    expect(lead.project).toBe('锦华宾馆');
  });

  it('when a cemetery employs a gatekeeper, then the cemetery', () => {
    expect(read('我在观音寺镇的青松岭公墓当门卫，做了两个月，经理姓孙，欠我五千').employer).toBe('青松岭公墓');
  });

  it('when a hotel is named in quotes after 名字叫, then that hotel over the kind of place', () => {
    expect(read('我在热市镇温泉山庄做客房的，山庄名字叫“云溪温泉度假酒店”，老板姓罗，三个月一分冇发').employer).toBe('云溪温泉度假酒店');
  });

  it('when the boss is called by where he is from (四川老表), then that', () => {
    expect(read('我帮一个养蜂的老板放蜂，不晓得他叫么子，都喊他四川老表，三个月一分冇给').employer).toBe('四川老表');
  });
});
