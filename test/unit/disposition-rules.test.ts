import { decideDisposition } from '../../src/domain/disposition-rules';
import type { TriageResult } from '../../src/domain/triage-result';

const wage = (fields: Partial<TriageResult>): TriageResult => ({
  category: 'wage_arrears',
  employer: null,
  project: null,
  location: null,
  area: null,
  amount_yuan: null,
  worker_count: null,
  phone: null,
  sector: null,
  urgency: 'normal',
  ...fields,
});
const opts = { faqIdFor: () => null, phoneKnown: false };

describe('the disposition triage gives a wage complaint', () => {
  it('when the work was in the county seat (县城, no township named), then it opens a case rather than a referral elsewhere', () => {
    for (const location of ['县城', '县城人民路', '桃源县城', '本县']) {
      expect(decideDisposition(wage({ employer: '丽姿制衣厂', location }), '县城丽姿制衣厂欠我工资', opts)).toEqual({ code: 'case' });
    }
  });

  it('when the work was in another county or city, then it is referred there with the reason', () => {
    for (const location of ['长沙雨花区', '常德市武陵区', '浙江宁波北仑区', '汉寿县太子庙镇']) {
      expect(decideDisposition(wage({ employer: '某公司', location }), '欠我工资', opts)).toMatchObject({
        code: 'referred',
        referral: 'outside_county',
      });
    }
  });

  it('when nothing an inspector could act on is given, then it waits for review; a known phone number is enough to act', () => {
    expect(decideDisposition(wage({}), '老板欠我工资', opts).code).toBe('needs_details');
    expect(decideDisposition(wage({}), '老板欠我工资', { ...opts, phoneKnown: true }).code).toBe('case');
  });
});

describe('the disposition of a wage complaint from an industrial zone or a market', () => {
  it('when the place is a zone, an estate or a market of the county (工业集中区, 小区, 农贸市场), then it opens a case', () => {
    for (const location of ['工业集中区', '阳光小区', '农贸市场', '开发区']) {
      expect(decideDisposition(wage({ employer: '湘桃电子', location }), '欠我工资', opts)).toEqual({ code: 'case' });
    }
  });
});
