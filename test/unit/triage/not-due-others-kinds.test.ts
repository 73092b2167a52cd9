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

describe('employer: main contractors above, brands of courier and nail bars, what everyone calls the boss', () => {
  it('when the main contractor is named with 为 or in brackets (总包为X, 总包（X）), then the foreman below it', () => {
    expect(read('我跟随包工头胡振明在工业园厂房项目砌墙，项目总包为湖南建宏集团有限公司，胡振明欠我们班组人工费八万').employer).toBe(
      '胡振明',
    );
    expect(read('跟的班组长叫邓友文，还差八万八。邓友文讲钱在总包（湖南金阳建设）那里压着').employer).toBe('邓友文');
  });

  it('when the one above did not pay the employer (写字楼物业冇给他们钱), then the cleaning company', () => {
    const text = '我们保洁公司叫常德洁美家政服务有限公司，两个月工资冇发了，经理讲写字楼物业冇给他们钱。';
    expect(read(text).employer).toBe('常德洁美家政服务有限公司');
  });

  it('when the crew is called by the foreman’s name (跟刘国富班组做的), then the foreman over the main contractor', () => {
    expect(read('以上四人都是跟刘国华班组做的，刘国华讲总包中湘建设冇拨款').employer).toBe('刘国华');
  });

  it('when the person who called the worker in is named (刘显贵喊我帮他…), then that person, and 农家乐 is no name', () => {
    expect(read('观音寺镇的刘显富喊我帮他新修的农家乐做屋面防水，人工费九千他一分冇给').employer).toBe('刘显富');
  });

  it('when the worker took the job from a firm (在X接的活), then the firm is not above the one who owes', () => {
    expect(read('我是搞水电的，在常德美家装饰工程有限公司接的活，人工费七千八一直压着不结').employer).toBe('常德美家装饰工程有限公司');
  });

  it('when a courier brand follows the kind of place (外卖站点捷风速递), then the brand', () => {
    expect(read('外卖站点飞鸿速递还欠我两个月的钱七千六').employer).toBe('飞鸿速递');
  });

  it('when a nail bar is named (蔻丹美甲), then that shop', () => {
    expect(read('我在步行街的丽人美甲做了五个月，提成一共三千四，我走的时候她讲要扣掉不给').employer).toBe('丽人美甲');
  });

  it('when the shop’s place is told before its name (店在…路口 叫X), then that name', () => {
    expect(read('老板娘天天拖 我在水果店做了两个月 一共五千六 店在漳江街道沅江路口 叫果然鲜').employer).toBe('果然鲜');
  });

  it('when everyone calls the boss by a nickname (大家都喊他黑皮), then the nickname, but not 老板 itself', () => {
    expect(read('我在西安镇帮一个搞养殖的老板喂牛，大家都喊他黑皮，真名我不晓得，欠我四个月').employer).toBe('黑皮');
    expect(read('在工地扎钢筋，老板欠我一万八，只晓得大家都喊他老板，名字不晓得').employer).toBe(null);
  });

  it('when the company is only referred to (现该公司拖欠), then no business named 现该公司', () => {
    expect(read('来电人反映：劳务分包单位为湖南光明劳务有限公司，现该公司拖欠其工资约八万元。').employer).toBe('湖南光明劳务有限公司');
  });
});
