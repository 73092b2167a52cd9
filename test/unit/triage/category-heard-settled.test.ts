import { triageByRules } from '../../../src/triage/rule-triage';

const category = (text: string, channel: 'wechat' | 'hotline' = 'wechat') => triageByRules({ channel, text }).category;

describe('category: asking whether a rule one heard of is true', () => {
  it('when the asker heard of a rule and asks if it is true while nothing went wrong, then consultation', () => {
    expect(category('我在超市上班快半年了，一直冇签合同，听人家讲不签合同可以要双倍工资，这个是不是真的？工资倒是按时发的')).toBe(
      'consultation',
    );
    expect(category('听工友说加班费要按1.5倍算，是真的吗？我们厂现在是正常发工资的')).toBe('consultation');
  });

  it('when the asker was dismissed as well, then it is a labour matter of their own', () => {
    expect(category('我听说冇签合同可以要双倍工资，老板上个月把我辞了，是不是？')).toBe('labor_other');
  });
});

describe('category: questions before a job starts and about how to complain', () => {
  it('when someone about to start a job asks whether a fee is lawful, then consultation', () => {
    expect(category('我过完年想去东莞进厂，中介讲要交八百块介绍费，这个合法不？')).toBe('consultation');
  });

  it('when a work order asks how to join an insurance scheme in towns, then consultation (城镇 is no township)', () => {
    expect(category('咨询：来电人询问在城镇打零工的人怎么交医保，去哪里办。', 'hotline')).toBe('consultation');
  });

  it('when the arrears are only what one would complain about, then consultation', () => {
    expect(category('投诉欠薪要带什么材料？可不可以网上投诉？')).toBe('consultation');
    expect(category('坐席：您好。\n来电人：举报拖欠工资要本人去吗？', 'hotline')).toBe('consultation');
  });
});

describe('category: a settled matter and an earlier mediation', () => {
  it('when the worker thanks the office for money already received, then invalid', () => {
    expect(category('多谢你们，上次反映的工钱已经拿到手了，辛苦了')).toBe('invalid');
  });

  it('when the worker thanks but asks why nobody called back, then a progress query', () => {
    expect(category('谢谢，上次投诉的那个事怎么还没人联系我？')).toBe('progress_query');
  });

  it('when an office mediated before and the boss still has not paid, then a progress query', () => {
    expect(category('我们的事去年劳动站调解过了，老板讲年底给，现在还是冇给，你们管不管？')).toBe('progress_query');
    expect(category('坐席：请讲。\n来电人：上个月镇里劳动站调解好了，老板答应月底给，现在月底都过了还冇给。', 'hotline')).toBe(
      'progress_query',
    );
  });
});

describe('category: 就给了 with a sum is a part payment', () => {
  it('when the worker says the boss "just gave" a sum after months of work, then wage arrears', () => {
    expect(category('帮人喂猪，一个月三千，做了四个月，就给了四千')).toBe('wage_arrears');
    expect(category('在砖厂做了半年，一个月4k，老板就给了6k')).toBe('wage_arrears');
  });
});

describe('category: wages paid in full after a complaint', () => {
  it('when the worker thanks the office because the arrears were all paid, then invalid', () => {
    expect(category('感谢劳动监察大队，老板今天把拖欠的工资全部给我们了！')).toBe('invalid');
    expect(category('谢谢你们帮忙，欠的工钱都结给我了')).toBe('invalid');
  });
});

describe("category: an office's mediation referred to, and wages a contractor cannot pay", () => {
  it('when the worker refers to the mediation the office did, then a progress query', () => {
    expect(category('上次你们调解的那个事，老板讲这个月底给钱，结果又冇给')).toBe('progress_query');
  });

  it("when a contractor says his workers' wages cannot be paid (发不出来), then wage arrears despite the project money", () => {
    expect(category('我是包工头，业主欠我工程款八十万，我手下工人的工资也发不出来了')).toBe('wage_arrears');
    expect(category('老板讲公司冇钱，这个月工资付不出，我们三个月没拿到钱了')).toBe('wage_arrears');
  });
});

describe('category: less paid than agreed or worked, said without an unpaid word', () => {
  it('when a sum was agreed and less was paid, then wage arrears', () => {
    expect(category('在架桥镇帮人做了一个月装修，讲好八千，给了三千')).toBe('wage_arrears');
    expect(category('坐席：请讲。\n来电人：我帮人砌了个猪栏，说好四千块，他拿了一千五给我就不管了。', 'hotline')).toBe('wage_arrears');
  });

  it('when fewer months were paid than worked, then wage arrears', () => {
    expect(category('做了三个月，每月四千，发了一个月的，老板是那个姓苏的女老板')).toBe('wage_arrears');
    expect(category('在超市上了五个月班，一个月两千二，只发了两个月')).toBe('wage_arrears');
  });

  it('when the pay is said to be short with 差我们, then wage arrears', () => {
    expect(category('姓孔的包工头在三阳港镇搞的安置房，差我们工钱三万多，我们四个人')).toBe('wage_arrears');
  });
});

describe('category: overtime pay none of which was paid, and a renovation bill', () => {
  it('when overtime pay is said to be wholly unpaid, then wage arrears beside the hours', () => {
    expect(category('厂里每天加班到晚上十点，加班费一分都没有')).toBe('wage_arrears');
    expect(category('在超市上班天天加班，加班工资一分钱也冇给过')).toBe('wage_arrears');
  });

  it('when a renovation boss is owed the bill by a customer, then invalid', () => {
    expect(category('我是搞装修的老板，客户欠我装修款三万，怎么办')).toBe('invalid');
  });
});
