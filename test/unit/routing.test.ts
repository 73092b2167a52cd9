import { routeLead } from '../../src/domain/routing';
import { TAOYUAN_TOWNSHIPS } from '../../src/triage/lexicon/taoyuan-gazetteer';

describe('routing a case', () => {
  it('when the place of work names a township, then the case goes to it; a same-named city elsewhere does not', () => {
    expect(routeLead({ location: '陬市镇工业园', sector: null, urgency: 'normal' }, TAOYUAN_TOWNSHIPS).area).toBe('陬市镇');
    expect(routeLead({ location: '西安市雁塔区', sector: null, urgency: 'normal' }, TAOYUAN_TOWNSHIPS).area).toBeNull();
  });

  it('when triage gives an area, then the case goes to it even though the place of work is a street', () => {
    expect(routeLead({ location: '银杏路', area: '漳江街道', sector: null, urgency: 'normal' }, TAOYUAN_TOWNSHIPS).area).toBe('漳江街道');
  });

  it('when the area is missing or not a township of the gazetteer, then the township in the place of work is used', () => {
    expect(routeLead({ location: '龙潭镇石桥村', area: null, sector: null, urgency: 'normal' }, TAOYUAN_TOWNSHIPS).area).toBe('龙潭镇');
    expect(routeLead({ location: '龙潭镇石桥村', area: '长沙县', sector: null, urgency: 'normal' }, TAOYUAN_TOWNSHIPS).area).toBe('龙潭镇');
  });

  it('when a street is named after a township, then the first township written is the one (桃花源路 in 浔阳街道)', () => {
    expect(routeLead({ location: '浔阳街道桃花源路', sector: null, urgency: 'normal' }, TAOYUAN_TOWNSHIPS).area).toBe('浔阳街道');
  });

  it('when the sector or the works are known, then the responsible department follows; urgency sets the priority', () => {
    expect(routeLead({ location: null, sector: 'construction', urgency: 'high', project: '锦华苑小区' }, TAOYUAN_TOWNSHIPS)).toMatchObject({
      department: '县住房和城乡建设局',
      priority: 'urgent',
    });
    expect(
      routeLead({ location: null, sector: 'construction', urgency: 'normal', project: '桃九公路改造工程' }, TAOYUAN_TOWNSHIPS).department,
    ).toBe('县交通运输局');
    expect(
      routeLead({ location: null, sector: 'construction', urgency: 'normal', project: '牛车河水库除险加固工程' }, TAOYUAN_TOWNSHIPS)
        .department,
    ).toBe('县水利局');
    expect(
      routeLead({ location: null, sector: 'delivery', urgency: 'normal' }, TAOYUAN_TOWNSHIPS, { delivery: '县邮政管理局' }).department,
    ).toBe('县邮政管理局');
  });
});
