import { triageByRules } from '../../../src/triage/rule-triage';
import { mergeArea } from '../../../src/triage/llm/llm-output';
import type { TriageResult } from '../../../src/domain/triage-result';

const triage = (text: string): TriageResult => triageByRules({ channel: 'wechat', text });
const places = (text: string): Pick<TriageResult, 'location' | 'area'> => {
  const { location, area } = triage(text);
  return { location, area };
};

describe('location: the most specific place as written', () => {
  it('when a street follows its township, then both are kept and the area is the township', () => {
    expect(places('我在浔阳街道枫杨路的一家茶馆端茶，老板欠我工资两千六')).toEqual({ location: '浔阳街道枫杨路', area: '浔阳街道' });
  });

  it('when the street is named apart from the township, then the street is the location and the township the area', () => {
    expect(places('我在漳江街道打工，店在银杏路，老板欠我三个月工资')).toEqual({ location: '银杏路', area: '漳江街道' });
  });

  it('when a named park follows its township, then the park stays in the location', () => {
    expect(places('在热市镇银湖工业园的一个厂里做包装，两个月工资冇发')).toEqual({ location: '热市镇银湖工业园', area: '热市镇' });
  });

  it('when a village is joined to its township by 的, then the village is kept without the 的', () => {
    expect(places('在盘塘镇的青枫村帮人栽辣椒，工钱冇给')).toEqual({ location: '盘塘镇青枫村', area: '盘塘镇' });
  });

  it('when a shopping street and floor are named, then they are kept as the place', () => {
    expect(triage('在浔阳街道的美食步行街三楼一家火锅店洗碗，欠我工资两千').location).toBe('浔阳街道美食步行街三楼');
  });

  it('when a village is written right after the township introduced by 在, then the village is the place', () => {
    expect(places('我在龙潭镇，杉树村那边帮人建房，老板欠我工钱五千')).toEqual({ location: '杉树村', area: '龙潭镇' });
  });

  it('when the boss lives in a village, then his home is not the place of work', () => {
    expect(places('在九溪镇的茶园采茶，老板住在石门坎村，欠我工钱一千五')).toEqual({ location: '九溪镇', area: '九溪镇' });
  });

  it('when the caller names a place and then takes it back, then the area follows the corrected place', () => {
    expect(places('我在剪市镇……不对，是在理公港镇帮人砌围墙，工钱冇结')).toEqual({ location: '理公港镇', area: '理公港镇' });
  });
});

describe('places outside the county', () => {
  it('when the work was in another county, then the place is kept as written and there is no area', () => {
    expect(places('我是架桥镇的，在长沙星沙一家汽修厂做学徒，欠我工资四千')).toEqual({ location: '长沙星沙', area: null });
  });

  it('when the place is written in traditional characters, then it is kept as written', () => {
    expect(triage('在浙江義烏一个饰品厂串珠子，老板欠我工资九千').location).toBe('浙江義烏');
  });

  it('when a district of another city is named alone after 在, then it is the place', () => {
    expect(places('我在龙华区一个电子厂上班，厂里欠我工资一万二')).toEqual({ location: '龙华区', area: null });
  });

  it('when a province is named with 在 and a city in it after, then the city is the place, not the province', () => {
    expect(places('在广东打工，惠州那边一个玩具厂，欠我工资八千')).toEqual({ location: '惠州', area: null });
  });

  it('when the county is named after a place elsewhere, then it does not replace that place', () => {
    expect(triage('在江苏常州一个厂，我们桃源去的有五个人，每人欠六千').location).toBe('江苏常州');
  });

  it('when a township elsewhere shares a city name, then the township is kept whole', () => {
    expect(triage('在黄石镇一个养猪场喂猪，老板欠我半年工钱').location).toBe('黄石镇');
  });
});

describe('area from the whole text', () => {
  it('when the caller names only a street and the operator names the township, then the area is the township', () => {
    const lead = triageByRules({
      channel: 'hotline',
      text: '坐席：您好，请讲。\n来电人：我在杉木巷一家米粉店做事，老板欠我工资两千。\n坐席：杉木巷是陬市镇的吧？\n来电人：是的。',
    });
    expect(lead.location).toBe('杉木巷');
    expect(lead.area).toBe('陬市镇');
  });

  it('when the place of work names no township of the county, then there is no area', () => {
    expect(triage('在县城一个工地做小工，包工头欠我工钱三千').area).toBeNull();
  });
});

describe('area of an LLM answer', () => {
  it('when the model names no area, then the township in its location is used, else the rules area', () => {
    expect(mergeArea(undefined, '龙潭镇石桥村', '浔阳街道')).toBe('龙潭镇');
    expect(mergeArea(null, '银杏路', '漳江街道')).toBe('漳江街道');
  });

  it('when the model names a township of the gazetteer, then it is kept; anything else is not', () => {
    expect(mergeArea('沙坪镇', '沙坪镇', null)).toBe('沙坪镇');
    expect(mergeArea('长沙县', '长沙县星沙街道', null)).toBeNull();
  });
});
