import { triageByRules } from '../../../src/triage/rule-triage';
import type { TriageResult } from '../../../src/domain/triage-result';

const read = (text: string, channel: 'wechat' | 'hotline' = 'wechat'): TriageResult => triageByRules({ channel, text });

describe('categories: voice-input homophones, fears, cards and schemes that are no labour matter', () => {
  it('when voice input writes 前 for 欠 and 头诉 for 投诉, then wage arrears', () => {
    expect(read('我在九溪镇石灰厂做事 老板前我工资三个月 每个月四千 我想头诉他').category).toBe('wage_arrears');
  });

  it('when the asker only fears what the boss may do (怕老板晓得), then a consultation', () => {
    expect(read('投诉欠薪能不能不留名字 怕老板晓得了以后不要我做事').category).toBe('consultation');
  });

  it('when the trouble is only supposed for later (要是以后他不给钱), then a consultation', () => {
    expect(read('冇签合同 只有转账记录 能不能证明是他请的我？要是以后他不给钱的话').category).toBe('consultation');
  });

  it('when a lost medical insurance card is asked about, then not a labour matter', () => {
    const text = '坐席：您好。\n来电人：我问一下，医保卡丢了去哪里补办？\n坐席：请咨询医保局。';
    expect(read(text, 'hotline').category).toBe('invalid');
  });

  it("when a firm's finance staff asks how to get the wage guarantee back (工资保证金), then a consultation", () => {
    const text = '坐席：您好。\n来电人：我是一家建筑公司的会计，项目完工了，想问一下农民工工资保证金怎么退？\n坐席：可以向人社部门申请。';
    expect(read(text, 'hotline').category).toBe('consultation');
  });

  it('when the operator asks what is owed (欠的是…) and the caller names the labour cost, then wage arrears', () => {
    const text =
      '坐席：您好。\n来电人：我们在县医院新楼工程上做的。\n坐席：欠的是材料款还是工资？\n来电人：是人工费，二十多个工人，一共八十万。';
    expect(read(text, 'hotline').category).toBe('wage_arrears');
  });

  it('when a filed lead still shows as waiting (显示待受理), then a progress query', () => {
    expect(read('上礼拜在线索反映平台上提交了 到现在还显示待受理 是不是冇交上去').category).toBe('progress_query');
  });
});

describe('employer: names said again, disowned foremen, bosses by what they are called', () => {
  it('when the boss is named, then named again after a hesitation (叫X，哦，Y), then the second name', () => {
    expect(read('我在快递点帮老板送件，老板叫罗正平，哦，罗振平，振兴的振，欠我两个月，每个月两千六').employer).toBe('罗振平');
  });

  it('when a name is taken back as mistyped (打错了是…), then the corrected business', () => {
    expect(read('我在西安镇的宏发米厂 打错了是鸿发米厂 做了四个月 老板欠我九千').employer).toBe('鸿发米厂');
  });

  it('when the foreman is disowned (不是他) and the main contractor holds the pay back, then the company', () => {
    const text =
      '坐席：您好。\n来电人：我们在敬老院新建工程做事，跟的包工头司马强。\n坐席：是包工头欠的？\n来电人：不是他，他也在帮我们要。是总包湖南安泰建设有限公司一直拖着人工费不拨。';
    expect(read(text, 'hotline').employer).toBe('湖南安泰建设有限公司');
  });

  it('when the company says the pay went to the foreman (公司讲我们的工钱早就全部打给X了), then the foreman', () => {
    const text = '我们跟包工头田志明做的，他挂在湖南宏图建设公司下面，公司讲我们的工钱早就全部打给田志明了，他拿了钱就跑了';
    expect(read(text).employer).toBe('田志明');
  });

  it('when the boss is described as a woman by surname (老板是一个姓戴的女的), then that boss', () => {
    expect(read('我在镇上一个卖鞋的门面帮忙，老板是一个姓骆的女的，欠我三个月工钱').employer).toBe('骆老板');
  });

  it('when the complaint names the boss right after 投诉 (投诉曾老板), then that boss', () => {
    expect(read('我要投诉邝老板，他欠我工钱六千二，拖了半年了').employer).toBe('邝老板');
  });

  it('when everyone calls the boss by a nickname and his surname is added (喊他满哥，姓胡), then the nickname', () => {
    expect(read('我在乡里帮人放牛，老板大家都喊他德哥，姓黎，欠我五个月工钱').employer).toBe('德哥');
  });

  it("when the work was on a person's vineyard (X的葡萄园), then that person", () => {
    expect(read('我们四个人在合口镇孙长青的葡萄园剪枝 做了一个月 还差每人三千').employer).toBe('孙长青');
  });
});

describe('categories and employers: debts set aside, wages held as a deposit, insurance, agencies, mines', () => {
  it('when a materials debt is set aside and the main matter is pay (主要是…工钱一直冇给), then wage arrears', () => {
    expect(read('我们做防水的，老板欠的材料款八千多先不讲，主要是我们四个人的工钱两万一直冇给').category).toBe('wage_arrears');
  });

  it("when a month's wage held as a deposit is not returned (押一个月工资…不退), then wage arrears", () => {
    expect(read('进厂讲好押一个月工资，走的时候退。现在辞职三个月了，押的三千九一直不退，厂是桃源县宏利鞋业有限公司').category).toBe(
      'wage_arrears',
    );
  });

  it('when the asker wonders whether filing will expose them (会不会把我的信息…), then a consultation', () => {
    expect(read('欠薪线索反映平台上要怎么填？填了会不会把我的名字告诉老板').category).toBe('consultation');
  });

  it('when insurance is deducted from pay but never paid in (扣了…社保，一分冇交), then another labour matter', () => {
    const text =
      '坐席：请讲。\n来电人：我在宏达包装厂上班，工资条上每个月扣了两百多的社保，一查一分钱都冇交。\n坐席：工资按时发吗？\n来电人：工资是按时发的。';
    expect(read(text, 'hotline').category).toBe('labor_other');
  });

  it("when the residents' medical insurance fee is asked about, then not a labour matter", () => {
    const text = '坐席：您好。\n来电人：我想问一下城乡居民医保今年交多少钱？\n坐席：请咨询医保局。';
    expect(read(text, 'hotline').category).toBe('invalid');
  });

  it('when the agency pays the wages (工资是人力公司发的), then the agency, and its sum is no head count', () => {
    const result = read('我是恒达人力资源有限公司派到泰和电子厂上班的，工资是人力公司发的，上个月的3900人力公司扣着不发');
    expect(result.employer).toBe('恒达人力资源有限公司');
    expect(result.worker_count).toBe(1);
  });

  it('when a mine is named (金鑫石英砂矿), then the mine', () => {
    expect(read('我们是牛车河乡宏泰石英砂矿的工人，矿上停产两个月了，工资也冇结').employer).toBe('宏泰石英砂矿');
  });

  it('when a large grower is named after the work (帮一个种柑橘的大户做了一年，他叫…), then that grower', () => {
    expect(read('我在乡里帮一个种柑橘的大户做了一年，他叫石永康，讲好年底结，一万二一分冇给').employer).toBe('石永康');
  });

  it('when the name is taken back in the next turn (不对不对，是…), then the corrected name', () => {
    const text =
      '坐席：请讲。\n来电人：老板叫汪志华。\n坐席：汪志华。\n来电人：不对不对，是汪志文，文化的文。一天两百五，做了三十天，一分冇给。';
    expect(read(text, 'hotline').employer).toBe('汪志文');
  });

  it('when the work is a part of a building and its trade (做外墙石材), then the boss, not a business named 外墙石材', () => {
    const text = '坐席：请讲。\n来电人：我们三个人在一个民宿帮老板做外墙石材，一天两百。\n坐席：老板叫什么？\n来电人：老板姓阳。';
    expect(read(text, 'hotline').employer).toBe('阳老板');
  });
});

describe('categories: promises said over and over', () => {
  it('when the promised pay day has been said again and again (讲了三回), then wage arrears', () => {
    expect(read('我们厂胡主任讲10月工资这个月25号发，这句话已经讲了三回哒，11月的就更不要想。陬市工业园的').category).toBe('wage_arrears');
  });
});
