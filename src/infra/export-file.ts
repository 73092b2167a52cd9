import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { ParsedExport, RawRow } from '../services/import-rows';

export type ExportKind = 'csv' | 'xlsx' | 'jsonl';

const KINDS: Record<string, ExportKind> = { '.csv': 'csv', '.xlsx': 'xlsx', '.jsonl': 'jsonl', '.ndjson': 'jsonl' };

/** The kind of export a file name says it is, or null. */
export function exportKindOf(fileName: string): ExportKind | null {
  return KINDS[path.extname(fileName).toLowerCase()] ?? null;
}

/**
 * Text of a CSV: UTF-8 (with or without BOM), or GB18030 when it is not valid UTF-8, which is what
 * Excel on a Chinese Windows writes when it saves as CSV.
 */
function csvText(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return new TextDecoder('gb18030').decode(data);
  }
}

function readCsv(data: Buffer): ParsedExport {
  let headers: string[] = [];
  const rows = parse<RawRow>(csvText(data), {
    columns: (header: string[]) => (headers = header.map((h) => h.trim())),
    bom: true,
    skip_empty_lines: true,
    trim: true,
    relax_column_count: true,
  });
  return { headers, rows };
}

/**
 * A spreadsheet date has no zone: exceljs gives its wall-clock reading as UTC. Written back as that
 * reading ("2026-11-20 09:15:00"), the importer takes it as China time, like the same text typed in.
 */
function wallClock(d: Date): string {
  return d.toISOString().slice(0, 19).replace('T', ' ');
}

async function readXlsx(data: Buffer): Promise<ParsedExport> {
  const book = new ExcelJS.Workbook();
  // exceljs types its Buffer as its own ArrayBuffer-like interface; a Node Buffer is what it reads.
  await book.xlsx.load(data as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  const sheet = book.worksheets[0];
  if (!sheet) return { headers: [], rows: [] };
  const byColumn: string[] = [];
  sheet.getRow(1).eachCell((cell, col) => (byColumn[col] = String(cell.text ?? '').trim()));
  const rows: RawRow[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const out: RawRow = {};
    row.eachCell((cell, col) => {
      const h = byColumn[col];
      if (h) out[h] = cell.value instanceof Date ? wallClock(cell.value) : cell.text;
    });
    rows.push(out);
  });
  return { headers: byColumn.filter(Boolean), rows };
}

function readJsonl(data: Buffer): ParsedExport {
  const headers = new Set<string>();
  const rows = data
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i): RawRow => {
      try {
        const v = JSON.parse(l) as unknown;
        if (typeof v !== 'object' || v === null || Array.isArray(v)) return { __error: `line ${i + 1} is not an object` };
        for (const k of Object.keys(v)) headers.add(k);
        return v as RawRow;
      } catch {
        return { __error: `line ${i + 1} is not JSON` };
      }
    });
  return { headers: [...headers], rows };
}

/** Reads CSV, XLSX (first sheet, first row as headers) or JSONL into rows; a malformed file throws the parser's error. */
export async function parseExport(kind: ExportKind, data: Buffer): Promise<ParsedExport> {
  if (kind === 'csv') return readCsv(data);
  if (kind === 'xlsx') return readXlsx(data);
  return readJsonl(data);
}
