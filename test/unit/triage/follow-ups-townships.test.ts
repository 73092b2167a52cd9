import { triageByRules } from '../../../src/triage/rule-triage';

const lead = (text: string) => triageByRules({ channel: 'wechat', text });

describe('follow-ups about a matter the office already knows', () => {
  it('when the worker asks how the known matter stands, then a progress query', () => {
    expect(lead('上次讲的宏达厂的事怎么样了？厂里今天贴了通知，讲月底先发一个月').category).toBe('progress_query');
    expect(lead('新华纺织的事有结果冇？今天厂里讲年前只能发一个月').category).toBe('progress_query');
    expect(lead('恒达的事有进展冇？我前面发过，就是工业园李老板那个').category).toBe('progress_query');
    expect(lead('锦华服饰的工资怎么样了，老板讲学校的校服款冇收回来').category).toBe('progress_query');
    expect(lead('电子厂王老板那边的工资还冇消息吗，车间的人天天在群里问').category).toBe('progress_query');
  });

  it('when the worker asks when the inspectors will come, then a progress query', () => {
    expect(lead('请问你们哪天来碧水苑核查？物业经理讲要等你们来了再讲').category).toBe('progress_query');
  });
});

describe('pay put off again and again is pay owed', () => {
  it('when the boss keeps promising a later date, then wage arrears', () => {
    expect(lead('强哥讲的下个月发，到了下个月又讲下个月，我做保洁的，两个月四千八').category).toBe('wage_arrears');
    expect(lead('在沅兴路一家湘菜馆洗碗，两个月工钱五千块一直讲过几天给').category).toBe('wage_arrears');
    expect(lead('曾老板讲元旦后给钱，元旦过了又冇得消息了，沅澧花园那个').category).toBe('wage_arrears');
  });

  it('when the pay has not come on time (冇按时发), then it is not read as paid', () => {
    expect(lead('热市镇温泉山庄的员工，十月份开始工资就冇按时发了，二十几个人都冇拿到').category).toBe('wage_arrears');
  });

  it('when the worker asks when the money can be had, then wage arrears', () => {
    expect(lead('四哥的钱到底什么时候能拿到？郑家驿修路那边的，我们从八月份做到十一月份').category).toBe('wage_arrears');
  });
});

describe('bosses and townships told the short way', () => {
  it('when a township is written without 镇 (九溪, 陬市), then it is the place and its township', () => {
    expect(lead('我在九溪做事，老板欠我两个月工钱').location).toBe('九溪');
    expect(lead('我在九溪做事，老板欠我两个月工钱').area).toBe('九溪镇');
    expect(lead('沙坪那个砂场欠我工资三个月').area).toBe('沙坪镇');
  });

  it('when the bare name is also a common word (架桥), then only before a landmark', () => {
    expect(lead('架桥中学那个食堂的工资还冇发').area).toBe('架桥镇');
    expect(lead('我们在河上架桥，包工头欠我们工钱').area).toBeNull();
  });

  it('when a village shares the name, then the village', () => {
    expect(lead('沙坪村的砂场欠我工资').location).toBe('沙坪村');
  });

  it('when the boss is called by a nickname after his role (包头老四), then the nickname', () => {
    expect(lead('修路的，包头老四欠我们工钱，十几个人，一个都冇结').employer).toBe('老四');
  });

  it('when the crew leader is given by surname (班组长姓向), then 向老板', () => {
    expect(lead('卫生院新楼扎钢筋的，我们班组长姓向，两个月的钱冇给').employer).toBe('向老板');
  });
});
