import { triageByRules } from '../../../src/triage/rule-triage';
import type { TriageResult } from '../../../src/domain/triage-result';

const read = (text: string): TriageResult => triageByRules({ channel: 'wechat', text });

describe('employers by title, by who hired, and by brand', () => {
  it('when a boss is known by a title (X书记, X经理), then that', () => {
    expect(read('村里的彭书记去年请我们在后山栽油茶，十几个人每人欠三千多').employer).toBe('彭书记');
    expect(read('在一家小旅馆做前台，冇挂招牌，我只认得蒋经理，是他招的我，欠了两个月').employer).toBe('蒋经理');
  });

  it('when a person is said to have hired the workers (X请我们), then that person', () => {
    expect(read('盘塘镇石门村的覃德富请我们三个人帮他屋里砌房子，每人一天两百，只给了五千').employer).toBe('覃德富');
    expect(read('水电师傅易国华请我做了半年小工，打了欠条，一分冇还').employer).toBe('易国华');
  });

  it('when the boss is 姓X and also called X总, then what everyone calls him', () => {
    expect(read('帮人搞装修，老板姓汤，都喊他汤总，欠我九千').employer).toBe('汤总');
  });

  it('when the boss is "是姓X的", then X老板', () => {
    expect(read('我在九溪那个砖厂做了三个月 老板是姓柴的 一分都冇给我').employer).toBe('柴老板');
  });

  it('when a boss is named right after a township or street (漳江街道X老板), then that boss', () => {
    expect(read('我在漳江街道卢老板的五金门面里搬货，欠了两个月').employer).toBe('卢老板');
  });

  it('when the company is "什么路桥公司", then the foreman who paid, not a trade', () => {
    expect(read('在大桥引道工程做事，包工头钟建军卷起钱跑了，是个什么路桥公司我也记不清').employer).toBe('钟建军');
  });

  it('when a sand yard is written 沙场 or a studio by its trade (婚纱摄影), then that business', () => {
    expect(read('陬市镇河边的金河沙场，我在那开铲车，老板叫汪强，欠了三个月').employer).toBe('金河沙场');
    expect(read('在浔阳街道花样年华婚纱摄影做化妆师，最后一个月工资不给').employer).toBe('花样年华婚纱摄影');
  });

  it('when a business of another county is named with its city, then the place is kept apart', () => {
    const lead = read('我们两口子在浙江省温州市宏利鞋厂做流水线，厂里欠我们两个人两万');
    expect(lead.employer).toBe('宏利鞋厂');
    expect(lead.location).toBe('浙江省温州市');
  });

  it('when a guard is sent to a bank branch (营业部), then the branch is the site and the security firm the employer', () => {
    const lead = read('我在浔阳街道建设银行营业部做保安，是桃源县安盾保安服务有限公司派过去的，安盾欠我两个月工资');
    expect(lead.employer).toBe('桃源县安盾保安服务有限公司');
    expect(lead.project).toBe('建设银行营业部');
  });
});

describe('money and numbers in other written forms', () => {
  it('when a sum has a currency sign and a thousands comma (¥6,800), then that sum', () => {
    expect(read('悦来茶餐厅欠我工资¥5,600，老板讲要扣钱').amount_yuan).toBe(5600);
  });

  it('when tens of thousands are "好几万" after a number (二十好几万), then the number of ten thousands', () => {
    expect(read('我们十几个木工，劳务公司欠了三十好几万的工钱').amount_yuan).toBe(300000);
  });

  it('when a piece rate has tenths in digits (一单4块5), then those tenths', () => {
    expect(read('外卖站点上个月我跑了400单，一单3块5，一分钱都冇发给我').amount_yuan).toBe(1400);
  });

  it('when a rough sum is followed by a word starting with 一 (6千多一直), then the rough sum', () => {
    expect(read('最后一个月工资5千多一直冇打给我').amount_yuan).toBe(5000);
  });

  it('when half a day is worked (十八天半), then the half counts', () => {
    expect(read('帮老板搞大棚，讲好一天两百，我做了十天半，一分冇给').amount_yuan).toBe(2100);
  });

  it('when a payment was made before (只给过我…), then it comes off the total', () => {
    expect(read('四个月的工资一共1万2，只给过我3000，剩下的讲慢慢给').amount_yuan).toBe(9000);
  });

  it('when the speaker has more workers beside (我还有三个老乡), then all of them', () => {
    const lead = read('我还有两个老乡在养鸡场帮老板喂鸡，每个人欠了三千');
    expect(lead.worker_count).toBe(3);
    expect(lead.amount_yuan).toBe(9000);
  });

  it('when a mobile has the country code written against it (+86…), then the mobile', () => {
    expect(read('公司一分钱冇结给我。+8613912345678').phone).toBe('13912345678');
  });
});

describe('categories and urgency of these shapes', () => {
  it('when a pay cut is told with compensation withheld, then another labour matter', () => {
    expect(read('公司把我从文员调去扫地，工资从四千降到两千，就是想逼我辞职，好不给补偿').category).toBe('labor_other');
  });

  it('when a sum is followed by its being unpaid in the next clause, then wage arrears even after a base pay was paid', () => {
    expect(read('我在酒店做销售，提成一共六千二，到现在冇给，底薪倒是发了，这个算不算欠工资？').category).toBe('wage_arrears');
  });

  it('when a home renovation deposit was lost, then not wages', () => {
    expect(read('屋里装修交了两万块预付款给一个装修公司，现在公司跑了，活也冇做，找哪个部门？').category).toBe('invalid');
  });

  it('when fruit sold to a dealer is unpaid (橘子款), then not wages', () => {
    expect(read('我卖了一车柚子给一个贩子，柚子款三千六一直不给，你们能帮忙要不').category).toBe('invalid');
  });

  it('when the complaint status is asked after (受理了冇, 办结了冇, a spaced case number), then a progress query', () => {
    expect(read('你好，我的投诉受理了冇？名字王秀英').category).toBe('progress_query');
    expect(read('请问案件WA 2025 0415 办结了冇').category).toBe('progress_query');
  });

  it('when a worker has climbed a tower crane, then high urgency', () => {
    expect(read('金鼎建设欠我们四个人每人一万，今天有个工友爬到塔吊上面去了').urgency).toBe('high');
  });

  it('when the workers say they will not protest (不会去拉横幅), then not urgent for that', () => {
    expect(read('包工头欠我们5个人三万，我们都是老实人，不会去拉横幅，就想政府帮忙').urgency).toBe('normal');
  });
});
