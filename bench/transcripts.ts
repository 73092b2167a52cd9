import { signHotlineBody } from '../src/http/hotline-signature';
import { TAOYUAN_TOWNSHIPS } from '../src/triage/lexicon/taoyuan-gazetteer';

/**
 * Fictional hotline calls for the benchmark: many employers across the county's townships, and crews
 * where several workers call about the same employer (so some complaints join a case, as in life).
 */
const FIRST = ['宏', '鑫', '恒', '锦', '瑞', '华', '盛', '福', '顺', '泰', '兴', '达', '隆', '昌', '嘉', '裕', '祥', '富', '安', '德'];
const SECOND = ['远', '达', '泰', '源', '发', '城', '晟', '峰', '辉', '通', '邦', '建', '信', '和', '丰', '运', '成', '宇', '润', '联'];
const TRADES = [
  { kind: '建设工程有限公司', site: '安置小区项目', work: '粉刷' },
  { kind: '建筑劳务有限公司', site: '商住楼项目', work: '木工' },
  { kind: '鞋业有限公司', site: '厂里', work: '车位' },
  { kind: '电子科技有限公司', site: '车间', work: '装配' },
  { kind: '纸箱厂', site: '厂里', work: '打包' },
  { kind: '餐饮管理有限公司', site: '饭店', work: '帮厨' },
];
const NUMBERS = ['一', '两', '三', '四', '五', '六', '七', '八', '九'];

export interface Transcript {
  callId: string;
  receivedAt: string;
  callerPhone: string;
  operator: string;
  transcript: { speaker: 'agent' | 'caller'; text: string }[];
}

/** The i-th call of a run: every `crew`-th employer is called about by a few workers (they merge into one case). */
export function transcript(run: string, i: number): Transcript {
  // Groups of four calls share an employer one time in four; the others each name an employer of their own.
  const employerIndex = i % 16 < 4 ? Math.floor(i / 16) * 13 + 1 : i;
  const e = employerIndex * 7919;
  const name = `${FIRST[e % 20]}${SECOND[Math.floor(e / 20) % 20]}${FIRST[Math.floor(e / 400) % 20]}`;
  const trade = TRADES[employerIndex % TRADES.length]!;
  const township = TAOYUAN_TOWNSHIPS[employerIndex % TAOYUAN_TOWNSHIPS.length]!;
  const workers = 1 + (i % 5);
  const amount = (3 + (i % 9)) * 1000 * workers;
  const phone = `139${String(10_000_000 + ((i * 104_729) % 89_999_999)).padStart(8, '0')}`;
  const months = NUMBERS[i % NUMBERS.length];
  return {
    callId: `${run}-${i}`,
    receivedAt: new Date().toISOString(),
    callerPhone: phone,
    operator: `坐席${String(1 + (i % 30)).padStart(2, '0')}`,
    transcript: [
      { speaker: 'agent', text: '您好，桃源县根治欠薪热线，请讲。' },
      {
        speaker: 'caller',
        text: `我在${township.name}的${name}${trade.kind}做${trade.work}，做了${months}个月，${workers === 1 ? '就我一个人' : `我们${workers}个人`}，老板欠了${amount}块钱工资一直冇给。`,
      },
      { speaker: 'agent', text: '您的联系电话是多少？' },
      { speaker: 'caller', text: phone },
    ],
  };
}

/** The body and its HMAC headers, as the hotline feed signs them. */
export function signedRequest(secret: string, payload: unknown): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify(payload);
  const ts = String(Math.floor(Date.now() / 1000));
  return {
    body,
    headers: { 'content-type': 'application/json', 'x-timestamp': ts, 'x-signature': signHotlineBody(secret, ts, body) },
  };
}
