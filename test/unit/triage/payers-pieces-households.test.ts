import { triageByRules } from '../../../src/triage/rule-triage';
import type { TriageResult } from '../../../src/domain/triage-result';

const read = (text: string, channel: 'wechat' | 'hotline' = 'wechat'): TriageResult => triageByRules({ channel, text });

describe('employers: who pays, where they live, what they are called', () => {
  it('when a foreman is said to pay the wages (工钱一直是X跟我们算), then he, over the company above him', () => {
    const text = '我们跟着一个带班的做，是华美装饰工程有限公司在包，但工钱一直是罗国强跟我们算，也是他发，公司讲钱结给他了。';
    expect(read(text).employer).toBe('罗国强');
  });

  it('when the person hired is named after where they live (帮X村的Y砌屋), then that person', () => {
    expect(read('我们两个人帮茶庵铺镇高桥村的甘德旺砌新屋，他是屋主，只给了一半').employer).toBe('甘德旺');
  });

  it('when the boss comes from a neighbouring county (包工头是石门的，叫X), then the name, not the county', () => {
    expect(read('在湖北一个隧道工地打风钻，包工头是汉寿的，叫邬建平，欠我三万').employer).toBe('邬建平');
  });

  it('when an owner is known as 老X (老谢的五金门面), then that', () => {
    expect(read('漳江街道 老龚的五金门面 欠我一个月工资2600 人跑了').employer).toBe('老龚');
  });

  it('when the boss goes by a nickname in quotation marks (外号"X"), then the nickname', () => {
    expect(read('那个养猪场的老板，外号“铁头”，真名冇人晓得，欠我三个月工资').employer).toBe('铁头');
  });

  it('when a builder is called by its short name and owes (X工程欠我们), then that builder', () => {
    expect(read('县一中食堂项目，鑫源工程欠我们钢筋班的工钱，讲好国庆结').employer).toBe('鑫源工程');
  });

  it('when a farm base is named for its crop (杨梅基地) and the boss by name, then the boss', () => {
    expect(read('九溪镇的樱桃基地，老板叫莫德华，我们帮他摘樱桃，一分冇给').employer).toBe('莫德华');
  });

  it('when a name starts with 向 right after its township (龙潭镇向阳合作社), then the whole name', () => {
    expect(read('龙潭镇向阳种植合作社喊我们去栽烟，到现在冇结').employer).toBe('向阳种植合作社');
  });

  it('when a place is beside the name (工业大道边上X物流分拣中心), then the name without the landmark', () => {
    expect(read('我们是漳江街道工业大道边上飞达物流分拣中心的装卸工，上个月工资全部冇发').employer).toBe('飞达物流分拣中心');
  });
});

describe('sums of pieces, halves, months by name and workers listed', () => {
  it('when pieces are counted in 斤 per worker (每人采了三百斤), then rate × pieces × workers', () => {
    expect(read('我们村五个婆婆去采茶，讲好一斤鲜叶工钱十块，每人采了两百斤，一分钱冇发').amount_yuan).toBe(10000);
  });

  it('when half of a piece-rate total was paid (只发了一半), then the other half', () => {
    expect(read('做竹席，计件的，一床席子工钱二十块，我上个月做了一百床，老板只发了一半').amount_yuan).toBe(1000);
  });

  it('when months are named with their sums (三月份…，四月份…), then the sums added', () => {
    expect(read('欠我三月份四千二，四月份三千九，都冇发').amount_yuan).toBe(8100);
  });

  it('when each worker is listed by name with a sum (老张…，老李…，我…), then all added', () => {
    expect(read('合作社喊我们去栽烟，老张两千，老李三千，我一千五，合作社到现在一个都冇结').amount_yuan).toBe(6500);
  });

  it('when some workers were paid and the rest are still owed (剩下我们五个), then those', () => {
    const lead = read('我们一共八个，其中三个已经结清哒，剩下我们五个每人还差四千');
    expect(lead.worker_count).toBe(5);
    expect(lead.amount_yuan).toBe(20000);
  });

  it('when the speaker corrects the count and adds himself (加我八个), then that count', () => {
    const text = '坐席：几个人？\n来电人：我们班组六个，冇得，七个，加我七个。';
    expect(read(text, 'hotline').worker_count).toBe(7);
  });

  it('when a household worked (我们一家三口), then three workers', () => {
    expect(read('我们一家三口帮他摘杨梅，摘了十天，讲好每人每天一百，一分冇给').amount_yuan).toBe(3000);
  });

  it('when the dialect 哒 stands for 了 (做哒二十天，只给哒八百), then the days and the payment', () => {
    expect(read('帮包工头挖水渠，做哒二十天，讲好一天两百，只给哒八百块').amount_yuan).toBe(3200);
  });

  it('when months were worked feeding animals (喂鸡捡蛋三个月), then those months', () => {
    expect(read('我帮他喂鸡捡蛋三个月，一个月三千，一分都冇给我').amount_yuan).toBe(9000);
  });

  it('when fewer months were paid (只发过三个月的), then the rest', () => {
    expect(read('讲好一个月两千五，干了半年，只发过三个月的，剩下的拖起').amount_yuan).toBe(7500);
  });

  it('when the pay is said withheld from the speaker (冇给我) beside 我们, then one worker', () => {
    expect(read('家政公司派我当护工，钱都是家政公司再发给我们。四个月的工资冇给我，一个月3000').worker_count).toBe(1);
  });
});

describe('categories of these shapes', () => {
  it('when the complaint is asked after (处理结果出来冇, 显示已办结), then a progress query', () => {
    expect(read('处理结果出来冇？我是投诉兴旺家具厂的那个').category).toBe('progress_query');
    expect(read('平台上我提交的那条显示“已办结”，但是钱我一分冇收到，这是么子情况？').category).toBe('progress_query');
  });

  it('when working conditions are complained of and wages were paid, then another labour matter', () => {
    expect(read('车间温度四十多度，口罩手套也要自己买，工资是发了，就是这个条件太差').category).toBe('labor_other');
  });

  it('when social insurance is not paid (冇给我们交社保), then another labour matter', () => {
    expect(read('公司从今年起就冇给我们交社保了，工资倒是照常发的').category).toBe('labor_other');
  });

  it('when the boss blames unpaid freight (讲运费收不回来) and paid part, then wage arrears', () => {
    expect(read('跟开货车的汪老板跑货运，一个月四千，干了四个月，他讲运费收不回来，只给了我八千').category).toBe('wage_arrears');
  });

  it('when orders are withheld (不给派单), then no wages are owed', () => {
    expect(read('站点讲不注册个体户就不给派单，这个合法不？').category).not.toBe('wage_arrears');
  });

  it('when someone asks whether a relative may complain for them, then a consultation', () => {
    expect(read('投诉一定要本人来吗？我能不能帮我屋里亲戚投诉？').category).toBe('consultation');
  });

  it('when the longest probation is asked about, then a consultation', () => {
    expect(read('试用期的工资可以比转正的少好多？试用期最长可以搞几个月').category).toBe('consultation');
  });
});
