import { findPlanted } from './number-forms';

/**
 * Fictional complaints that carry fictional personal data (a mobile number, an 18-digit ID number and a
 * name), so that case 15 can look for raw copies of every one of them wherever the run wrote anything.
 */
const NAMES = ['覃春生', '滕秋菊', '符永旺', '瞿海棠', '邝德明', '靳小满', '庹桂香', '郄志远', '冼家宝', '芮明霞'] as const;
const PLACES = ['漳江街道', '陬市镇', '盘塘镇', '热市镇', '牛车河镇', '剪市镇', '黄甲铺镇', '茶庵铺镇'] as const;
const MARKS = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土东西南北中';
const TRADES = ['建筑公司', '劳务公司', '纸箱厂', '石材厂', '砖厂', '米厂', '装饰公司', '物流公司'] as const;

export interface Person {
  name: string;
  phone: string;
  idNumber: string;
}

/** The i-th fictional person: phones 1387777xxxx, ID numbers 43072319900101xxxX. */
export function person(i: number): Person {
  const n = i % 10_000;
  return {
    name: NAMES[i % NAMES.length]!,
    phone: `1387777${String(n).padStart(4, '0')}`,
    idNumber: `43072319900101${String(n % 1000).padStart(3, '0')}X`,
  };
}

/** A distinct employer per i (two invented characters and a trade), so complaints do not merge into one case. */
export function employer(i: number): string {
  const a = MARKS[i % MARKS.length]!;
  const b = MARKS[Math.floor(i / MARKS.length) % MARKS.length]!;
  return `${a}${b}${TRADES[Math.floor(i / (MARKS.length * MARKS.length)) % TRADES.length]}`;
}

export function complaintText(i: number, tag = ''): string {
  const p = person(i);
  const place = PLACES[i % PLACES.length]!;
  return `我叫${p.name}，身份证号${p.idNumber}。我在${place}的${employer(i)}做了三个月，老板欠我工资${3000 + (i % 50) * 100}元一直不给，就我一个人，电话${p.phone}。${tag}`;
}

/** A signed-feed transcript payload for complaint i; the caller's number is given as a field too. */
export function hotlinePayload(i: number, callId: string, tag = '') {
  return {
    callId,
    receivedAt: new Date().toISOString(),
    callerPhone: person(i).phone,
    operator: '坐席07',
    transcript: [
      { speaker: 'agent', text: '您好，根治欠薪热线，请讲。' },
      { speaker: 'caller', text: complaintText(i, tag) },
    ],
  };
}

/** Every raw value the run may have sent, to search for. */
export class PiiRegistry {
  readonly phones = new Set<string>();
  readonly ids = new Set<string>();
  readonly names = new Set<string>(NAMES);

  note(i: number): void {
    const p = person(i);
    this.phones.add(p.phone);
    this.ids.add(p.idNumber);
  }

  /** Copies in one piece of text, in any written form (see number-forms.ts): each phone, ID number and name found. */
  find(text: string): string[] {
    const hits = findPlanted(text, this);
    for (const n of this.names) if (text.includes(n)) hits.push(`name ${n}`);
    return hits;
  }
}

export const pii = new PiiRegistry();
