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
