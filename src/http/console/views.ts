import path from 'node:path';
import type { Response } from 'express';
import { Eta } from 'eta';
import { PROJECT_ROOT } from '../../infra/project-root';
import * as labels from './labels';

/** Server-rendered pages: Eta with autoEscape on, so `<%= %>` always escapes; nothing renders raw but layout bodies and the QR SVG. */
const eta = new Eta({
  views: path.join(PROJECT_ROOT, 'src/http/console/views'),
  autoEscape: true,
  cache: true,
});

const dateTime = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});
const dateOnly = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Helpers every template gets as `h`. */
export const helpers = {
  ...labels,
  label: (table: Record<string, string>, code: string | null | undefined) =>
    code ? (Object.hasOwn(table, code) ? table[code]! : code) : '—',
  dt: (d: Date | string | null | undefined) => (d ? dateTime.format(new Date(d)) : '—'),
  day: (d: Date | string | null | undefined) => (d ? dateOnly.format(new Date(d)) : '—'),
  yuan: (n: number | null | undefined) => (n === null || n === undefined ? '—' : `${n.toLocaleString('zh-CN')} 元`),
  /** A timeline change's value in words: status and code labels, dates in local time. */
  changeValue: (field: string, v: string | null) => {
    if (v === null) return '空';
    const table: Record<string, Record<string, string>> = {
      status: labels.STATUS_LABELS,
      sector: labels.SECTOR_LABELS,
      priority: labels.PRIORITY_LABELS,
      transferTarget: labels.TRANSFER_LABELS,
      rejectReason: labels.REJECT_LABELS,
    };
    if (table[field]) return table[field][v] ?? v;
    if (/At$/.test(field) && !Number.isNaN(Date.parse(v))) return dateTime.format(new Date(v));
    return v;
  },
  /** The query string of the current filters with some values replaced (for paging and sort links). */
  qs: (base: Record<string, unknown>, over: Record<string, unknown> = {}) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...base, ...over }))
      if (typeof v === 'string' ? v !== '' : typeof v === 'number' || v === true) p.set(k, String(v));
    const s = p.toString();
    return s ? `?${s}` : '';
  },
};

export function render(res: Response, view: string, data: Record<string, unknown>, status = 200): void {
  const locals = res.locals as { staff?: unknown; csrf?: string; unread?: number | null };
  const html = eta.render(view, {
    ...data,
    h: helpers,
    staff: locals.staff ?? null,
    csrf: locals.csrf ?? '',
    unread: locals.unread ?? null,
  });
  res.status(status).type('html').send(html);
}
