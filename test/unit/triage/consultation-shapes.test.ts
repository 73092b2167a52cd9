import { classify } from '../../../src/triage/rules/category';
import { triageByRules } from '../../../src/triage/rule-triage';

describe('consultation: questions about rules without a case of their own', () => {
  it('when a rule about arrears is asked with no employer, place or sum, then it is a consultation', () => {
    expect(classify('请问单位拖欠工资多长时间可以去申请仲裁？')).toBe('consultation');
    expect(classify('工地老板欠工资不给，劳动监察管不管？')).toBe('consultation');
  });

  it('when an imported work order begins 咨询： or 来电咨询, then the same rule holds', () => {
    expect(classify('咨询：用人单位拖欠工资，劳动者能否解除合同并要求补偿？')).toBe('consultation');
    expect(classify('来电咨询：来电人询问老板拖欠工资超过一年还能不能投诉。')).toBe('consultation');
  });

  it('when the question comes on a hotline, then it is a consultation too', () => {
    const text = '坐席：您好，请讲。\n来电人：请问公司拖欠工资多久可以申请劳动仲裁？\n坐席：一般是一年内。\n来电人：好的，谢谢。';
    expect(triageByRules({ channel: 'hotline', text }).category).toBe('consultation');
  });

  it('when someone else is owed in a clause that is itself the question, then it is a consultation', () => {
    expect(classify('外地人在这里打工被欠了工资可以投诉吗？')).toBe('consultation');
  });

  it('when the question is how or where to complain, then it is a consultation', () => {
    expect(classify('能不能在手机上投诉？有没有公众号？')).toBe('consultation');
  });
});

describe('wage_arrears: a question that also tells the asker’s own case', () => {
  it('when the asker names an employer, a sum or a place, then it stays wage_arrears', () => {
    expect(classify('请问锦鸿服饰有限公司欠我工资六千怎么办？')).toBe('wage_arrears');
    expect(classify('我在茶庵铺镇一个工地，老板欠我两个月工资，请问可以去哪里投诉？')).toBe('wage_arrears');
  });

  it('when a work order tells the caller’s case in the third person, then it stays wage_arrears', () => {
    expect(classify('咨询：来电人称其在工地做事，包工头欠其工钱八千元，想了解如何投诉。')).toBe('wage_arrears');
  });

  it('when the event is told in a clause of its own, then it stays wage_arrears', () => {
    expect(classify('厂里拖了两个月工资了，哪里可以投诉？')).toBe('wage_arrears');
  });
});

describe('category: other boundaries', () => {
  it('when wages owed earlier have all been paid and the question is about compensation, then it is labor_other', () => {
    expect(classify('之前拖的工资老板上个月已经全部给了，但是他把我辞退了，能不能要经济补偿？')).toBe('labor_other');
    expect(classify('老板欠我的钱后来你们帮我要回来了，钱都拿到了，还能不能要利息？')).toBe('labor_other');
  });

  it('when 还差 describes a manner rather than a sum, then it is no unpaid signal', () => {
    expect(classify('我在面馆吃面，老板服务还差，我要投诉他')).toBe('invalid');
  });

  it('when the last wage with its sum is owed beside a deposit, then it is wage_arrears', () => {
    expect(classify('在超市做收银，离职了，最后一个月工资2800还有押金都冇退给我')).toBe('wage_arrears');
  });

  it('when the caller asks after a complaint made by phone or papers handed in, then it is a progress_query', () => {
    expect(classify('我前几天打过你们电话反映欠薪的事，你们说三天内有人联系我，现在都冇人打给我')).toBe('progress_query');
    expect(classify('请问我上个礼拜交上去的投诉材料审核了冇？')).toBe('progress_query');
  });
});
