import { triageByRules } from '../../../src/triage/rule-triage';
import type { TriageResult } from '../../../src/domain/triage-result';

const read = (text: string, channel: 'wechat' | 'hotline' = 'wechat'): TriageResult => triageByRules({ channel, text });

describe('categories: work orders’ own numbers, supplements, pay late, suppositions, debts between strangers', () => {
  it('when a filed work order carries its own number (工单号：…), then that is no earlier case', () => {
    const order =
      '【12345政务服务热线转办工单】工单号：2024112600871\n诉求人：赵女士 联系电话：18200009316\n诉求内容：诉求人反映其与另外4名同事在浔阳街道桃源县金色年华KTV从事服务员工作，KTV拖欠5人10月份工资，每人3000元，请求协调解决。';
    expect(read(order).category).toBe('wage_arrears');
    const dismissed =
      '【12345政务服务热线转办工单】工单号：2024100900215\n诉求人：黎先生 联系电话：13400005608\n诉求内容：诉求人称其在桃源县天成汽车销售服务有限公司工作4年，公司以业绩不达标为由将其辞退，工资已结清，但未支付经济补偿，请求处理。';
    expect(read(dismissed).category).toBe('labor_other');
    // (an order asked after is still a progress query)
    expect(read('12345工单 20250107-0931 转到哪里去了 怎么还冇回复').category).toBe('progress_query');
  });

  it('when a message adds facts to yesterday’s complaint (补充一下…), or a new debt follows a settled one (又碰到一个), then it is a wage case', () => {
    expect(read('补充一下昨天反映的情况\n包工头叫龙建平 工地在浔阳街道江南水岸小区\n我们是6个人 一共欠四万八').category).toBe(
      'wage_arrears',
    );
    expect(
      read('上次投诉陈老板那个事已经解决了 谢谢你们\n现在又碰到一个 在热市镇工地上帮一个叫钟永福的包工头做了一个月 欠我六千五').category,
    ).toBe('wage_arrears');
  });

  it('when pay always comes late, none is owed now and the caller complains, then another labour matter; when only asked about, a question', () => {
    const complaint =
      '坐席：您好，根治欠薪热线。\n来电人：你好，我要反映一下桃源县宏图纺织有限公司，他们发工资每次都要拖一个多月。\n坐席：现在还有没有欠着的工资？\n来电人：现在是冇欠了，九月份的工资昨天刚发下来，但是每个月都这样拖，我们工人意见很大。';
    expect(read(complaint, 'hotline').category).toBe('labor_other');
    expect(read('工资每个月都要拖到下个月20几号才发，虽然最后都发了，我就是想问一下这样合法吗？').category).toBe('consultation');
  });

  it('when no pay is owed and the matter is insurance or compensation (这个冇欠, 冇拖), then another labour matter', () => {
    expect(
      read(
        '我们在漳江工业园兴达电器厂做了八年\n厂里讲要搬到长沙去 直接把我们辞退哒\n工资发到上个月 这个冇欠\n但是补偿一分冇得 我们三十几个人',
      ).category,
    ).toBe('labor_other');
    const burn =
      '坐席：您好，请讲。\n来电人：我在浔阳街道湘当家酒楼做厨师，油锅把手烫伤了，住了十天院。\n坐席：工资有拖欠吗？\n来电人：冇拖，上个月的也发了。就是老板讲住院的钱要我自己出。';
    expect(read(burn, 'hotline').category).toBe('labor_other');
    expect(read('我要投诉浔阳街道的疾速配送站 站长逼我们这些骑手去注册个体工商户 保险一样都不买 不注册就不给派单').category).toBe(
      'labor_other',
    );
  });

  it('when pay owed is only supposed (要是真的拖了), then the question stands; when the asker is not owed (本人未被拖欠), a question too', () => {
    const text =
      '坐席：您好，请讲。\n来电人：老板昨天开会讲厂里资金紧张，下个月工资可能要晚发。\n坐席：目前有拖欠吗？\n来电人：现在还冇，上个月的都发了。我就想问，要是真的拖了，我们要先准备些么子证据？';
    expect(read(text, 'hotline').category).not.toBe('wage_arrears');
    expect(
      read(
        '现场接待记录\n来访人：龚某，女。\n来访事由：来访人咨询如何向法院申请支付令，以及劳动仲裁与劳动监察投诉的区别。来访人称目前本人未被拖欠工资。',
      ).category,
    ).toBe('consultation');
    expect(read('假如包工头跑路了 工人的工钱是找总包还是找开发商要啊 我们村里好几个在外面做工地的 先问清楚').category).toBe('consultation');
  });

  it('when a loan is reported with no work between the two (无雇佣关系), then it is no wage case', () => {
    const text =
      '【全国根治欠薪线索反映平台】反映人：段某某\n被反映人：熊某\n欠薪金额：50000元\n问题描述：2023年5月熊某以做生意为由向本人借款人民币5万元，约定半年归还，至今未还。本人与熊某无雇佣关系。';
    expect(read(text).category).toBe('invalid');
  });

  it('when a 工程款 is said to be the crew’s pay (其实就是…工钱), or the boss waits for the house owner (等房东给钱), then wage arrears', () => {
    expect(read('包工头邹国庆欠我们的工程款两万四 其实就是我们三个人在佘家坪镇做泥工的工钱 他讲工程款要等甲方拨下来才给').category).toBe(
      'wage_arrears',
    );
    expect(read('我在桃源县城帮人家建房子做小工老板叫胡老四一天二百做了三十五天一分钱冇给我问他他讲等房东给钱').category).toBe(
      'wage_arrears',
    );
    expect(read('九溪镇宏晟电子厂\n我们线上8个人工资一共七万二\n拖了两个月 天天讲等货款').category).toBe('wage_arrears');
  });

  it('when the phone that does not answer is the notice board’s (公示牌上的电话打不通), then nobody ran off', () => {
    expect(read('工地门口那个维权公示牌上的电话打不通 还有冇得别的电话可以投诉').category).toBe('consultation');
    expect(read('包工头电话打不通，工钱冇给').category).toBe('wage_arrears');
  });
});
