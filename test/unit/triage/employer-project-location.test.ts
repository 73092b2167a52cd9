import { triageByRules } from '../../../src/triage/rule-triage';
import type { TriageResult } from '../../../src/domain/triage-result';

const triage = (text: string): TriageResult => triageByRules({ channel: 'wechat', text });

describe('employer', () => {
  it('when a company is named, then the most specific organisation is the employer', () => {
    expect(triage('湖南远山建设有限公司桃源项目部欠我们人工费二十万').employer).toBe('湖南远山建设有限公司桃源项目部');
  });

  it('when a factory is named after a township, then the township is left out of the name', () => {
    const lead = triage('我在龙潭镇青松木业厂做了半年，厂里欠我工资九千');
    expect(lead.employer).toBe('青松木业厂');
    expect(lead.location).toBe('龙潭镇');
  });

  it('when only a trade word precedes the suffix, then it is not an employer', () => {
    expect(triage('在县城一个物流公司上班，老板叫范志远，欠我工资五千').employer).toBe('范志远');
  });

  it('when a contractor is named, then the person is the employer', () => {
    expect(triage('包工头柯国强跑路了，欠我们工钱三万').employer).toBe('柯国强');
  });

  it('when the boss is only known by surname, then the employer is X老板', () => {
    expect(triage('姓宁的老板在沙坪镇开了个砖厂，欠我工钱四千').employer).toBe('宁老板');
  });
});

describe('project', () => {
  it('when a site is named after the township, then the project is the site alone', () => {
    expect(triage('在三阳港镇滨湖花园二期工地做泥工，青云劳务队欠我工资1万').project).toBe('滨湖花园二期');
  });

  it('when only "a site" is mentioned, then there is no project', () => {
    expect(triage('在九溪镇一个工地做事，包工头欠我工钱八千').project).toBeNull();
  });
});

describe('location', () => {
  it('when the speaker names a home town and a place of work, then the place of work is taken', () => {
    expect(triage('我是茶庵铺镇的，在广东佛山南海区一个工厂做事，厂里欠我工资两万').location).toBe('广东佛山南海区');
  });

  it('when a township and village are written together, then both are kept', () => {
    expect(triage('在观音寺镇红星村修水渠，老板欠我工钱六千').location).toBe('观音寺镇红星村');
  });

  it('when a township is written short before 工业园, then the park is the location', () => {
    expect(triage('我们是陬市工业园那个宏光电子有限公司的工人，两个月冇发工资').location).toBe('陬市工业园');
  });

  it('when the place is outside the gazetteer, then a general 镇 pattern still finds it', () => {
    expect(triage('在溪口镇一个饭店洗碗，老板欠我工资三千').location).toBe('溪口镇');
  });
});
