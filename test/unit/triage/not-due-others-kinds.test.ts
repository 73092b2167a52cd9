import { triageByRules } from '../../../src/triage/rule-triage';
import type { TriageResult } from '../../../src/domain/triage-result';

const read = (text: string, channel: 'wechat' | 'hotline' = 'wechat'): TriageResult => triageByRules({ channel, text });

describe('categories: pay not yet due, others’ matters, suppliers, procedure on injuries', () => {
  it('when pay is put off but not yet due (还冇到月底) and the asker asks what they could do, then a consultation', () => {
    const text = '坐席：请讲。\n来电人：我们老板讲这个月工资要推到下个月十号才发，现在还冇到月底，到时候不发我可不可以投诉？';
    expect(read(text, 'hotline').category).toBe('consultation');
  });

  it('when a friend was owed elsewhere and the asker asks where to complain, then a consultation', () => {
    expect(read('我有个朋友讲他在广东做事被老板欠了工资，现在人回来了，是在这边投诉还是要去广东？').category).toBe('consultation');
  });

  it('when a supplier says no worker is owed, only his bill (冇得工人欠工资，就是货款), then not wage arrears', () => {
    expect(read('我给工地供钢筋，钢筋款八万一直不结，我这边冇得工人欠工资，就是货款，你们能不能催一下').category).toBe('invalid');
  });

  it('when wages have not been paid out (三个月冇开工资), then wage arrears', () => {
    expect(read('我们两口子在农庄帮忙，老板姓冯，三个月冇开工资了，我一个月两千，我老公三千八').category).toBe('wage_arrears');
  });

  it('when commission is held back as a deposit (押我三个月的提成), then wage arrears', () => {
    expect(read('跑网约车的 公司叫 快捷出行桃源分部 押我两个月的提成 一共三千多').category).toBe('wage_arrears');
  });

  it('when day labour without a contract and a supposed injury are asked about (万一哪天受伤了), then a consultation', () => {
    expect(read('在附近打零工，一天一结，冇签合同，这种算不算劳动关系？万一哪天受伤了找哪个').category).toBe('consultation');
  });

  it('when how long an injury ruling takes is asked (工伤认定要多长时间), then a consultation', () => {
    const text = '坐席：请讲。\n来电人：我想咨询一下，工伤认定要多长时间啊，要准备哪些材料？\n坐席：一般六十日内。';
    expect(read(text, 'hotline').category).toBe('consultation');
  });
});

describe('employer: quoted names, care centres, names taken back late, goods in a name', () => {
  it('when the boss is called by a quoted nickname (一个叫"黑皮"的老板), then the nickname', () => {
    expect(read('我在镇上跟一个叫“麻拐”的老板修了一个月屋，一天两百五，他一分冇给').employer).toBe('麻拐');
  });

  it('when the one worked for is named in quotation marks (帮"强哥"卖衣服), then that name', () => {
    expect(read('在步行街帮“军哥”卖鞋子，讲好底薪两千，上个月的两千六冇给').employer).toBe('军哥');
  });

  it('when a maternity or care centre is named (好孕来母婴护理中心, 福寿康养中心), then that centre', () => {
    expect(read('我做月嫂，通过一家叫安心母婴护理中心接的单，做了26天，中心一直不给我结').employer).toBe('安心母婴护理中心');
    expect(read('我在黄石镇那个叫长青康养中心的地方烧饭，欠我五个月工钱').employer).toBe('长青康养中心');
  });

  it('when the employer is a contracting household (雇主为承包户X), then that person', () => {
    expect(read('来电人反映：其在外地一个果园做事，雇主为承包户邓志平，尚欠工资两万元。').employer).toBe('邓志平');
  });

  it('when a factory is named after the story with goods in its name (厂叫佳美箱包), then that name', () => {
    expect(read('我在镇上一个箱包厂踩缝纫机，计件的，老板讲资金周转不开，工资压着不发。厂叫美丽箱包').employer).toBe('美丽箱包');
  });

  it('when a shop name is taken back at the end of its clause (叫X的饭店做帮厨，哦不是), then not the first name', () => {
    expect(read('我在漳江街道一家叫好再来的饭店做帮厨，哦不是，叫好运来酒楼，老板欠我六千').employer).toBe('好运来酒楼');
  });
});

describe('amounts: months said once for a list or a span, daily pay named as such, others alike', () => {
  it('when a span of months carries 月 once (7-9月) for a crew paid by the month, then every month of it', () => {
    expect(read('来电人反映：其所在木工班组共8人，在旅游区改造项目务工，拖欠7-9月工资，每人每月约6000元。').amount_yuan).toBe(144000);
  });

  it('when listed months carry 月 once (9、10月份), then both months', () => {
    expect(read('我在医院做保洁，是洁美公司派去的，洁美公司9、10月份工资冇发，一个月两千一').amount_yuan).toBe(4200);
  });

  it('when named months are owed with 差 (差我十一月十二月工资), then both months', () => {
    expect(read('在大桥工地晚上看守 保安公司差我十一月十二月工资 每月2600').amount_yuan).toBe(5200);
  });

  it('when days worked are totalled (共计工作30天) at a daily wage (日工资), and others from the village are alike (另有2人), then all of it', () => {
    const result = read(
      '来电人反映：其在合作社务工，共计工作30天，约定日工资160元，负责人至今未支付。来电人同村另有2人情况相同，金额一致。',
    );
    expect(result.worker_count).toBe(3);
    expect(result.amount_yuan).toBe(14400);
  });
});

describe('categories: terms asked about, the office asked after, calls where the operator names the debt', () => {
  it('when the pay day is asked about and whether it counts as arrears (算不算拖欠), then a consultation', () => {
    expect(read('工资最迟每个月几号要发？我们厂讲每个月25号发上个月的，这个算不算拖欠？').category).toBe('consultation');
  });

  it('when a job not yet started pays at year end (我还冇进厂), then a consultation', () => {
    expect(read('有个厂喊我去做事，老板讲工资年底一次性结，平时只给生活费，我还冇进厂，这样子合不合法').category).toBe('consultation');
  });

  it('when the asker heard of the platform from others (我听人讲) and asks where it is, then a consultation', () => {
    expect(read('我听人讲有个欠薪平台可以在手机上投诉，那个小程序在哪里找？').category).toBe('consultation');
  });

  it('when the asker is away and asks whether to come in person (在外地打工回不来), then a consultation', () => {
    expect(read('欠薪投诉是不是一定要本人去？我在外地打工回不来，能不能网上投诉').category).toBe('consultation');
  });

  it('when probation terms are only the boss’s words, with no workplace named, then a consultation', () => {
    expect(read('请问试用期的工资可以比转正的低好多？老板讲试用期只给六成').category).toBe('consultation');
  });

  it('when an elderly relative’s age is told before a question on contracts, then a consultation', () => {
    const text = '坐席：请讲。\n来电人：我父亲六十三岁了，还想出去做点事，超过六十岁还能签劳动合同吗？';
    expect(read(text, 'hotline').category).toBe('consultation');
  });

  it('when insurance is refused and the employer says it would come out of pay (问就讲…的话), then another labour matter', () => {
    expect(read('盘塘镇宏林木业，我在厂里做了三年，工资是按月发了的，就是一直不给我们买社保，问就讲要买的话从工资里扣').category).toBe(
      'labor_other',
    );
  });

  it('when the office arranged a mediation and the caller asks when (你们那天讲要组织…调解), then a progress query', () => {
    expect(read('你们那天讲要组织我们跟老板调解，约在哪一天啊？我一直冇接到电话').category).toBe('progress_query');
  });

  it('when the caller asks to look up their complaint (帮我查一下我的投诉), then a progress query', () => {
    expect(read('帮我查一下我的投诉，登记的名字叫李春花').category).toBe('progress_query');
  });

  it('when an inspector’s promised date passed and the caller asks for a push (再帮忙催一下), then a progress query', () => {
    expect(read('监察大队的王同志讲老板答应月底给钱，今天都5号了还冇给，你们再帮忙催一下').category).toBe('progress_query');
  });

  it('when the hotline is asked about its hours (12333…周六有人值班不), then a consultation', () => {
    expect(read('打12333一直冇人接，是不是下班了？周六有人值班不？').category).toBe('consultation');
  });

  it('when anonymity is asked about (可以匿名投诉吗), then a consultation', () => {
    expect(read('可以匿名投诉吗？怕老板晓得了以后不要我做了').category).toBe('consultation');
  });

  it('when the operator asks whether wages are owed (欠工资了是吗) and the caller agrees with the work told, then wage arrears', () => {
    const text =
      '坐席：请讲。\n来电人：我在县医院搞保洁，是洁净公司派过去的。\n坐席：嗯，欠工资了是吗？\n来电人：是的，两个月，一个月两千。';
    expect(read(text, 'hotline').category).toBe('wage_arrears');
  });

  it('when a work order in the operator’s turn reports the arrears (反映拖欠工钱), then wage arrears', () => {
    const text =
      '坐席：【来电记录】来电人自述在果园务工，反映拖欠工钱。\n坐席：一共几个人？\n来电人：我们队上六个人，每人做了四十天，一天一百二。';
    expect(read(text, 'hotline').category).toBe('wage_arrears');
  });

  it('when the boss blames cancelled orders (讲外贸订单取消了), then still wage arrears', () => {
    expect(read('一个做鞋面的小作坊，老板叫熊国文，我们8个人，每人欠三千，他讲外贸订单取消了冇得钱').category).toBe('wage_arrears');
  });

  it('when about twenty thousand is said (小两万), then twenty thousand', () => {
    expect(read('做了大半年 老板还差我小两万 县城那个家具厂 我做油漆工').amount_yuan).toBe(20000);
  });
});
