import { triageByRules } from '../../../src/triage/rule-triage';
import type { TriageResult } from '../../../src/domain/triage-result';

const read = (text: string, channel: 'wechat' | 'hotline' = 'wechat'): TriageResult => triageByRules({ channel, text });
const employer = (text: string, channel: 'wechat' | 'hotline' = 'wechat'): string | null => read(text, channel).employer;

describe('employers: studios, venues and homes, quoted names, names taken back', () => {
  it('when a studio, cinema, gym, home for the old or fruit farm is named, then that business', () => {
    expect(employer('我在县城一个画室教小孩画画，叫青禾画室，老板欠我两个月工资')).toBe('青禾画室');
    expect(employer('在浔阳街道的银河国际影城卖票，三个月工资八千一冇发')).toBe('银河国际影城');
    expect(employer('我在动感健身当私教，提成四个月冇给，大概七千')).toBe('动感健身');
    expect(employer('我妈在福寿老年公寓做护工，欠了两个月工钱五千二')).toBe('福寿老年公寓');
    expect(employer('在沙坪镇的红岭草莓园摘草莓，一天一百二做了十五天，冇结')).toBe('红岭草莓园');
  });

  it('when the kind of business is said first and its name after a clause about who runs it, then the name', () => {
    expect(employer('我在城里一家小面馆打工，老板自己开的，叫老码头，欠我一千八')).toBe('老码头');
    expect(employer('我们在一个葡萄基地打零工，叫金秋葡萄园，一天一百，做了十天冇结')).toBe('金秋葡萄园');
  });

  it('when the name is in quotation marks beside the kind of business, then the quoted name', () => {
    expect(employer('漳江街道的理发店“剪艺坊”，我做了三个月，欠我四千五')).toBe('剪艺坊');
    expect(employer('我在“小飞象”托管班当老师，工资两个月冇发')).toBe('小飞象');
  });

  it('when a name is taken back at once (X？不是，是Y), then the one said after', () => {
    expect(employer('陬市镇 金龙砖厂？不是，是那个红星砖厂，我在里面码砖，欠了两个月工钱')).toBe('红星砖厂');
  });

  it('when a township said without 镇 starts a bare trade name, then the township stays in the name', () => {
    expect(employer('我在九溪砖厂拖砖，一个月四千五，欠了三个月')).toBe('九溪砖厂');
  });

  it('when a registered name follows where the business is, then the name without the place', () => {
    expect(employer('我在浙江宁波北仑区宁波市海达塑料有限公司上班，欠了两个月工资')).toBe('宁波市海达塑料有限公司');
  });

  it('when "具体公司" or "什么厂" is said, then no business is named by it', () => {
    expect(employer('在杨溪桥镇修水渠，一个姓龚的老板包的，具体公司不晓得，欠我们三万')).toBe('龚老板');
  });
});

describe('employers: bosses by title, nickname or a description', () => {
  it('when everyone calls the boss by a title or nickname (王书记, 老黑), then that', () => {
    expect(employer('在龙潭镇修村部，是大家喊他李主任的那个人包的，三个人的工钱冇给')).toBe('李主任');
    expect(employer('我们在外地搞钢筋，带我们出去的包工头，我们都喊他老疤，欠我们每人一万')).toBe('老疤');
  });

  it('when the boss is described by where he is from before his nickname, then the nickname', () => {
    expect(employer('在茶庵铺镇帮人养牛，老板是个做生意的长沙人，大家都喊他廖总，欠我一年工钱四万')).toBe('廖总');
    expect(employer('老板是益阳来的 喊他吴总\n欠我们三个人工钱两万一')).toBe('吴总');
  });

  it('when the one who led the work is named (带我们做的叫…), then that person', () => {
    expect(employer('带我们做的叫彭五，他讲上面冇给钱，我们六个人每人五千', 'wechat')).toBe('彭五');
  });

  it('when a boss is first named 某某 and then by full name, then the full name', () => {
    expect(employer('是跟一个叫黄某某的包工头做的，全名黄德旺，欠我一万二')).toBe('黄德旺');
  });

  it("when the worker worked at a person's outlet of a trade (X的快递网点), then that person", () => {
    expect(employer('我在热市镇帮邓少华的快递网点送件，两个月工钱九千冇给')).toBe('邓少华');
  });
});

describe('projects, places and sectors read with these names', () => {
  it('when an estate is named by its own kind of name (华庭, 华城, 安置点), then the estate', () => {
    expect(read('我们在漳江街道金桂华庭做外墙，包工头欠我们三万').project).toBe('金桂华庭');
    expect(read('在陬市镇移民安置点做房子，包工头是 杨德林 欠我们 四个人 两万').project).toBe('移民安置点');
  });

  it('when a kind of road is being built (通组公路), then no project name', () => {
    expect(read('我们在牛车河镇修那个通组公路，一个姓戴的老板欠我们三万').project).toBeNull();
  });

  it('when a business is being fitted out for a boss who owes, then the business is the site', () => {
    const lead = read('黄甲铺镇清溪民宿的装修\n老板喊他龙总\n欠我们四个人三万二');
    expect(lead.employer).toBe('龙总');
    expect(lead.project).toBe('清溪民宿');
  });

  it('when the shop trades under a quoted name and the registered company pays, then the quoted name is the project', () => {
    const lead = read('浔阳街道那家“好味道快餐”，执照上是桃源县百味餐饮有限公司，欠我一个月工资二千九');
    expect(lead.employer).toBe('桃源县百味餐饮有限公司');
    expect(lead.project).toBe('好味道快餐');
  });

  it('when the worker is sent by an agency to a factory, then the factory is the project and its zone the place', () => {
    const lead = read('我是通过桃源县安达人力资源有限公司介绍到常德经开区华兴电子厂做普工的，安达扣了我一个月工资三千九');
    expect(lead.employer).toBe('桃源县安达人力资源有限公司');
    expect(lead.project).toBe('华兴电子厂');
    expect(lead.location).toBe('常德经开区');
  });

  it('when the only place is where the workers are from, then that township', () => {
    expect(read('我是郑家驿镇的，我们十个婆婆去桃源县红星茶叶专业合作社采茶，每人一千二冇给').location).toBe('郑家驿镇');
  });

  it('when the worker names a home province (回不去贵州老家), then the place of work, not the home', () => {
    expect(read('沙坪镇桃源县华美鞋业有限公司欠我八千块工资，不给的话我过年回不去四川老家').location).toBe('沙坪镇');
  });

  it('when a boss said something about another trade, then the sector is where the work was', () => {
    expect(read('浔阳街道金帆大酒店，我们六个服务员每人欠了两个月，一个月两千二，酒店讲装修花了钱').sector).toBe('services');
  });

  it('when a shop is run by a couple or opened by one boss, then individual business', () => {
    expect(read('在陬市镇的老街卤菜店做了一个月，老板两口子开的，一天一百，做了三十天冇给').sector).toBe('individual_business');
    expect(read('在陬市镇的老街卤菜店做了一个月，老板两口子开的，一天一百，做了三十天冇给').worker_count).toBe(1);
  });
});

describe('categories, counts and sums of these shapes', () => {
  it('when a supposition follows what happened (…不给的话), then the wages told before it are owed', () => {
    expect(read('三阳港镇一个纸箱厂欠我六千块工资，过年前不给的话我就回不去了').category).toBe('wage_arrears');
  });

  it('when the boss has vanished after work at a day rate, then wage arrears', () => {
    expect(read('陬市镇一个工地，管事的那个胖子讲好一天三百，我做了二十天，他人都不见哒').category).toBe('wage_arrears');
  });

  it('when the operator asks who owes and the caller names him with a sum, then wage arrears', () => {
    const text = '坐席：您好。\n来电人：我在黄甲铺镇一个楼盘做泥工。\n坐席：哪个欠的？\n来电人：一个叫汪德贵的包工头，我一个人九千。';
    expect(read(text, 'hotline').category).toBe('wage_arrears');
  });

  it('when one job was paid and a later one was not, then wage arrears', () => {
    const lead = read('我以前在金龙鞋厂做，那边工资都结清了；后来到隔壁的顺达包装厂，顺达欠我两个月，一个月四千');
    expect(lead.category).toBe('wage_arrears');
    expect(lead.employer).toBe('顺达包装厂');
  });

  it('when the asker fears the boss or will think it over, then a question about procedure stays a consultation', () => {
    expect(read('我想问一下，投诉欠薪可以不留名字吗？怕老板晓得了。\n那我先想一下。').category).toBe('consultation');
  });

  it('when wages owed to no one in particular are the premise of a question, then a consultation', () => {
    expect(read('在外省打工被欠了工资，可以回老家这边投诉不？').category).toBe('consultation');
    expect(read('我准备去做日结的小工，万一他不给钱，日结工也能投诉不？').category).toBe('consultation');
  });

  it('when the bureau is scolded for doing nothing, then invalid', () => {
    expect(read('一个个坐办公室拿工资不做事，要你们有什么用').category).toBe('invalid');
  });

  it("when each worker's own sum is told (我的…，她的…), then their total", () => {
    expect(read('欠我和我老婆两个月的工资，我的六千二，她的五千').amount_yuan).toBe(11200);
  });

  it('when a job is followed by how long (当学徒两个月), then the months times the rate', () => {
    expect(read('我在蛋糕店当学徒三个月，每月一千六，一分都冇给').amount_yuan).toBe(4800);
  });

  it('when the group is counted after 有 (我们老乡有二十几个), then that count', () => {
    expect(read('在东莞一个鞋厂，老板跑了，我们老乡有三十几个，都冇拿到工钱').worker_count).toBe(30);
  });

  it('when a line is typed word by word, then it reads as one run of text', () => {
    const lead = read('架桥镇 金山 养猪场 做了 四个月 每月 三千 老板 只 给了 六千');
    expect(lead.employer).toBe('金山养猪场');
    expect(lead.amount_yuan).toBe(6000);
  });
});

describe('employers: people described, then named', () => {
  it('when the person hired is described before the name (帮养鸡的X, 帮街上卖菜的X), then that person', () => {
    expect(employer('在郑家驿镇帮养鸭的符国庆喂鸭子，我们两个人一共一万二，他只给了四千')).toBe('符国庆');
    expect(employer('帮沙坪镇街上卖水果的聂小兵守门面，做了八个月，还差三个月工钱')).toBe('聂小兵');
  });

  it('when a person ran, hired or called in the workers (X开的, X请的, X喊我们来的), then that person', () => {
    expect(employer('茶庵铺镇街上龚三开的早餐店，我在那里帮了四个月，欠我三个月工钱')).toBe('龚三');
    expect(employer('给一个老人做护工，是他女儿邓丽请的，讲好一个月三千八，欠了两个月')).toBe('邓丽');
    expect(employer('我们在城北管网改造工程做事 是班长游大毛喊我们来的 他领了钱就不见了')).toBe('游大毛');
    expect(employer('村里修机耕道，是一个叫包德明的包的，我们五个人每人欠三千')).toBe('包德明');
  });

  it('when the house of an elder addressed by surname was built on (X大爷屋里), then that elder', () => {
    expect(employer('帮九溪镇高峰村的易大伯屋里砌围墙，是他自己请的我们，做了八天，讲好一天两百')).toBe('易大伯');
  });

  it('when a cleaning firm is known by its brand (X家保洁), then the firm, not the word for the job', () => {
    expect(employer('我是帮亮晶晶保洁做开荒保洁的，老板姓严，欠了两个月九千')).toBe('亮晶晶保洁');
  });

  it('when the shop name comes between its kind and the job (奶茶店茶小桃做兼职), then the name', () => {
    expect(employer('我在漳江街道的面包店麦香园做学徒，老板欠我两个月的工钱')).toBe('麦香园');
  });
});
