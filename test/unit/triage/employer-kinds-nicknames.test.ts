import { triageByRules } from '../../../src/triage/rule-triage';

const employer = (text: string, channel: 'wechat' | 'hotline' = 'wechat'): string | null => triageByRules({ channel, text }).employer;

describe('employer: a business named by its own kind of name, over its owner', () => {
  it('when a business ends in a trade word (鱼馆, 货运部, 装卸队, 分部), then the business', () => {
    expect(employer('黄石镇的河街鱼馆，我在那里杀鱼，老板向红军，一共三千六冇结')).toBe('河街鱼馆');
    expect(employer('在县城帮快达货运部开货车跑常德，老板谭平，讲好一趟三百五，钱冇给')).toBe('快达货运部');
    expect(employer('是一个装卸队请的我们，叫金牛装卸队，队长姓戴，卸了一个月冇结')).toBe('金牛装卸队');
    expect(employer('我在县城做快递分拣，是迅达快递桃源分部，老板叫孙力，欠我两个月')).toBe('迅达快递桃源分部');
  });

  it('when the name holds a word that elsewhere ends one (好帮手), then the whole name', () => {
    expect(employer('在漳江街道做保洁，是通过好帮手家政公司接的单，公司讲客户冇付款')).toBe('好帮手家政公司');
  });

  it('when the name is given with 叫 before or after the kind of business, then that name', () => {
    expect(employer('我在一家叫书香阁的托管班带作业，老板雷芳到现在冇结工资')).toBe('书香阁');
    expect(employer('我在县城一个搬家公司做搬运，叫快手搬家，老板叫吴斌，欠我两千')).toBe('快手搬家');
  });

  it('when a public body is named by its township, then the township stays in its name', () => {
    expect(employer('我是茶庵铺镇中学的代课老师，学校欠我上学期的代课费六千')).toBe('茶庵铺镇中学');
  });

  it('when a farm is named with its village, then the owner and not the farm', () => {
    expect(employer('在盘塘镇新华村养鸡场帮符建军喂鸡，欠我三个月工钱')).not.toBe('盘塘镇新华村养鸡场');
  });
});

describe('employer: a person known by a nickname, a description or a stutter', () => {
  it('when everyone calls the boss by a nickname (都叫他四伢子), then the nickname', () => {
    expect(employer('镇上的快递点老板，大家都叫他三伢子，我帮他送了半年快递，最后三个月冇给')).toBe('三伢子');
  });

  it('when a nicknamed boss hired the speaker (卖猪肉的胖哥请我), then the nickname', () => {
    expect(employer('菜市场卖鱼的胖哥请我帮忙杀鱼送货，做了两个月，还差四千')).toBe('胖哥');
  });

  it('when the boss is described and then named (老板就是那个开面包车的曹某), then the name', () => {
    expect(employer('在建材门面帮忙卸货，老板就是那个开白色面包车的龚满生，一分冇给')).toBe('龚满生');
  });

  it('when the worker names whom he complains about (投诉黄二毛), then that person', () => {
    expect(employer('你好 我要投诉陈三毛 欠我两千八百块工钱')).toBe('陈三毛');
  });

  it('when the shop owner is a 个体户 named, then that person', () => {
    expect(employer('在九溪镇个体户邓国庆那里帮忙看门面送货，欠我四个月的')).toBe('邓国庆');
  });

  it('when the master is given by surname after the speaker helped him (帮一个师傅…师傅姓黎), then 黎师傅', () => {
    expect(employer('安置点项目 帮一个师傅做外架 师傅姓黎 我们三个人的工钱 他讲等甲方拨款')).toBe('黎师傅');
    expect(employer('跟到曾师傅搞防水，他接的私活，做了十八天，到现在只给了一千五')).toBe('曾师傅');
  });

  it('when the caller starts a name again after a pause (蔡……蔡永胜), then the name once', () => {
    const call = ['坐席：老板是哪个？', '来电人：老板叫蔡……蔡永胜，草头蔡，是他承包的。'].join('\n');
    expect(employer(call, 'hotline')).toBe('蔡永胜');
  });
});
