import type { TriageResult } from '../../domain/triage-result';

/** The essentials a complaint needs before it is registered, asked for in this order. */
export const ESSENTIALS = ['employer', 'place', 'amount', 'workers', 'phone'] as const;
export type Essential = (typeof ESSENTIALS)[number];

export const QUESTIONS: Record<Essential, string> = {
  employer: '请问是哪个单位或哪位老板（包工头）欠的工资？',
  place: '请问是在哪里做的事？（哪个乡镇、村或哪个项目、工地、厂、店）',
  amount: '请问一共欠了多少钱？',
  workers: '请问被欠工资的一共几个人（包括您自己）？',
  phone: '请留一个方便联系您的电话号码。',
};

export interface IntakeState {
  stage: 'collecting' | 'confirming';
  /** The WeChat message that opened the conversation: the complaint's id and time. */
  opened: { id: string; at: string } | null;
  /** The conversation so far: the bot's questions as the operator's turns, the worker's messages as the caller's. */
  turns: { speaker: 'agent' | 'caller'; text: string }[];
  /** Essentials the worker said they do not know: not asked again. */
  unknown: Essential[];
  asked: Essential | null;
  /** Photos and documents sent during the conversation, registered with the complaint. */
  evidenceIds?: string[];
}

/** A conversation keeps at most this many turns (questions and answers) before it is summed up. */
export const MAX_TURNS = 40;
/** Files one conversation registers with its complaint. */
export const MAX_FILES = 10;

export function emptyState(): IntakeState {
  return { stage: 'collecting', opened: null, turns: [], unknown: [], asked: null, evidenceIds: [] };
}

export function missingEssentials(t: TriageResult, unknown: readonly Essential[]): Essential[] {
  const have: Record<Essential, boolean> = {
    employer: t.employer !== null,
    place: t.location !== null || t.project !== null,
    amount: t.amount_yuan !== null,
    workers: t.worker_count !== null,
    phone: t.phone !== null,
  };
  return ESSENTIALS.filter((e) => !have[e] && !unknown.includes(e));
}

export function summary(t: TriageResult): string {
  const v = (x: string | number | null, unit = '') => (x === null ? '未提供' : `${x}${unit}`);
  return [
    '请核对您反映的情况：',
    `欠薪单位/老板：${v(t.employer)}`,
    `地点/项目：${v([t.location, t.project].filter(Boolean).join(' ') || null)}`,
    `欠薪金额：${v(t.amount_yuan, '元')}`,
    `涉及人数：${v(t.worker_count, '人')}`,
    `联系电话：${v(t.phone)}`,
    '无误请回复“确认”，需要修改请回复“修改”或直接发送正确内容。',
  ].join('\n');
}

export const DONT_KNOW = /^(不知道|不晓得|不清楚|冇晓得|不记得|忘了|没有|冇得|没得|不确定)[。！!，,]?$/;
export const CONFIRM = /^(确认|确定|是的?|对的?|没错|无误|好的?|可以|ok|OK)[。！!]?$/;
export const EDIT = /^(修改|改一下|不对|错了)[。！!]?$/;
export const RESTART = /^(重新开始|重来|重新说|清空)[。！!]?$/;
export const PROGRESS = /查询|进展|进度|处理得怎么样|处理得么样|WA\d{8}-\d{4}/;
