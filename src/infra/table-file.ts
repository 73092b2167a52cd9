import ExcelJS from 'exceljs';
import type { ExportFormat, ExportTable } from '../services/privacy/export-cases';

/**
 * A CSV cell that a spreadsheet would read as a formula (=, +, -, @, or a tab or return first) is
 * written as text: employer and place names come from complainants (OWASP "CSV injection").
 */
const safeText = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

function csvCell(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  const s = safeText(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** UTF-8 with a byte-order mark, so that Excel on a Chinese Windows reads it as UTF-8; CRLF lines as RFC 4180 says. */
function csv(table: ExportTable): Buffer {
  const lines = [table.headers, ...table.rows].map((row) => row.map(csvCell).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

async function xlsx(table: ExportTable): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('案件', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(table.headers).font = { bold: true };
  // Cells are written as values, never as formulas: nothing to escape.
  for (const row of table.rows) sheet.addRow(row);
  sheet.columns.forEach((c, i) => (c.width = Math.max(10, Math.min(40, (table.headers[i]?.length ?? 0) * 2 + 4))));
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** A table as a CSV or XLSX file. */
export function encodeTable(format: ExportFormat, table: ExportTable): Promise<Buffer> {
  return format === 'csv' ? Promise.resolve(csv(table)) : xlsx(table);
}
