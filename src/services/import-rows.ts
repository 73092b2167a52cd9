import { z } from 'zod';
import { stripNul, type NewComplaint } from '../domain/complaint';

/**
 * Rows of a hotline work-order or national-platform export, whatever the column names: the usual
 * Chinese headers of those systems and plain English ones map to one shape.
 */
const HEADER_ALIASES: Record<'externalId' | 'receivedAt' | 'name' | 'phone' | 'text' | 'channel', readonly string[]> = {
  externalId: ['externalid', 'id', '工单编号', '工单号', '线索编号', '编号', '来电编号', 'callid'],
  receivedAt: ['receivedat', '受理时间', '来电时间', '投诉时间', '登记时间', '时间', 'date'],
  name: ['name', '投诉人', '来电人', '姓名', '反映人'],
  phone: ['phone', '联系电话', '来电号码', '电话', '手机'],
  text: ['text', '诉求内容', '投诉内容', '反映内容', '内容', '来电内容', 'transcript'],
  channel: ['channel', '渠道', '来源'],
};

const CHANNEL_WORDS: Record<string, NewComplaint['channel']> = {
  hotline: 'hotline',
  热线: 'hotline',
  '12345': 'hotline',
  '12333': 'hotline',
  phone: 'phone',
  电话: 'phone',
  来电: 'phone',
  电话投诉: 'phone',
  national_platform: 'national_platform',
  全国欠薪平台: 'national_platform',
  平台: 'national_platform',
  onsite: 'onsite',
  现场: 'onsite',
  media: 'media',
  媒体: 'media',
  petition: 'petition',
  信访: 'petition',
};

export type RawRow = Record<string, unknown>;

/** An export as read: its column headers in file order and one object per data row. */
export interface ParsedExport {
  headers: string[];
  rows: RawRow[];
}

/** The fields an export's columns are read into. */
export type ImportField = keyof typeof HEADER_ALIASES;
export const IMPORT_FIELDS = Object.keys(HEADER_ALIASES) as ImportField[];
/** Without these a row is rejected. */
export const REQUIRED_FIELDS: readonly ImportField[] = ['externalId', 'receivedAt', 'text'];

/** The field a column header is read into, or null when the importer ignores that column. */
export function fieldOfHeader(header: string): ImportField | null {
  const h = header.trim().toLowerCase();
  return IMPORT_FIELDS.find((f) => HEADER_ALIASES[f].includes(h)) ?? null;
}

/** Why a row is rejected, as a code (the console words it) with the offending value where there is one. */
export type RowProblemCode = 'unreadable_line' | 'bad_id' | 'empty_text' | 'text_too_long' | 'bad_time' | 'unknown_channel';
export interface RowRejection {
  /** The reason in English, as the command prints it. */
  error: string;
  code: RowProblemCode;
  value?: string;
}

/** A spreadsheet cell as text: dates as ISO strings; empty and non-scalar cells as ''. */
export function cellText(v: unknown): string {
  if (v instanceof Date) return v.toISOString();
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v).trim() : '';
}

function pick(row: RawRow, field: keyof typeof HEADER_ALIASES): string | undefined {
  for (const [k, v] of Object.entries(row)) {
    const text = cellText(v);
    if (HEADER_ALIASES[field].includes(k.trim().toLowerCase()) && text) return text;
  }
  return undefined;
}

/** Accepts ISO 8601 and the "2022-03-05 14:20(:00)" form of Chinese exports (read as UTC+8). */
function parseTime(s: string): Date | null {
  const local = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(s);
  const d = local
    ? new Date(
        `${local[1]}-${local[2]!.padStart(2, '0')}-${local[3]!.padStart(2, '0')}T${(local[4] ?? '0').padStart(2, '0')}:${local[5] ?? '00'}:${local[6] ?? '00'}+08:00`,
      )
    : new Date(s);
  return Number.isNaN(d.getTime()) ? null : d;
}

const idShape = z.string().regex(/^[A-Za-z0-9_.:-]{1,128}$/);

/** One row → a complaint to accept, or the reason it is rejected. */
export function rowToComplaint(
  row: RawRow,
  defaultChannel: NewComplaint['channel'],
  importedBy: string,
): { complaint: NewComplaint } | RowRejection {
  if (typeof row.__error === 'string') return { error: row.__error, code: 'unreadable_line' };
  const externalId = pick(row, 'externalId');
  if (!externalId || !idShape.safeParse(externalId).success)
    return { error: 'missing or malformed id (工单编号)', code: 'bad_id', ...(externalId ? { value: externalId.slice(0, 40) } : {}) };
  const text = stripNul(pick(row, 'text') ?? '').trim();
  if (!text) return { error: 'empty complaint text (诉求内容)', code: 'empty_text' };
  if (text.length > 50_000) return { error: 'complaint text longer than 50000 characters', code: 'text_too_long' };
  const when = pick(row, 'receivedAt');
  const receivedAt = when ? parseTime(when) : null;
  if (!receivedAt)
    return {
      error: `missing or unreadable time (受理时间): ${when ?? ''}`.trim(),
      code: 'bad_time',
      ...(when ? { value: when.slice(0, 40) } : {}),
    };
  const channelWord = pick(row, 'channel');
  const channel = channelWord ? CHANNEL_WORDS[channelWord.toLowerCase()] : defaultChannel;
  if (!channel) return { error: `unknown channel: ${channelWord}`, code: 'unknown_channel', value: (channelWord ?? '').slice(0, 40) };
  const phone = pick(row, 'phone')?.replace(/\D/g, '') || null;
  return {
    complaint: {
      channel,
      dedupKey: externalId,
      sender: {
        channelUserId: null,
        name: pick(row, 'name')?.slice(0, 64) ?? null,
        phone: phone && phone.length >= 5 && phone.length <= 20 ? phone : null,
      },
      operator: importedBy,
      text,
      turns: [],
      receivedAt,
    },
  };
}
