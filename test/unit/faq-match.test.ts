import { FAQ_FALLBACK, faqReply, matchFaq, type FaqEntry } from '../../src/domain/faq';
import { faqSeed } from '../../src/services/faq/faq-seed';

const seed = faqSeed(new Date(0));
const entry = (over: Partial<FaqEntry>): FaqEntry => ({
  id: 'x',
  keywords: [],
  answer: '答复',
  source: '《劳动法》',
  enabled: true,
  order: 100,
  updatedAt: new Date(0),
  updatedBy: 'system',
  ...over,
});

describe('the shipped FAQ', () => {
  it('when it is written, then it has at least 20 entries with unique ids, keywords, an answer and a source naming a law or regulation', () => {
    expect(seed.length).toBeGreaterThanOrEqual(20);
    expect(new Set(seed.map((e) => e.id)).size).toBe(seed.length);
    for (const e of seed) {
      expect(e.keywords.length).toBeGreaterThan(0);
      expect(e.answer.length).toBeGreaterThan(30);
      expect(e.source).toMatch(/《[^》]+》/);
    }
  });

  it('when the former built-in answers are looked for, then their ids are still there', () => {
    expect(seed.map((e) => e.id)).toEqual(expect.arrayContaining(['arbitration', 'where_to_complain', 'subcontracting', 'pay_schedule']));
  });

  it.each([
    ['请问劳动仲裁怎么申请，要不要钱？', 'arbitration'],
    ['欠薪打12345还是12333？', 'where_to_complain'],
    ['分包单位不给钱，总包管不管？', 'subcontracting'],
    ['工资应该多久发一次？', 'pay_schedule'],
    ['请问辞职了工资什么时候结清', 'pay_on_leaving'],
    ['请问计件工资怎么发', 'piece_rate'],
    ['投诉要准备哪些证据', 'evidence'],
    ['老板打的欠条能直接去法院告吗', 'iou'],
    ['投诉以后多久能处理完', 'after_complaint'],
    ['仲裁不服还能去法院吗', 'court'],
    ['包工头跑了工资找谁要', 'contractor_absconded'],
    ['请问工资保证金是什么', 'wage_deposit'],
    ['工地实名制登记有什么用', 'real_name'],
    ['老板把我的工资卡扣着不给', 'dedicated_account'],
    ['请问拒不支付劳动报酬罪怎么判', 'refusal_to_pay_crime'],
    ['请问加班费怎么算', 'overtime'],
    ['请问最低工资标准是多少', 'minimum_wage'],
    ['单位没给我交社保怎么办', 'social_insurance'],
    ['在工地摔伤了算不算工伤', 'work_injury'],
    ['没签合同能要到工资吗', 'no_contract'],
    ['老板随便扣工资合法吗', 'deductions'],
    ['公司倒闭了工资还能要吗', 'employer_closed'],
    ['劳务派遣公司不发工资找谁', 'dispatch'],
    ['欠薪可以先调解吗', 'mediation'],
    ['请不起律师怎么办，有法律援助吗', 'legal_aid'],
  ])('when a worker asks “%s”, then %s answers', (question, id) => {
    expect(matchFaq(seed, question).id).toBe(id);
  });
});

describe('matching a question to an entry', () => {
  it('when two entries fit, then the longer keyword wins, and the smaller order on a tie', () => {
    const entries = [entry({ id: 'wages', keywords: ['工资'], order: 1 }), entry({ id: 'deposit', keywords: ['工资保证金'], order: 9 })];
    expect(matchFaq(entries, '工资保证金怎么用').id).toBe('deposit');
    const tie = [entry({ id: 'b', keywords: ['仲裁'], order: 20 }), entry({ id: 'a', keywords: ['法院'], order: 10 })];
    expect(matchFaq(tie, '仲裁还是法院').id).toBe('a');
  });

  it('when a keyword joins terms with “+”, then every term must be there', () => {
    const entries = [entry({ id: 'ran', keywords: ['包工头+跑'] })];
    expect(matchFaq(entries, '包工头跑路了').id).toBe('ran');
    expect(matchFaq(entries, '包工头不接电话').id).toBe(FAQ_FALLBACK.id);
  });

  it('when an entry is disabled, then it answers nobody', () => {
    const entries = [entry({ id: 'off', keywords: ['仲裁'], enabled: false })];
    expect(matchFaq(entries, '怎么申请仲裁')).toEqual(FAQ_FALLBACK);
  });

  it('when the question is written in full-width digits or capitals, then it still matches', () => {
    const entries = [entry({ id: 'hotline', keywords: ['12333', 'app'] })];
    expect(matchFaq(entries, '打１２３３３可以吗').id).toBe('hotline');
    expect(matchFaq(entries, '有没有APP').id).toBe('hotline');
  });

  it('when an answer is given, then its source follows it', () => {
    expect(faqReply({ id: 'x', answer: '仲裁不收费。', source: '《劳动争议调解仲裁法》第五十三条' })).toBe(
      '仲裁不收费。\n（依据：《劳动争议调解仲裁法》第五十三条）',
    );
  });
});
