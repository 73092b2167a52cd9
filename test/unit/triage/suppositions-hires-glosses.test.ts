import { triageByRules } from '../../../src/triage/rule-triage';
import type { TriageResult } from '../../../src/domain/triage-result';

const read = (text: string, channel: 'wechat' | 'hotline' = 'wechat'): TriageResult => triageByRules({ channel, text });

describe('categories: suppositions, how to complain, the office already at work', () => {
  it('when the whole case is a supposition (假如老板…) and the rest asks about papers, then a consultation', () => {
    expect(read('要是老板给我写了欠条，到时候还是赖着不给，是去法院还是找劳动局？欠条管不管用？').category).toBe('consultation');
  });

  it('when the caller says nothing is owed to them, only the news made them ask, then a consultation', () => {
    const text =
      '坐席：您好，请讲。\n来电人：问一下，包工头卷钱跑了能不能抓？\n坐席：情节严重的可以移送公安。\n来电人：哦，我没被欠，就是看到新闻问一下。';
    expect(read(text, 'hotline').category).toBe('consultation');
  });

  it('when someone asks whether the worker must come in person (本人要不要亲自来), then a consultation', () => {
    expect(read('帮朋友投诉欠薪，本人需要亲自来吗？他在广东上班请不到假').category).toBe('consultation');
  });

  it('when the asker only says how they will file (我回去让我儿子弄), then a consultation', () => {
    const text =
      '坐席：您好。\n来电人：欠薪能在微信上投诉不？\n坐席：可以，关注公众号就行。\n来电人：要填么子？\n坐席：单位、项目、金额。\n来电人：好，我回去让我儿子帮我弄。';
    expect(read(text, 'hotline').category).toBe('consultation');
  });

  it('when the inspectors already came to the workplace and the worker asks how it went, then a progress query', () => {
    expect(read('监察大队的人前几天来了我们厂里检查，后来怎么样了？厂里一直冇个回话').category).toBe('progress_query');
  });

  it('when a form was filled in earlier and nobody has phoned since, then a progress query', () => {
    expect(read('上个月在公众号填了欠薪的表，到现在冇得一个人打电话给我，是不是冇交上去？').category).toBe('progress_query');
  });

  it('when the caller asks how long the handling will go on (处理到么子时候), then a progress query', () => {
    expect(read('我投诉都两个月了，每回问都讲在处理，处理到么子时候去？').category).toBe('progress_query');
  });

  it('when a client paid the contractor by progress (按进度), then no progress query but wage arrears', () => {
    const text = '在中学新宿舍做水电，公司欠我们四个人三万二，学校讲他们按进度把钱付给公司了';
    expect(read(text).category).toBe('wage_arrears');
  });

  it('when the same factory leaves new months unpaid after a settled complaint (工资又冇发), then wage arrears', () => {
    expect(read('上次的事解决了，谢谢。还是那个厂，九月十月的工资又冇发，我一个月三千八').category).toBe('wage_arrears');
  });

  it('when wages were not taken (两个月工资冇拿), then wage arrears', () => {
    expect(read('投诉桃源县福满楼餐饮有限公司，我们三个服务员两个月工资冇拿，一个月2400').category).toBe('wage_arrears');
  });

  it('when the operator asks how many are owed (被欠钱的是…) and the caller tells the work, then wage arrears', () => {
    const text =
      '坐席：您说。\n来电人：我爸在城南菜市场帮一个姓谢的老板搞电工，他们三个人，每个人九千。\n坐席：被欠钱的是三个人？\n来电人：三个。';
    expect(read(text, 'hotline').category).toBe('wage_arrears');
  });

  it("when a boss's threat of a penalty on leaving is told, then another labour matter, not a question", () => {
    expect(read('我想辞职，老板讲我要是走就要赔两个月的培训费，工资倒是按月发了的，青林机械厂，这样合不合法').category).toBe('labor_other');
  });

  it('when a named factory presses the crew to sign away insurance and the asker has not signed yet, then another labour matter', () => {
    expect(read('盘塘镇宏达纸箱厂要我们每个人签放弃社保的声明，不签就不要来了，这个签了有效吗？我还没签').category).toBe('labor_other');
  });

  it('when the asker fears an injury that has not happened (还冇出事), then a consultation', () => {
    const text =
      '坐席：请讲。\n来电人：临时工在工地摔了算不算工伤？没签合同的那种。\n坐席：有事实劳动关系就可以认定。\n来电人：好，我帮邻居问的，他还没出事。';
    expect(read(text, 'hotline').category).toBe('consultation');
  });

  it('when the caller fears a fall under a broken street lamp, then not a labour matter', () => {
    const text = '坐席：您好，请讲。\n来电人：我们巷子里的路灯坏了一个月，晚上老人家出门都怕摔，你们管不管？\n坐席：这个请打12345。';
    expect(read(text, 'hotline').category).toBe('invalid');
  });
});

describe('employer: who hired, glossed nicknames, owners by their trade', () => {
  it('when the one who hired is given after a description (请我的是他们家儿子，陈先生), then that person', () => {
    expect(read('在城北帮一户人家做护工，请我的是他们家儿子，陈先生。最后一个月的工钱四千二不给').employer).toBe('陈先生');
  });

  it('when the workplace is one business and the one who hired and pays is another (请我的是…，…欠了我), then the one who hired', () => {
    const text = '我在浔阳街道锦江大酒店做洗碗，但是请我的是优家劳务服务公司，工资也是优家发，优家欠了我一个月的';
    expect(read(text).employer).toBe('优家劳务服务公司');
  });

  it('when a courier firm is named by brand and trade (飞腾达快递), then that firm', () => {
    expect(read('我在漳江街道帮飞腾达快递搞分拣，讲好一天一百八，做了四十天冇拿到钱').employer).toBe('飞腾达快递');
  });

  it('when a nickname is glossed in brackets (黄毛（老板外号）, 包工头麻子（不晓得他真名）), then the nickname', () => {
    expect(read('吊顶搞完一个月了，黄毛（老板外号，真名不晓得）还欠我三千二').employer).toBe('黄毛');
    expect(read('在镇上搞了二十天小工，包工头麻子（不晓得他真名）欠我三千六').employer).toBe('麻子');
  });

  it('when a pond, mine or kiln owner is named (塘主叫…), then that person', () => {
    expect(read('在鱼塘帮人守塘，塘主叫邓长生，讲好一年两万，只给了八千').employer).toBe('邓长生');
  });

  it('when a house was built for a person named after where they live (帮我们镇上…村的X屋里修了一栋房子), then that person', () => {
    expect(read('去年帮我们镇上石门村的程德华屋里修了一栋房子，五个师傅，还差两万八').employer).toBe('程德华');
  });

  it('when a restaurant is named before its kind (叫X的蒸菜馆), then that name', () => {
    expect(read('在浔阳街道那个叫香满楼的粉馆做了两个月，每月两千四，一分冇给').employer).toBe('香满楼');
  });

  it('when a kindergarten is only the building site (幼儿园扩建工地), then no employer', () => {
    expect(read('请问老板讲年底统一结账合不合法？我在九溪镇中心幼儿园扩建工地做木工，一天三百，做了六十天，一分冇拿').employer).toBe(null);
  });

  it('when an old person is looked after (照顾老人), then no person named 顾', () => {
    expect(read('帮一户人家当保姆，照顾老人，请我的那家人欠我两个月工钱').employer).not.toBe('顾老人');
  });
});

describe('amounts and head counts: lists without commas, rough sums made exact, counts taken back', () => {
  it("when each worker's sum follows the other's without a comma (我的5200她的3100), then both are owed", () => {
    const result = read('我们两公婆在饭店后厨，老板扣着两个人最后一个月工资不发，我的5200她的3100');
    expect(result.amount_yuan).toBe(8300);
    expect(result.worker_count).toBe(2);
  });

  it('when a rough sum is followed by the exact one (将近八万，七万四), then the exact one', () => {
    expect(read('包工头跑了，我们六个人的工钱，将近八万块，七万四').amount_yuan).toBe(74000);
  });

  it('when a monthly rate is followed by how long it has been unpaid (三个月哒), then rate times months', () => {
    expect(read('我在砖厂码砖，八月到现在冇发一分钱，一个月三千九，三个月哒').amount_yuan).toBe(11700);
  });

  it('when two named months are again unpaid (十月份十一月份的工资又冇发) with a monthly rate, then both months', () => {
    expect(read('还是那个鞋厂，十月份十一月份的工资又冇发，我一个月三千六').amount_yuan).toBe(7200);
  });

  it('when a head count is taken back and said again (四个人，哦不是，三个人), then the second count', () => {
    expect(read('我爸帮一个姓石的老板搞水电，他们四个人，哦不是，三个人，每个人八千').worker_count).toBe(3);
  });

  it('when the speaker and the masters they lead are owed (我和我带的两个师傅), then all of them', () => {
    expect(read('我和我带的两个师傅在工地装了一个月门窗，包工头讲好人工费一万八，一分冇给').worker_count).toBe(3);
  });

  it('when a couple runs the shop (夫妻俩开的), then the owners are no second worker', () => {
    expect(read('我在街上一个小超市做收银，夫妻俩开的，做了四个月，还差两个月的，一个月两千').worker_count).toBe(1);
  });
});
