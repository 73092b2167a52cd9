import type { DispositionCode, ReferralTarget } from './disposition';
import type { TriageResult } from './triage-result';

/** What triage's reading of a complaint decides, before any case is opened. */
export type Decision =
  | { code: 'case' }
  | { code: Exclude<DispositionCode, 'lead' | 'merged'>; referral: ReferralTarget | null; faqId: string | null; reason: string };

/** Debts that are not pay for work: a company's project payment, goods, rent, a loan. */
const NOT_WAGES = /工程款|材料款|货款|房租|租金|借款|借的钱|欠款合同|设备款|运费/;

/** Which body a labour matter without unpaid wages belongs to, first match wins. */
const REFERRAL_CUES: readonly [ReferralTarget, RegExp][] = [
  ['police', /打人|殴打|威胁|恐吓|人身安全|报警|诈骗|骗子/],
  ['court', /判决|法院|起诉|强制执行|裁决书/],
  ['social_insurance', /社保|社会保险|医保|养老保险|失业保险|失业金|公积金|参保/],
  ['market_regulation', /消费|商品|假货|营业执照|无照经营|退款|12315/],
];

/** A place with an administrative suffix that is not this county's (no township of ours was found in it). */
const ADMINISTRATIVE = /省|市|州|县|区/;
/** Places whose names hold 区 or 市 without being a district or a city (工业集中区, 小区, 农贸市场). */
const NOT_ADMINISTRATIVE =
  /工业集中区|工业园区|工业区|园区|开发区|小区|景区|社区|城区|片区|厂区|校区|库区|院区|[A-Za-z0-9一二三四五六七八九十]+区|市场|超市|菜市|集市|夜市/g;
/** The county by name, or its seat as residents say it (县城, 本县): in the county though no township is named. */
const THIS_COUNTY = /桃源|县城|本县|我县|县里/;

/**
 * The disposition triage's reading gives a complaint: a case (opened or joined by the caller), or
 * why not. A wage complaint that names no employer, project, place, amount or phone number has
 * nothing an inspector can act on and waits for review instead of opening an empty case.
 */
export function decideDisposition(
  t: TriageResult,
  text: string,
  opts: { faqIdFor: (text: string) => string | null; phoneKnown: boolean },
): Decision {
  const elsewhere =
    !t.area && t.location !== null && ADMINISTRATIVE.test(t.location.replace(NOT_ADMINISTRATIVE, '')) && !THIS_COUNTY.test(t.location);
  switch (t.category) {
    case 'wage_arrears': {
      const actionable = [t.employer, t.project, t.location, t.area, t.amount_yuan].some((v) => v !== null) || opts.phoneKnown;
      if (!actionable) return { code: 'needs_details', referral: null, faqId: null, reason: '未说明欠薪单位、项目、地点、金额和联系电话' };
      if (elsewhere) return { code: 'referred', referral: 'outside_county', faqId: null, reason: `用工地在本县以外（${t.location}）` };
      return { code: 'case' };
    }
    case 'consultation':
      return { code: 'consultation_answered', referral: null, faqId: opts.faqIdFor(text), reason: '咨询政策或程序，未反映本人具体欠薪' };
    case 'progress_query':
      return { code: 'progress_query', referral: null, faqId: null, reason: '查询已反映事项的进展' };
    case 'labor_other': {
      const target = elsewhere ? 'outside_county' : (REFERRAL_CUES.find(([, cue]) => cue.test(text))?.[0] ?? 'labour_arbitration');
      return { code: 'referred', referral: target, faqId: null, reason: '其他劳动权益事项，未反映拖欠工资' };
    }
    case 'invalid': {
      const debt = NOT_WAGES.exec(text)?.[0];
      if (debt) {
        const referral: ReferralTarget = /工程款|材料款|设备款/.test(debt) ? 'housing_construction' : 'court';
        return { code: 'not_wage_arrears', referral, faqId: null, reason: `反映的是${debt}，不是工资` };
      }
      return { code: 'spam_or_empty', referral: null, faqId: null, reason: text.trim() ? '与欠薪无关的信息' : '空白信息' };
    }
  }
}
