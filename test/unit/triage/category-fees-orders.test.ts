import { triageByRules } from '../../../src/triage/rule-triage';

const category = (text: string): string => triageByRules({ channel: 'wechat', text }).category;

describe('category: fees, deposits and leaving are labour matters of the speaker’s own', () => {
  it('when an employer or agency kept fees it charged (体检费, 服装费, 中介费), then labor_other', () => {
    expect(category('去商场应聘导购，上班前叫我交两百块体检费跟一百块服装费，做了三天不做了钱也不退')).toBe('labor_other');
    expect(category('在劳务中介交了八百的中介费，讲包介绍去东莞进厂，两个月了工作冇介绍，钱也不退')).toBe('labor_other');
  });

  it('when leaving costs a penalty (服务期, 违约金), then labor_other', () => {
    expect(category('我在培训机构上班，要辞职，机构讲我签了服务期，要交三千块违约金才给办离职，工资已经结清了')).toBe('labor_other');
  });

  it('when an advert offers no agency fee, then it is still an advert', () => {
    expect(category('高薪招普工 免中介费 包吃住 加微信详谈')).toBe('invalid');
  });
});

describe('category: questions with no case of the asker’s own', () => {
  it('when the job is only planned (下个礼拜去…上班, 准备过完年去…进厂), then a consultation', () => {
    expect(category('我下个月去一个厂里上班，厂里讲试用期两个月不发工资，满了再一起发，这个合法不？')).toBe('consultation');
    expect(category('我准备过完年去浙江进厂，中介讲要交三百块体检费，这个合法不？')).toBe('consultation');
  });

  it('when the question is whether one must come in person (本人去), then a consultation', () => {
    expect(category('请问欠薪投诉一定要本人去吗？在外地打工的能不能网上投诉')).toBe('consultation');
  });

  it('when an imported work order is an answered question (咨询：…已告知), then a consultation', () => {
    expect(
      category('咨询：来电人询问县劳动监察大队的办公地点和上班时间，是否需要带身份证。已告知地址及工作日时间，需携带身份证原件。'),
    ).toBe('consultation');
  });

  it('when the asker wants the lawful minimum (好多钱才合法), then a consultation', () => {
    expect(category('在县城做保洁的话 一个月最低应该发好多钱才合法')).toBe('consultation');
  });

  it('when a heard rule is asked about with the asker’s own workplace and place named, then labor_other', () => {
    expect(category('在浔阳街道一个面馆做了一年半，一直冇签劳动合同，我听说冇签合同可以要双倍工资，是真的吗？店叫老街面馆')).toBe(
      'labor_other',
    );
    expect(category('想问一下，我在厂里做了两个月还冇签合同，听别个讲不签合同可以要双倍工资，是真的吗？')).toBe('consultation');
  });
});

describe('category: a wage complaint written without a stop', () => {
  it('when a worry comes after the unpaid pay (…一分冇给我屋里老娘还在住院), then wage_arrears', () => {
    expect(category('我在街上帮五金门面的满老板送货做了四个月每个月三千讲年底一起结到现在一分冇给我屋里老娘还在住院')).toBe('wage_arrears');
  });

  it('when the injury comes before what is withheld, then it stays another labour matter', () => {
    expect(category('在厂里砸伤了手住院了老板不给钱治')).toBe('labor_other');
  });
});
