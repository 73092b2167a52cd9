import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { RawRow } from '../services/import-rows';

/** Reads CSV (UTF-8, with or without BOM), XLSX (first sheet, first row as headers) or JSONL into rows. */
export async function readExport(file: string): Promise<RawRow[]> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv') {
    return parse<RawRow>(await readFile(file), {
      columns: true,
      bom: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    });
  }
  if (ext === '.xlsx') {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0];
    if (!sheet) return [];
    const headers: string[] = [];
    sheet.getRow(1).eachCell((cell, col) => (headers[col] = String(cell.text ?? '').trim()));
    const rows: RawRow[] = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const out: RawRow = {};
      row.eachCell((cell, col) => {
        const h = headers[col];
        if (h) out[h] = cell.value instanceof Date ? cell.value : cell.text;
      });
      rows.push(out);
    });
    return rows;
  }
  if (ext === '.jsonl' || ext === '.ndjson') {
    return (await readFile(file, 'utf8'))
      .split('\n')
      .filter((l) => l.trim())
      .map((l, i) => {
        try {
          const v = JSON.parse(l) as unknown;
          return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as RawRow) : { __error: `line ${i + 1} is not an object` };
        } catch {
          return { __error: `line ${i + 1} is not JSON` };
        }
      });
  }
  throw new Error(`unsupported file type ${ext || '(none)'}: use .csv, .xlsx or .jsonl`);
}
