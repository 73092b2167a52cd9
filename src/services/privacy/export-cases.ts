import type { AuditRepository } from '../../db/repositories/audit-repository';
import type { LeadRepository } from '../../db/repositories/lead-repository';
import { scopeOf } from '../../domain/access';
import { AppError } from '../../domain/app-error';
import type { Lead } from '../../domain/lead';
import { maskNumbersInText, maskPhone } from '../../domain/masking';
import type { StaffUser } from '../../domain/staff';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Rows for a spreadsheet: a header row, then cells that are text, numbers or empty. */
export interface ExportTable {
  headers: string[];
  rows: (string | number | null)[][];
}

/** The Chinese words of the codes (the console's labels). */
export interface ExportLabels {
  status: Record<string, string>;
  channel: Record<string, string>;
  sector: Record<string, string>;
  priority: Record<string, string>;
  overdue: Record<string, string>;
}

export interface ExportDeps {
  leads: Pick<LeadRepository, 'listOpenedBetween'>;
  audit: Pick<AuditRepository, 'record'>;
  /** Writes the table as a file of the format. */
  encode(format: ExportFormat, table: ExportTable): Promise<Buffer>;
  labels: ExportLabels;
}

/** More rows than a period's export should ever hold: a longer period is refused rather than cut short. */
export const EXPORT_MAX_ROWS = 20_000;

const MIME: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const timeFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});
/** 2026-11-28 09:15, China time. */
const chinaTime = (d: Date | null) => (d ? timeFormat.format(d) : null);

const COLUMNS: [string, (l: Lead, w: ExportLabels) => string | number | null][] = [
  ['案件编号', (l) => l.caseNumber],
  ['立案时间', (l) => chinaTime(l.createdAt)],
  ['受理时间', (l) => chinaTime(l.acceptedAt)],
  ['首次联系时间', (l) => chinaTime(l.contactedAt)],
  ['办结时间', (l) => chinaTime(l.closedAt)],
  ['状态', (l, w) => w.status[l.status] ?? l.status],
  ['欠薪单位', (l) => l.employer && maskNumbersInText(l.employer)],
  ['项目', (l) => l.project && maskNumbersInText(l.project)],
  ['地点', (l) => l.location && maskNumbersInText(l.location)],
  ['属地（乡镇/街道）', (l) => l.area],
  ['欠薪金额（元）', (l) => l.amountYuan],
  ['涉及人数', (l) => l.workerCount],
  ['已追回（元）', (l) => l.recoveredYuan],
  ['已支付人数', (l) => l.workersPaid],
  ['来源渠道', (l, w) => w.channel[l.channel] ?? l.channel],
  ['行业', (l, w) => (l.sector ? (w.sector[l.sector] ?? l.sector) : null)],
  ['优先级', (l, w) => w.priority[l.priority] ?? l.priority],
  ['超期环节', (l, w) => l.overdue.map((o) => w.overdue[o] ?? o).join('、') || null],
  ['联系电话（脱敏）', (l) => maskPhone(l.phone)],
];

/** The day a China-time date names, as the instant it starts. */
const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);

/**
 * The cases opened in a period of days (China time, both inclusive) that the user may see, one row
 * each with what an inspector works with, numbers masked; each export is recorded in the audit log.
 */
export async function exportCasesFor(
  deps: ExportDeps,
  staff: StaffUser,
  q: { from: string; to: string; format: ExportFormat },
): Promise<{ fileName: string; mime: string; data: Buffer; rows: number }> {
  if (staff.role !== 'supervisor' && staff.role !== 'admin')
    throw new AppError('forbidden', 'exports are for supervisors and admins', { status: 403 });
  if (q.to < q.from) throw new AppError('invalid_request', 'to must be on or after from', { status: 400 });
  const scope = scopeOf(staff);
  const leads = await deps.leads.listOpenedBetween(
    scope,
    dayStart(q.from),
    new Date(dayStart(q.to).getTime() + 86_400_000),
    EXPORT_MAX_ROWS + 1,
  );
  if (leads.length > EXPORT_MAX_ROWS)
    throw new AppError('export_too_large', `more than ${EXPORT_MAX_ROWS} cases in the period: choose a shorter one`, { status: 400 });
  const table: ExportTable = {
    headers: COLUMNS.map(([h]) => h),
    rows: leads.map((l) => COLUMNS.map(([, cell]) => cell(l, deps.labels))),
  };
  const data = await deps.encode(q.format, table);
  await deps.audit.record({
    at: new Date(),
    actor: staff.id,
    action: 'cases_exported',
    subject: `cases:${q.from}..${q.to}`,
    detail: { from: q.from, to: q.to, format: q.format, rows: leads.length, area: scope?.area ?? null },
  });
  return { fileName: `cases-${q.from}-${q.to}.${q.format}`, mime: MIME[q.format], data, rows: leads.length };
}
