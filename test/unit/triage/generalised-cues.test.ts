import { classify } from '../../../src/triage/rules/category';
import { extractAmount } from '../../../src/triage/rules/amount';
import { extractWorkerCount } from '../../../src/triage/rules/workers';
import { extractSector } from '../../../src/triage/rules/sector';
import { triageByRules } from '../../../src/triage/rule-triage';

describe('category boundaries drawn by cue families', () => {
  it('when a trader is owed for goods and says his own staff were paid, then it is invalid', () => {
    expect(classify('我是卖水泥的，给架桥镇一个工地供货，老板欠我钱四万多一直不结账，我店里伙计的工资都发了')).toBe('invalid');
    expect(classify('我是种菜的，沙坪镇那家饭店欠我菜钱八千多，拖了半年')).toBe('invalid');
    expect(classify('我开挖机帮人家平场地，租赁费欠了两万，我请的师傅工资我都给了，这个劳动局管不管')).toBe('invalid');
  });

  it('when one 欠 runs over a bill and wages listed together, then the wages still make a case', () => {
    expect(classify('老板周某欠我们砂石钱一万 人工工资两万八 我们四个人')).toBe('wage_arrears');
  });

  it('when the payer is unreachable, pleads no money or passes the matter around, then pay is implied unpaid', () => {
    expect(classify('帮姓罗的老板砌了一个月围墙 讲好做完结账 做完二十天了 电话都不接')).toBe('wage_arrears');
    expect(classify('我们五个在九溪镇帮老板修猪栏 工钱两万多 他讲猪价跌了 冇钱')).toBe('wage_arrears');
    expect(classify('人工费总共九万，去年给了三万，后来就冇得下文了，公司和项目部踢皮球')).toBe('wage_arrears');
  });

  it('when a labour word sits inside a building name, then it is not another labour matter', () => {
    expect(classify('在县中医院住院大楼工地做水电，劳务公司欠我们人工费六万，讲等验收')).toBe('wage_arrears');
  });

  it('when hours and rest are the grievance and pay is on time, then it is labor_other', () => {
    expect(classify('我在一家鞋厂 每天做到晚上十一点 一个月只准休一天 工资倒是按时发')).toBe('labor_other');
  });

  it('when the only 我 is the one asking about procedure, then it is a consultation', () => {
    expect(classify('我想问一下，欠薪是找劳动监察还是找法院？要带么子材料？')).toBe('consultation');
    expect(classify('我问下，拖欠工资在网上哪里举报？好的我回去看看')).toBe('consultation');
  });

  it('when a question about a labour rule ends with a question mark, then it is a consultation', () => {
    expect(classify('试用期可以不买社保啊？有冇得规定')).toBe('consultation');
    expect(classify('我屋里崽十五岁，暑假想去超市打零工，这个允许不？')).toBe('consultation');
  });

  it('when the caller refers to an earlier complaint by month, ticket or the office’s promise, then it is a progress_query', () => {
    expect(classify('我4月份反映的工地欠工钱的事，讲月底解决，现在还冇给，么样搞？')).toBe('progress_query');
    expect(classify('那个单子现在处理得么样了？')).toBe('progress_query');
    expect(classify('我们那个案子结了冇，你们之前讲半个月内给答复')).toBe('progress_query');
  });
});

describe('amounts multiplied and netted generally', () => {
  it('when months go unpaid at a monthly rate, then rate × months', () => {
    expect(extractAmount('七月八月两个月都冇发，一个月四千二', 1)).toBe(8400);
    expect(extractAmount('我们五个人，每人每月两千六，九月十月两个月冇发', 5)).toBe(26000);
  });

  it('when a span of work and a partial payment are told, then what is left', () => {
    expect(extractAmount('一个月两千五，做了半年，他只给了我九千', 1)).toBe(6000);
    expect(extractAmount('做了五个月，一个月三千，只给了我两个月的', 1)).toBe(9000);
    expect(extractAmount('八个月，一个月两千，年底只给了六千', 1)).toBe(10000);
  });

  it('when a piece rate and a count are given, then rate × pieces', () => {
    expect(extractAmount('一单两块五，上个月送了一千二百单，一直冇结', 1)).toBe(3000);
  });

  it('when a small daily rate follows the days, then days × rate', () => {
    expect(extractAmount('做了二十五天，一天90，老板拖着不给', 1)).toBe(2250);
  });

  it('when the sum is written in formal numerals or after ¥, then it is read', () => {
    expect(extractAmount('尚欠本人工资人民币贰万叁仟元整', 1)).toBe(23000);
    expect(extractAmount('尚欠劳务费（¥8600）', 1)).toBe(8600);
  });

  it('when a bonus is listed with the wage, then both are owed', () => {
    expect(extractAmount('扣了我最后一个月工资2800和绩效600', 1)).toBe(3400);
  });
});

describe('head counts', () => {
  it('when the caller speaks only for themselves or for one relative, then 1', () => {
    expect(extractWorkerCount('厂里好多人冇发，我只讲我自己的')).toBe(1);
    expect(extractWorkerCount('我帮我爸爸反映，他在工地做了三个月，欠了他九千，我们是九溪的')).toBe(1);
  });

  it('when a bare count answers the operator, then that count', () => {
    expect(extractWorkerCount('我们在修路\n十四个。老板讲等结算')).toBe(14);
  });

  it('when a tip-off names no worker at all, then null', () => {
    expect(extractWorkerCount('欠薪！某某小区工地')).toBeNull();
  });
});

describe('sectors from trade words', () => {
  it('when the trade is online selling, resorts, paper mills or orchards, then that sector', () => {
    expect(extractSector('在一家电商公司做直播带货', null)).toBe('other');
    expect(extractSector('在温泉度假村做服务', null)).toBe('services');
    expect(extractSector('在纸业有限公司上班', null)).toBe('manufacturing');
    expect(extractSector('在橘园帮人采摘', null)).toBe('agriculture');
  });

  it('when a resort or school names a building site, then the site is construction', () => {
    expect(extractSector('在农家乐度假村项目上做泥工', '农家乐度假村项目')).toBe('construction');
  });
});

describe('employer and project', () => {
  const triage = (text: string) => triageByRules({ channel: 'wechat', text });

  it('when a function-word character sits inside a trade name, then the whole name is kept', () => {
    expect(triage('在某小区搞水电，安和装饰工程有限公司欠我们2万').employer).toBe('安和装饰工程有限公司');
  });

  it('when an organisation is only the site being built, then the contractor or boss owes', () => {
    const lead = triage('在茶庵铺镇第二中学新建宿舍楼工地做木工，老板谭国华欠我一万');
    expect(lead.employer).toBe('谭国华');
    expect(lead.project).toContain('第二中学');
  });

  it('when the boss is first named by surname and then in full, then the full name', () => {
    expect(triage('姓曹的老板欠我四千，他叫曹永福，在沙坪镇').employer).toBe('曹永福');
  });

  it('when a 老板娘 is named, then her name', () => {
    expect(triage('在街上小门面帮忙，老板娘叫邓秀兰，欠我两个月工资').employer).toBe('邓秀兰');
  });

  it('when the site is named in quotes, then that is the project', () => {
    expect(triage('本人在“滨湖新天地”项目做架子工，尚欠工资一万').project).toBe('滨湖新天地');
  });
});
