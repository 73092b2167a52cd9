import { triageByRules } from '../../../src/triage/rule-triage';

const lead = (text: string, channel: 'wechat' | 'hotline' = 'wechat') => triageByRules({ channel, text });

describe('filed work orders and platform leads', () => {
  it('when a filed order carries its own number, then the number is no earlier case', () => {
    const order = [
      '【全国根治欠薪线索反映平台】线索编号：QX20260411002216',
      '被反映单位：桃源县金禾农业开发有限公司',
      '欠薪人数：12人',
      '问题描述：反映人与工友在高标准农田项目从事沟渠砌筑，被反映单位至今未支付工资。',
    ].join('\n');
    expect(lead(order, 'hotline').category).toBe('wage_arrears');
    expect(lead('我上次投诉的，工单编号TY20260312004587，到现在冇人联系我', 'wechat').category).toBe('progress_query');
  });

  it('when a filed order says no wages are involved, then it is not wage arrears', () => {
    const order =
      '【全国根治欠薪线索反映平台】线索编号：QX20260319004471|被反映单位：湖南建华建设工程有限公司|问题描述：反映人所在公司为该单位提供钢管租赁，尚欠租赁费共计37.6万元，反映人称不涉及农民工工资。';
    expect(lead(order.replace(/\|/g, '\n'), 'hotline').category).toBe('invalid');
  });

  it('when a question order says no case of its own (未反映具体…, 如被拖欠), then a consultation', () => {
    expect(lead('咨询：来电人称其在外地务工，询问如被拖欠工资，是应向务工所在地还是户籍所在地投诉。', 'hotline').category).toBe(
      'consultation',
    );
    expect(lead('咨询：市民询问工资专用账户是什么意思，如未开设应向哪个部门反映。来电人未反映具体欠薪情况。', 'hotline').category).toBe(
      'consultation',
    );
  });
});

describe('calls where the operator names the arrears', () => {
  it('when the operator asks whether pay is owed and the caller gives sums, then wage arrears', () => {
    const call = ['坐席：拖欠您工资？', '来电人：嗯，三个月的，一个月五千，还有两个搬运的兄弟也一样。'].join('\n');
    expect(lead(call, 'hotline').category).toBe('wage_arrears');
    expect(lead(call, 'hotline').worker_count).toBe(3);
    expect(lead(call, 'hotline').amount_yuan).toBe(45000);
  });

  it('when the caller says each one’s sum after 欠多少, then wage arrears', () => {
    const call = [
      '坐席：您好。',
      '来电人：我们几个在镇上帮劳务队搞了一个厂房。',
      '坐席：欠多少？',
      '来电人：我一万，我表弟八千，还有个老乡七千五。',
      '坐席：那一共是两万五千五，三个人是吧？',
      '来电人：是的。',
    ].join('\n');
    expect(lead(call, 'hotline').category).toBe('wage_arrears');
    expect(lead(call, 'hotline').amount_yuan).toBe(25500);
  });
});

describe('amounts told the short way', () => {
  it('when the sum is 万把块, then about ten thousand', () => {
    expect(lead('跟着包工头做油漆，做了一个多月，万把块钱冇给').amount_yuan).toBe(10000);
  });

  it('when the months are not told (几个月), then no sum is made up', () => {
    expect(lead('农家乐老板拖了几个月工资 一个月两千六 讲生意不好').amount_yuan).toBeNull();
  });

  it('when a pay per job (一套) and the jobs done are told, then rate × jobs less what was paid', () => {
    expect(lead('帮人刷墙 讲好刷完一套房子给五千 我刷了三套 他给了六千 剩下的不给了').amount_yuan).toBe(9000);
  });

  it('when days are counted as 算了…个工, then those days', () => {
    expect(lead('做焊工 一天三百 算了四十个工 老板只给了五千块生活费 剩下的一直拖').amount_yuan).toBe(7000);
  });

  it('when only one month was paid of five, then four months are owed', () => {
    expect(lead('当保姆 讲好一个月四千 做了五个月只给了一个月的钱').amount_yuan).toBe(16000);
  });

  it('when last month and this one are unpaid, then two months', () => {
    expect(lead('酒楼后厨六个人 上个月和这个月的工资都冇发 每人每月四千').amount_yuan).toBe(48000);
  });

  it('when a rough count is followed by the exact one, then the exact one', () => {
    expect(lead('上个月跑了八百多单，一单四块，其实是八百二十单，一分都冇发').amount_yuan).toBe(3280);
  });

  it('when a labour-fee sum is told (二十几万人工费), then it is money', () => {
    expect(lead('劳务公司欠我们木工班组二十几万人工费').amount_yuan).toBe(200000);
  });

  it('when a head count is told in 号人, then it counts', () => {
    expect(lead('厂里两百来号人四个月冇发工资了').worker_count).toBe(200);
  });
});

describe('employers told the short way', () => {
  it('when a builder or labour firm is named by brand and trade (天宏建设, 鑫泰劳务), then that firm', () => {
    expect(lead('在郑家驿镇给天宇建设做了一年的杂工 欠我三万七').employer).toBe('天宇建设');
    expect(lead('我们帮鑫福劳务做的外架 开发商讲钱给了 劳务的老板不给').employer).toBe('鑫福劳务');
  });

  it('when 建设 or 劳务 names a programme or a fee, then no firm', () => {
    expect(lead('在浔阳街道建设路的星光发型做理发师，三个月冇发').employer).toBe('星光发型');
    expect(lead('新农村建设的工地上做了两个月，包工头陈某某至今未支付劳务费').employer).toBe('陈某某');
  });

  it('when a registered co-operative starts with the county and a township, then the whole name', () => {
    expect(lead('我在沙坪镇的桃源县沙坪茶叶专业合作社做了四个月的采茶，只给了三千').employer).toBe('桃源县沙坪茶叶专业合作社');
  });

  it('when a farm base has a brand name, then the base; a base known by its crop, then its owner', () => {
    expect(lead('我在漆家河镇的兴旺蔬菜基地做了一年 老板梁运生欠我一万六').employer).toBe('兴旺蔬菜基地');
    expect(lead('在热市镇的黄桃基地做了一季，基地老板姓钟，讲好一天一百').employer).toBe('钟老板');
  });

  it('when the owner is a woman given by surname (老板娘姓杨), then 杨老板娘', () => {
    expect(lead('在街上帮人卖衣服 服装店 老板娘姓杨 三个月冇发工资哒').employer).toBe('杨老板娘');
  });

  it('when the boss is given by surname after a space (一个人开的 姓龚), then 龚老板', () => {
    expect(lead('在小卖部帮忙 就老板一个人开的 姓龚 八个月欠了一万二').employer).toBe('龚老板');
  });

  it('when a nickname is the boss (喊他小龙, 老四是包工头), then the nickname', () => {
    expect(lead('在陬市镇帮一个开网店的老板打包发货 我们都喊他小龙 一天一百二 冇给钱').employer).toBe('小龙');
    expect(lead('我们跟到老四做事 老四是我们那里的包工头 欠我们四个人 每人九千').employer).toBe('老四');
  });

  it('when the boss is described by his trade (老板是搞装修的刘某), then the name', () => {
    expect(lead('帮人装修刷墙 老板是搞装修的刘小平 刷了三套 剩下的不给了').employer).toBe('刘小平');
  });

  it('when the firm is named before a longer kind (叫鑫达货运的物流公司), then that name', () => {
    expect(lead('在物流园做装卸，给一家叫鑫发货运的物流公司干，三个月冇发').employer).toBe('鑫发货运');
  });

  it('when a delivery station is named (蜂鸟优送浔阳站), then the station', () => {
    expect(lead('我是送外卖的，跟的是蜂鸟优送浔阳站，站长叫小罗，一分都冇发').employer).toBe('蜂鸟优送浔阳站');
  });
});
